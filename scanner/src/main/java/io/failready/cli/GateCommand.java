package io.failready.cli;

import io.failready.config.FailreadyConfig;
import io.failready.config.GatePolicyConfig;
import io.failready.config.Waiver;
import io.failready.config.WaiverFile;
import io.failready.config.Workload;
import io.failready.demo.DemoEstate;
import io.failready.evaluate.Evaluation;
import io.failready.evaluate.RuleEngine;
import io.failready.evaluate.Severity;
import io.failready.gate.FailoverPrecheck;
import io.failready.gate.Gate;
import io.failready.gate.GatePolicy;
import io.failready.gate.Verdict;
import io.failready.report.Report;
import io.failready.report.ReportFacts;
import io.failready.gate.ReportCheck;
import io.failready.rules.RuleIndex;
import io.failready.rules.RuleNames;
import io.failready.snapshot.Snapshot;
import io.failready.util.Durations;
import io.failready.util.InputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

@Command(name = "gate", header = "Decide READY / NOT_READY (or GO / NO-GO for a failover) and exit with it.",
        description = {"Decides from a saved JSON report (fast: no rule engine), from a saved snapshot plus config, or from",
                "the demo estate. Each workload's policy comes from its 'gate' block in the configuration (or, for a",
                "report without --config, the policy the report records) and these flags. A saved report is trusted",
                "only for what was found: severity and section come from the rule catalog (add --rules DIR for your",
                "own rules), and waivers need an approver, a reason and an expiry.",
                "With --to REGION it is the runbook pre-check: only the checks that decide whether REGION can take",
                "the load now (secrets and keys present, capacity, replication and lag, DNS and health checks,",
                "residency), answered GO or NO-GO."})
public final class GateCommand extends AbstractCommand {
    static final class Source {
        @Option(names = {"-r", "--report"}, paramLabel = "REPORT.json", required = true, description = "Decide from a saved JSON report.")
        Path report;
        @Option(names = {"-s", "--snapshot"}, paramLabel = "FILE", required = true, description = "Evaluate a saved snapshot (needs --config).")
        Path snapshot;
        @Option(names = "--demo", required = true, description = "Evaluate the bundled demo estate.")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Workload configuration (its gate policy and waivers apply; a report for a workload or region pair it does not declare is refused).")
    Path config;

    @Option(names = "--workload", paramLabel = "NAME", description = "Only this workload (default: all).")
    String workload;

    @Option(names = "--to", paramLabel = "REGION", description = "Runbook pre-check for failing over to REGION.")
    String to;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Block on NON_COMPLIANT at or above: CRITICAL, HIGH, MEDIUM, LOW (default: HIGH).")
    String failOn;

    @Option(names = "--min-score", paramLabel = "N", description = "Block when the score is below N (0-100).")
    Double minScore;

    @Option(names = "--block-rule", paramLabel = "ID", description = "Also block on this rule, whatever its severity (repeatable, globs allowed).")
    List<String> blockRules = new ArrayList<>();

    @Option(names = "--block-section", paramLabel = "NAME", description = "Also block on every rule of this section (repeatable).")
    List<String> blockSections = new ArrayList<>();

    @Option(names = "--warn-only", paramLabel = "ID", description = "Report this rule but never block on it (repeatable, globs allowed).")
    List<String> warnOnly = new ArrayList<>();

    @Option(names = "--allow-unknown", description = "Exit 0 instead of 4 when blocking rules lack data.")
    Boolean allowUnknown;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "Refuse a report or snapshot older than this (e.g. 24h).")
    String maxAge;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Extra waiver file (e.g. owned by the compliance team).")
    List<Path> waiverFiles = new ArrayList<>();

    @Option(names = "--max-lines", paramLabel = "N", defaultValue = "20", description = "At most N blocking reasons per workload (default: ${DEFAULT-VALUE}).")
    int maxLines;

    @Mixin EvaluationOptions eval;

    @Option(names = "--write-reports", description = "Also write reports (--out, --format) when evaluating a snapshot or the demo.")
    boolean writeReports;

    /** A read of the --report file started before the command line was parsed (null: none). */
    ReportPrefetch prefetch;

    @Override
    protected int doExecute() throws Exception {
        Instant now = Instant.now();
        Duration maxAgeD = parseMaxAge();
        FailreadyConfig cfg = null;
        // report path: waivers from the config and --waivers, per workload (the engine applied them on the other paths)
        FailreadyConfig waiverHolder = null;
        java.util.Collection<String> ruleIds;
        Report report;
        if (source.report != null) {
            report = ReportPrefetch.read(prefetch, source.report);
            checkAge(report.generatedAt(), maxAgeD, now, source.report + " (generatedAt)");
            List<Path> dirs = new ArrayList<>(eval.ruleDirs);
            if (config != null) {
                FailreadyConfig first = io.failready.config.ConfigLoader.load(config, null);
                Path base = config.toAbsolutePath().getParent();
                for (String d : first.ruleDirectories) dirs.add(base.resolve(d));
            }
            RuleIndex index = RuleIndex.bundledPlus(dirs);
            ruleIds = index.ids();
            checkFlags(ruleIds);
            if (config != null) {
                cfg = io.failready.config.ConfigLoader.load(config, index.ids());
                for (Report.WorkloadReport w : report.workloads()) {
                    if (workload == null || w.name().equals(workload)) ReportCheck.checkDeclared(w, cfg, source.report.toString());
                }
                waiverHolder = cfg;
            } else {
                waiverHolder = new FailreadyConfig();
                for (Report.WorkloadReport w : report.workloads()) {
                    Workload h = new Workload();
                    h.name = w.name();
                    waiverHolder.workloads.add(h);
                }
            }
            ReportCheck.reclassify(report, index, cfg, source.report.toString());
            for (Path wf : waiverFiles) WaiverFile.load(wf, index.ids(), waiverHolder);
        } else {
            Pipeline.Loaded loaded;
            Snapshot snapshot;
            Instant asOf;
            if (source.demo) {
                if (config != null) throw new InputException("--demo brings its own configuration; drop --config or --demo.");
                loaded = Pipeline.load(DemoEstate.config(), eval.ruleDirs);
                snapshot = DemoEstate.snapshot();
                asOf = Instant.parse(DemoEstate.COLLECTED_AT);
            } else {
                if (config == null) throw new InputException("--snapshot needs --config FILE.");
                Pipeline.Inputs in = Pipeline.loadWithSnapshot(config, eval.ruleDirs, source.snapshot);
                snapshot = in.snapshot();
                loaded = in.loaded();
                asOf = now;
                checkAge(snapshot.getCollectedAt(), maxAgeD, now, source.snapshot + " (collectedAt)");
            }
            cfg = loaded.config();
            ruleIds = loaded.engine().catalog().rules().keySet();
            checkFlags(ruleIds);
            for (Path wf : waiverFiles) WaiverFile.load(wf, loaded.engine().catalog().rules().keySet(), cfg);
            if (workload != null) cfg.workloads.removeIf(w -> !w.name.equals(workload));
            RuleEngine.Options opts = eval.engineOptions(asOf);
            if (to != null) {
                FailoverPrecheck pre = FailoverPrecheck.load();
                var catalog = loaded.engine().catalog();
                opts = opts.withToRegion(to).withRuleFilter(id -> pre.includes(id, catalog.get(id).section()));
            }
            report = Pipeline.evaluate(loaded.engine(), snapshot, cfg, opts,
                    source.demo ? new Report.Source("demo", null, snapshot.getCollectedAt()) : Pipeline.source(source.snapshot, snapshot.getCollectedAt()),
                    source.demo ? new Report.Source("demo/payments.yaml", null, null) : Pipeline.source(config, null), now);
            if (writeReports) Reports.write(report, eval, loaded.engine().catalog(), out());
        }
        if (minScore != null && (minScore < 0 || minScore > 100)) throw new InputException("--min-score must be between 0 and 100.");
        Severity failOnFlag = failOn == null ? null : severity(failOn);
        FailoverPrecheck pre = to == null ? null : FailoverPrecheck.load();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        int worst = ExitCodes.OK;
        int shown = 0;
        for (Report.WorkloadReport w : report.workloads()) {
            if (workload != null && !w.name().equals(workload)) continue;
            shown++;
            if (to != null && !w.primaryRegion().equals(to) && !w.recoveryRegions().contains(to)) {
                throw new InputException("--to " + to + " is not a region of workload " + w.name() + " (regions: "
                        + w.primaryRegion() + ", " + String.join(", ", w.recoveryRegions()) + ").");
            }
            // each workload under its own policy: its config gate block, or the one its report records
            GatePolicy policy = (cfg != null ? GatePolicy.from(ReportCheck.declared(cfg, w.name()).gate) : ReportFacts.policyOf(w))
                    .with(failOnFlag, minScore, blockRules, blockSections, warnOnly, allowUnknown);
            List<Waiver> extra = waiverHolder == null ? List.of() : ReportCheck.declared(waiverHolder, w.name()).waivers;
            Gate.Decision d = Gate.decide(w, policy, extra, cfg != null ? cfg.waiverPolicy : new io.failready.config.WaiverPolicy(),
                    today, to, pre);
            print(d, policy, w.blocking() == null || w.blocking().disabledRules() == null ? List.of() : w.blocking().disabledRules());
            int code = switch (d.verdict()) {
                case READY -> ExitCodes.OK;
                case NOT_READY -> ExitCodes.NOT_READY;
                case UNKNOWN -> ExitCodes.UNKNOWN;
            };
            if (code == ExitCodes.NOT_READY || (code == ExitCodes.UNKNOWN && worst == ExitCodes.OK)) worst = code;
        }
        if (shown == 0) throw new InputException("no workload named '" + workload + "' in the report.");
        return worst;
    }

    /** A typo in a rule id, glob or section would silently relax or tighten nothing. */
    private void checkFlags(java.util.Collection<String> ids) {
        RuleNames.check("--block-rule", blockRules, ids, true);
        RuleNames.check("--warn-only", warnOnly, ids, true);
        RuleNames.check("--block-section", blockSections, io.failready.rules.RuleMetadata.SECTIONS, false);
    }

    private static Severity severity(String s) {
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw new InputException("--fail-on: " + e.getMessage() + ".");
        }
    }

    private Duration parseMaxAge() {
        if (maxAge == null) return null;
        try {
            return Durations.parse(maxAge);
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-age: " + e.getMessage() + ".");
        }
    }

    private void checkAge(String stamp, Duration max, Instant now, String what) {
        if (max == null) return;
        if (stamp == null) throw new InputException(what + " has no timestamp, so --max-age cannot be honoured.");
        Instant t;
        try {
            t = Instant.parse(stamp);
        } catch (RuntimeException e) {
            throw new InputException(what + " timestamp '" + stamp + "' is not ISO-8601.");
        }
        Duration age = Duration.between(t, now);
        if (age.compareTo(max) > 0) {
            throw new InputException(what + " is " + Durations.format(age.withNanos(0).withSeconds(age.getSeconds() / 60 * 60))
                    + " old, older than --max-age " + maxAge + "; refusing a stale decision. Re-run the scan.");
        }
    }

    private void print(Gate.Decision d, GatePolicy policy, List<Report.DisabledRule> disabled) {
        String head = d.direction() == null ? d.verdict().name()
                : switch (d.verdict()) { case READY -> "GO"; case NOT_READY -> "NO-GO"; case UNKNOWN -> "NO-GO (UNKNOWN)"; };
        out().printf("%s  %s%s  score %s  (fail on %s%s)%n", head, d.workload(),
                d.direction() == null ? "" : " failover " + d.direction(), Reports.fmt(d.score()), policy.failOn(),
                policy.minScore() == null ? "" : ", min score " + policy.minScore());
        int lines = 0;
        for (Evaluation e : d.blocking()) {
            if (lines++ >= maxLines) break;
            out().printf("  BLOCK %-8s %s: %s%n", e.getSeverity(), e.getRuleId(), e.getAnnotation());
        }
        for (Evaluation e : d.lackingData()) {
            if (lines++ >= maxLines) break;
            out().printf("  NODATA %-7s %s: %s%n", e.getSeverity(), e.getRuleId(), e.getAnnotation());
        }
        for (Evaluation e : d.warnedOnly()) {
            if (lines++ >= maxLines) break;
            out().printf("  WARN   %-8s %s: %s (warn-only; would have blocked)%n", e.getSeverity(), e.getRuleId(), e.getAnnotation());
        }
        int total = d.blocking().size() + d.lackingData().size() + d.warnedOnly().size();
        if (total > maxLines) out().printf("  ... and %d more (see the full report)%n", total - maxLines);
        if (!disabled.isEmpty()) {
            List<String> ids = disabled.stream().map(Report.DisabledRule::rule).toList();
            String shownIds = String.join(", ", ids.subList(0, Math.min(ids.size(), 8))) + (ids.size() > 8 ? ", ..." : "");
            String from = String.join(", ", disabled.stream().map(x -> x.source() == null ? "the configuration" : x.source())
                    .map(x -> x.replaceFirst(":\\d+$", "")).distinct().toList());
            out().printf("  DISABLED %d rule%s, not evaluated (disabledRules in %s): %s%n", ids.size(), ids.size() == 1 ? "" : "s", from, shownIds);
        }
        if (d.verdict() == Verdict.READY && (!d.warnedOnly().isEmpty() || !disabled.isEmpty())) {
            List<String> why = new ArrayList<>();
            if (!d.warnedOnly().isEmpty()) why.add(d.warnedOnly().size() + " blocking finding" + (d.warnedOnly().size() == 1 ? " is" : "s are") + " warn-only");
            if (!disabled.isEmpty()) why.add(disabled.size() + " rule" + (disabled.size() == 1 ? " was" : "s were") + " disabled and never judged");
            out().println("  NOTE READY depends on this: " + String.join("; ", why) + ".");
        }
        for (String n : d.notices()) out().println("  NOTE " + n);
        if (d.verdict() == Verdict.UNKNOWN) out().println("  Blocking rules lacked data: failing closed (--allow-unknown to accept).");
    }
}

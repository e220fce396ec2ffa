package io.failready.cli;

import io.failready.config.FailreadyConfig;
import io.failready.config.GatePolicyConfig;
import io.failready.config.Waiver;
import io.failready.config.WaiverFile;
import io.failready.config.Workload;
import io.failready.demo.DemoEstate;
import io.failready.model.Direction;
import io.failready.model.Evaluation;
import io.failready.evaluate.RuleEngine;
import io.failready.model.Severity;
import io.failready.gate.DecisionRecord;
import io.failready.gate.Failback;
import io.failready.gate.FailoverPrecheck;
import io.failready.gate.InventoryAge;
import io.failready.gate.Gate;
import io.failready.evaluate.GatePolicy;
import io.failready.evaluate.Verdict;
import io.failready.model.Report;
import io.failready.report.ReportFacts;
import io.failready.gate.ReportCheck;
import io.failready.rules.RuleIndex;
import io.failready.config.RuleNames;
import io.failready.snapshot.Snapshot;
import io.failready.util.Durations;
import io.failready.util.InputException;
import io.failready.util.Terminal;
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
                "residency), answered GO or NO-GO, followed by the inventory's age, the blocking and lacking-data counts",
                "and the workload's runbook links (from --config).",
                "--to the primary region is the failback pre-check (after a failover): the recovery region as source,",
                "the primary as target (data copied back, capacity in the primary). A saved report answers it only",
                "with a failback result (scan/evaluate --direction recovery-to-primary or both); --from REGION picks the",
                "recovery region when there are several.",
                "With --live it collects from AWS first; with --live --to REGION --baseline SNAPSHOT it is the incident pre-check:",
                "a primary region that answers no call (an outage) is stood in for by the last good snapshot, marked on every",
                "finding that used it, while REGION is read live."},
        exitCodeList = {"0:READY (GO with --to): nothing blocks", ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE,
                "3:NOT_READY (NO-GO): at least one blocking finding", ExitCodes.HELP_UNKNOWN_GATE})
public final class GateCommand extends AbstractCommand {
    static final class Source {
        @Option(names = {"-r", "--report"}, paramLabel = "REPORT.json", required = true, description = "Decide from a saved JSON report.")
        Path report;
        @Option(names = {"-s", "--snapshot"}, paramLabel = "FILE", required = true, description = "Evaluate a saved snapshot (needs --config).")
        Path snapshot;
        @Option(names = "--demo", required = true, description = "Evaluate the bundled demo estate.")
        boolean demo;
        @Option(names = "--live", required = true, description = "Collect from AWS now and evaluate (needs --config; the AWS options of 'scan' apply). "
                + "With --to and --baseline, the incident pre-check.")
        boolean live;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Workload configuration (its gate policy and waivers apply; a report for a workload or region pair it does not declare is refused).")
    Path config;

    @Option(names = "--workload", paramLabel = "NAME", description = "Only this workload (default: all).")
    String workload;

    @Option(names = "--to", paramLabel = "REGION", description = "Runbook pre-check for moving the load to REGION: a recovery region (failover),"
            + " or the primary region (failback, judged recovery-to-primary).")
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

    @Option(names = "--allow-unknown", description = "Exit 0 instead of 4 when blocking rules lack data (never when nothing was judged at all).")
    Boolean allowUnknown;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "Refuse (exit 2) an inventory collected longer ago than this, "
            + "e.g. 24h: when the resources were read from AWS, not when a report was written. Overrides gate.maxAge in the config. "
            + "Measured on the gate's clock: now, or --as-of. The demo's inventory is fixed (2026-11-20T06:00:00Z): with --demo pass --as-of too.")
    String maxAge;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Extra waiver file (e.g. owned by the compliance team).")
    List<Path> waiverFiles = new ArrayList<>();

    @Option(names = "--max-lines", paramLabel = "N", defaultValue = "20", description = "At most N blocking reasons per workload (default: ${DEFAULT-VALUE}).")
    int maxLines;

    @Mixin EvaluationOptions eval;

    @Mixin DirectionOptions direction;

    @Mixin AwsOptions aws;

    @Mixin BaselineOptions incident;

    @Option(names = "--write-reports", description = "Also write reports (--out, --format) when evaluating a snapshot or the demo, "
            + "and the decision record as gate-decision.json beside them. Refused with --report (use 'failready report').")
    boolean writeReports;

    @Option(names = "--decision-out", paramLabel = "FILE", description = "Write the decision record (JSON: inputs and their SHA-256, "
            + "clock, policy, waivers applied and refused, verdict, exit code) to FILE when a verdict is reached.")
    Path decisionOut;

    /** A read of the --report file started before the command line was parsed (null: none). */
    ReportPrefetch prefetch;

    @Override
    protected int doExecute() throws Exception {
        Instant now = Instant.now();
        // the gate's clock: the inventory's age is judged at --as-of when the user set it
        Instant clock = eval.asOf(now);
        refuseWriteReportsWithReport();
        if (writeReports) eval.checkReportOptions();
        checkDecisionOut();
        // flags are checked before --write-reports writes anything, so a typo leaves no half-done output
        Severity failOnFlag = failOn == null ? null : severity(failOn);
        if (minScore != null && (minScore < 0 || minScore > 100)) throw new InputException("--min-score must be between 0 and 100.");
        FailreadyConfig cfg = null;
        // report path: waivers from the config and --waivers, per workload (the engine applied them on the other paths)
        FailreadyConfig waiverHolder = null;
        java.util.Collection<String> ruleIds;
        List<DecisionRecord.Input> inputs = new ArrayList<>();
        Report report;
        io.failready.gate.incident.Incident standIn = null;
        if (!source.live) incident.refuseWithout("needs --live: a baseline stands in for a region that does not answer a live collection, "
                + "never for a saved report or snapshot.");
        String inventoryAt;
        String generatedAt = null;
        MaxAge limit;
        if (source.report != null) {
            report = ReportPrefetch.read(prefetch, source.report);
            inventoryAt = report.inventoryAt();
            generatedAt = report.generatedAt();
            inputs.add(new DecisionRecord.Input("report", source.report.toString(), null));
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
                inputs.add(new DecisionRecord.Input("config", config.toString(), null));
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
            limit = cfg != null ? maxAge(cfg) : recordedMaxAge(report);
            InventoryAge.check(source.report.toString(), inventoryAt, generatedAt, now, clock, limit.value, limit.text, limit.from);
        } else {
            Pipeline.Loaded loaded;
            Snapshot snapshot;
            Instant asOf;
            io.failready.gate.incident.Baseline baseline = null;
            if (source.demo) {
                if (config != null) throw new InputException("--demo brings its own configuration; drop --config or --demo.");
                loaded = Pipeline.load(DemoEstate.config(), eval.ruleDirs);
                snapshot = DemoEstate.snapshot();
                asOf = Instant.parse(DemoEstate.COLLECTED_AT);
                inputs.add(new DecisionRecord.Input("demo", "demo", null));
            } else if (source.live) {
                if (config == null) throw new InputException("--live needs --config FILE: it names the accounts and regions to collect.");
                loaded = Pipeline.load(config, eval.ruleDirs);
                if (workload != null) loaded.config().workloads.removeIf(w -> !w.name.equals(workload));
                // a contradictory --to/--direction/--from is refused before minutes of collection
                directionsFor(loaded.config().workloads.stream().map(w -> new String[]{w.name, w.primaryRegion}).toList(),
                        loaded.config().workloads.stream().map(w -> w.recoveryRegions).toList());
                snapshot = null; // collected below, once every flag and file has been checked
                asOf = now;
            } else {
                if (config == null) throw new InputException("--snapshot needs --config FILE.");
                Pipeline.Inputs in = Pipeline.loadWithSnapshot(config, eval.ruleDirs, source.snapshot);
                snapshot = in.snapshot();
                loaded = in.loaded();
                asOf = now;
            }
            cfg = loaded.config();
            ruleIds = loaded.engine().catalog().rules().keySet();
            checkFlags(ruleIds);
            for (Path wf : waiverFiles) WaiverFile.load(wf, ruleIds, cfg);
            if (workload != null) cfg.workloads.removeIf(w -> !w.name.equals(workload));
            if (source.live) {
                maxAge(cfg); // a bad limit is refused before AWS is read
                List<Direction> ways = directionsFor(cfg.workloads.stream().map(w -> new String[]{w.name, w.primaryRegion}).toList(),
                        cfg.workloads.stream().map(w -> w.recoveryRegions).toList());
                baseline = incident.load(cfg, now, ways, direction.from);
                snapshot = LiveScan.collect(cfg, aws, err());
                standIn = BaselineOptions.apply(baseline, snapshot, cfg, ways, direction.from, out());
            }
            inventoryAt = inventoryAt(snapshot);
            limit = maxAge(cfg);
            if (source.demo && limit.value != null && eval.asOf == null) {
                throw new InputException(limit.from + " " + limit.text + " with --demo: the demo's inventory was collected at the fixed time "
                        + DemoEstate.COLLECTED_AT + ", so it is always stale by now. Judge it as of then with --as-of "
                        + DemoEstate.COLLECTED_AT + " (or a time shortly after), or drop " + limit.from + ".");
            }
            InventoryAge.check(source.demo ? "the demo estate" : source.live ? "the live collection" : source.snapshot.toString(), inventoryAt, null, now, clock,
                    limit.value, limit.text, limit.from);
            List<Direction> dirs = directionsFor(cfg.workloads.stream().map(w -> new String[]{w.name, w.primaryRegion}).toList(),
                    cfg.workloads.stream().map(w -> w.recoveryRegions).toList());
            if (dirs.contains(Direction.RECOVERY_TO_PRIMARY)) for (Workload w : cfg.workloads) RuleEngine.failbackPair(w, direction.from);
            RuleEngine.Options opts = eval.engineOptions(asOf).withDirection(dirs.get(dirs.size() - 1), direction.from);
            if (to != null) {
                FailoverPrecheck pre = FailoverPrecheck.load();
                var catalog = loaded.engine().catalog();
                opts = opts.withToRegion(to).withRuleFilter(id -> pre.includes(id, catalog.get(id).section()));
            }
            report = Pipeline.evaluate(loaded.engine(), snapshot, cfg, opts, dirs,
                    source.demo ? new Report.Source("demo", null, snapshot.getCollectedAt())
                            : source.live ? new Report.Source("live", null, snapshot.getCollectedAt()) : Pipeline.source(source.snapshot, snapshot.getCollectedAt()),
                    source.demo ? Pipeline.demoConfigSource() : Pipeline.source(config, null), now, standIn);
            if (source.live) {
                inputs.add(new DecisionRecord.Input("live", "aws", null));
                inputs.add(new DecisionRecord.Input("config", report.sources().config().path(), report.sources().config().sha256()));
                if (baseline != null) inputs.add(new DecisionRecord.Input("baseline", baseline.path(), baseline.sha256()));
            } else if (!source.demo) {
                inputs.add(new DecisionRecord.Input("snapshot", report.sources().snapshot().path(), report.sources().snapshot().sha256()));
                inputs.add(new DecisionRecord.Input("config", report.sources().config().path(), report.sources().config().sha256()));
            }
            if (writeReports) Reports.write(report, eval, loaded.engine().catalog(), out());
        }
        for (Path wf : waiverFiles) inputs.add(new DecisionRecord.Input("waivers", wf.toString(), null));
        FailoverPrecheck pre = to == null ? null : FailoverPrecheck.load();
        // an --as-of in the past must not revive a waiver that has expired by now: the later day wins
        LocalDate today = (clock.isAfter(now) ? clock : now).atZone(ZoneOffset.UTC).toLocalDate();
        if (eval.asOf != null) {
            out().println("NOTE gate clock set by --as-of to " + clock + ": the inventory's age is judged then, not now"
                    + " (waivers must hold on " + today + ").");
        }
        int worst = ExitCodes.OK;
        int shown = 0;
        List<Gate.Decision> decisions = new ArrayList<>();
        List<GatePolicy> policies = new ArrayList<>();
        for (Report.WorkloadReport w : selected(report)) {
            shown++;
            // each workload under its own policy: its config gate block, or the one its report records
            GatePolicy policy = (cfg != null ? GatePolicy.from(ReportCheck.declared(cfg, w.name()).gate) : ReportFacts.policyOf(w))
                    .with(failOnFlag, minScore, blockRules, blockSections, warnOnly, allowUnknown);
            List<Waiver> extra = waiverHolder == null ? List.of() : ReportCheck.declared(waiverHolder, w.name()).waivers;
            Gate.Decision d = Gate.decide(w, policy, extra, cfg != null ? cfg.waiverPolicy : new io.failready.config.WaiverPolicy(),
                    today, to, pre, source.report != null && cfg != null ? cfg.source : null);
            decisions.add(d);
            policies.add(policy);
            print(d, policy, w.blocking() == null || w.blocking().disabledRules() == null ? List.of() : w.blocking().disabledRules(),
                    io.failready.report.ReportFacts.accountNames(report));
            if (to != null) printPrecheckFacts(report, w.name(), d, cfg, now);
            long fromBaseline = w.evaluations().stream().filter(e -> e.getBaseline() != null).count();
            if (fromBaseline > 0) {
                out().printf("  BASELINE %d finding%s used the baseline (%s), marked [%s]; the recovery side was read live%n", fromBaseline,
                        fromBaseline == 1 ? "" : "s", Terminal.safe(report.sources().baseline().path()),
                        w.evaluations().stream().filter(e -> e.getBaseline() != null).findFirst().orElseThrow().getBaseline().label());
            }
            int code = switch (d.verdict()) {
                case READY -> ExitCodes.OK;
                case NOT_READY -> ExitCodes.NOT_READY;
                case UNKNOWN -> ExitCodes.UNKNOWN;
            };
            if (code == ExitCodes.NOT_READY || (code == ExitCodes.UNKNOWN && worst == ExitCodes.OK)) worst = code;
        }
        if (shown == 0 && (report.workloads() == null || report.workloads().isEmpty())) {
            throw new InputException(source.report, "the report has no workload: there is nothing to gate, and no verdict is READY by default.");
        }
        if (shown == 0) throw new InputException("no workload named '" + workload + "' in the report.");
        writeDecision(now, clock, inputs, report, inventoryAt, generatedAt, limit, policies, decisions, worst);
        return worst;
    }

    /**
     * The directions to judge the workloads in: --to decides (its primary means failback), else
     * --direction (failover by default). One evaluation serves every workload, so --to must mean the
     * same direction for all of them.
     */
    private List<Direction> directionsFor(List<String[]> namePrimary, List<List<String>> recovery) {
        if (to == null) return direction.directions();
        List<Direction> asked = direction.given() ? direction.directions() : null;
        java.util.Set<Direction> ways = new java.util.LinkedHashSet<>();
        for (int i = 0; i < namePrimary.size(); i++) {
            if (workload != null && !namePrimary.get(i)[0].equals(workload)) continue;
            ways.add(Failback.directionTo(namePrimary.get(i)[0], namePrimary.get(i)[1], recovery.get(i), to));
        }
        if (ways.size() > 1) {
            throw new InputException("--to " + to + " is the primary region of some workloads and a recovery region of others;"
                    + " gate them one at a time with --workload NAME.");
        }
        if (ways.isEmpty()) return asked == null ? direction.directions() : asked;
        Direction way = ways.iterator().next();
        if (way == Direction.PRIMARY_TO_RECOVERY && direction.from != null) {
            throw new InputException("--from " + direction.from + " names where a failback starts, but --to " + to
                    + " is a recovery region (a failover). Drop --from, or pass the primary region to --to.");
        }
        if (asked != null && !asked.equals(List.of(way))) {
            throw new InputException("--to " + to + " asks about " + way.id + " (" + (way == Direction.RECOVERY_TO_PRIMARY
                    ? "it is the primary region" : "it is a recovery region") + "), but --direction is " + direction.direction
                    + ". Drop --direction: --to decides it.");
        }
        return List.of(way);
    }

    /**
     * The report entries to gate: the workload asked for, in the direction asked for. A workload
     * whose entry for that direction is missing is refused, never answered from the other one.
     */
    private List<Report.WorkloadReport> selected(Report report) {
        List<Report.WorkloadReport> all = report.workloads() == null ? List.of() : report.workloads().stream()
                .filter(w -> workload == null || w.name().equals(workload)).toList();
        List<String[]> np = all.stream().map(w -> new String[]{w.name(), w.primaryRegion()}).toList();
        List<List<String>> rec = all.stream().map(Report.WorkloadReport::recoveryRegions).toList();
        // no --to and no --direction: every entry the report holds (a report written both ways is gated both ways)
        List<Direction> wanted = to == null && !direction.given() && direction.from == null ? null : directionsFor(np, rec);
        String file = source.report == null ? "the evaluation" : source.report.toString();
        List<Report.WorkloadReport> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Report.WorkloadReport w : all) names.add(w.name());
        for (String name : names) {
            List<Report.WorkloadReport> mine = all.stream().filter(w -> w.name().equals(name)).toList();
            List<Direction> present = mine.stream().map(Report.WorkloadReport::directionOrDefault).toList();
            if (wanted != null) {
                for (Direction d : wanted) if (!present.contains(d)) Failback.refuseMissing(file, name, d, present);
            }
            for (Report.WorkloadReport w : mine) {
                if (wanted != null && !wanted.contains(w.directionOrDefault())) continue;
                if (source.report != null) Failback.checkFrom(file, w, direction.from);
                out.add(w);
            }
        }
        return out;
    }

    private void refuseWriteReportsWithReport() {
        if (writeReports && source.report != null) {
            throw new InputException("--write-reports writes the reports of a fresh evaluation (--snapshot or --demo); with --report the "
                    + "report is already written. Render it in other formats with 'failready report " + source.report
                    + " --format ...', and record this decision with --decision-out FILE.");
        }
    }

    /** The record must not replace an input or land on a directory: refused before anything is read. */
    private void checkDecisionOut() throws java.io.IOException {
        if (decisionOut == null) return;
        if (java.nio.file.Files.isDirectory(decisionOut)) {
            throw new InputException(decisionOut, "--decision-out is a directory; name a file, e.g. " + decisionOut.resolve(DecisionRecord.FILE_NAME) + ".");
        }
        List<Path> ins = new ArrayList<>(waiverFiles);
        if (source.report != null) ins.add(source.report);
        if (source.snapshot != null) ins.add(source.snapshot);
        if (config != null) ins.add(config);
        for (Path in : ins) {
            if (java.nio.file.Files.exists(decisionOut) && java.nio.file.Files.exists(in) && java.nio.file.Files.isSameFile(in, decisionOut)) {
                throw new InputException(decisionOut, "--decision-out would overwrite the input " + in + "; write the record elsewhere.");
            }
        }
    }

    /** A --max-age limit and where it came from: the flag wins over the config's gate.maxAge. */
    private record MaxAge(Duration value, String text, String from) {}

    /**
     * The flag, else the strictest gate.maxAge among the workloads gated: one inventory serves them
     * all, so the workload that asks for the freshest evidence decides.
     */
    private MaxAge maxAge(FailreadyConfig cfg) {
        String text = maxAge;
        String from = "--max-age";
        if (text == null && cfg != null) {
            Duration strictest = null;
            for (Workload w : cfg.workloads) {
                if (workload != null && !w.name.equals(workload)) continue;
                if (w.gate == null || w.gate.maxAge == null) continue;
                Duration d = parseMaxAge(w.gate.maxAge, "gate.maxAge of workload " + w.name);
                if (strictest == null || d.compareTo(strictest) < 0) {
                    strictest = d;
                    text = w.gate.maxAge;
                    from = "gate.maxAge of workload " + w.name + " in " + (source.demo ? "the demo configuration" : config);
                }
            }
        }
        if (text == null) return new MaxAge(null, null, from);
        return new MaxAge(parseMaxAge(text, from), text, from);
    }

    /**
     * Without --config: the flag, else the strictest gate.maxAge the report records for the workloads
     * gated, so a stale inventory is refused as it would be with the config that wrote the report.
     */
    private MaxAge recordedMaxAge(Report report) {
        if (maxAge != null) return maxAge(null);
        Duration strictest = null;
        String text = null, from = "--max-age";
        for (Report.WorkloadReport w : report.workloads()) {
            if (workload != null && !w.name().equals(workload)) continue;
            String recorded = ReportFacts.maxAgeOf(w);
            if (recorded == null) continue;
            String where = "gate.maxAge of workload " + w.name() + " recorded in " + source.report;
            Duration d = parseMaxAge(recorded, where);
            if (strictest == null || d.compareTo(strictest) < 0) {
                strictest = d;
                text = recorded;
                from = where;
            }
        }
        return new MaxAge(strictest, text, from);
    }

    private static Duration parseMaxAge(String text, String from) {
        try {
            Duration d = Durations.parse(text);
            if (d.isZero()) throw new IllegalArgumentException("a zero duration refuses every inventory");
            return d;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InputException(from + ": " + e.getMessage() + ".");
        }
    }

    /** The snapshot's collectedAt (its oldest part when merged), else the end of its collection window. */
    private static String inventoryAt(Snapshot s) {
        if (s.getCollectedAt() != null) return s.getCollectedAt();
        return s.getCollectionWindow() == null ? null : s.getCollectionWindow().finishedAt();
    }

    /** Written last, once a verdict exists: a refused input (exit 2) leaves no record behind. */
    private void writeDecision(Instant now, Instant clock, List<DecisionRecord.Input> inputs, Report report, String inventoryAt,
                               String generatedAt, MaxAge limit, List<GatePolicy> policies, List<Gate.Decision> decisions, int exit) throws java.io.IOException {
        Path target = decisionOut != null ? decisionOut : writeReports ? eval.out.resolve(DecisionRecord.FILE_NAME) : null;
        if (target == null) return;
        List<DecisionRecord.Input> hashed = new ArrayList<>();
        for (DecisionRecord.Input in : inputs) {
            String sha = in.sha256();
            if (sha == null && !"demo".equals(in.role()) && !"live".equals(in.role())) sha = io.failready.util.Hashing.sha256(Path.of(in.path()));
            hashed.add(new DecisionRecord.Input(in.role(), in.path(), sha));
        }
        if (report.sources() != null && report.sources().rules() != null) {
            hashed.add(new DecisionRecord.Input("rules", null, report.sources().rules().sha256()));
        }
        Long age = inventoryAt == null ? null : java.time.Duration.between(Instant.parse(inventoryAt), clock).getSeconds();
        String overall = exit == ExitCodes.OK ? Verdict.READY.name() : exit == ExitCodes.NOT_READY ? Verdict.NOT_READY.name() : Verdict.UNKNOWN.name();
        DecisionRecord rec = new DecisionRecord(DecisionRecord.SCHEMA_VERSION, new Report.Tool("failready", VersionProvider.version()),
                now.toString(), clock.toString(), eval.asOf == null ? "now" : "--as-of", hashed,
                new DecisionRecord.Inventory(inventoryAt, generatedAt, age, limit.text, limit.value == null ? null : limit.from),
                to, overall, exit,
                java.util.stream.IntStream.range(0, decisions.size())
                        .mapToObj(i -> DecisionRecord.WorkloadDecision.of(decisions.get(i), policies.get(i))).toList(),
                report.sources() == null ? null : report.sources().baseline());
        try {
            io.failready.util.AtomicFiles.write(target, o -> io.failready.util.Json.MAPPER.writeValue(o, rec));
        } catch (java.io.IOException e) {
            // the verdict above stands, but a decision asked to be recorded and was not: not a pass
            throw new InputException(target, "cannot write the decision record: " + e.getMessage(), e);
        }
        out().println("wrote " + target);
    }

    /** A typo in a rule id, glob or section would silently relax or tighten nothing. */
    private void checkFlags(java.util.Collection<String> ids) {
        RuleNames.check("--block-rule", blockRules, ids, true);
        RuleNames.check("--warn-only", warnOnly, ids, true);
        RuleNames.check("--block-section", blockSections, io.failready.model.Sections.ALL, false);
    }

    /** " (account name (id))": which account a finding is in, named as every report names it; the name is terminal-safe. */
    static String inAccount(Evaluation e, java.util.Map<String, String> names) {
        return e.getAccountId() == null ? "" : " (account " + Terminal.safe(io.failready.report.ReportFacts.accountLabel(names, e.getAccountId())) + ")";
    }

    private static Severity severity(String s) {
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            throw new InputException("--fail-on: " + e.getMessage() + ".");
        }
    }

    /**
     * What the person about to fail over needs beside the verdict, one fact per line with a fixed
     * prefix (ci/runbook-precheck.sh passes them on): how old the inventory is, how many findings
     * block and how many lacked data, and where the runbooks are.
     */
    private void printPrecheckFacts(Report report, String workloadName, Gate.Decision d, FailreadyConfig declared, Instant now) {
        String collected = report.inventoryAt();
        String age;
        try {
            age = Durations.human(Duration.between(Instant.parse(collected), now)) + " old";
        } catch (RuntimeException e) {
            age = "age unknown";
        }
        out().printf("  INVENTORY collected %s (%s)%n", collected == null ? "at an unrecorded time" : collected, age);
        out().printf("  COUNTS %d blocking, %d lacking data%n", d.blocking().size(), d.lackingData().size());
        Workload w = declared == null ? null : declared.workloads.stream().filter(x -> x.name.equals(workloadName)).findFirst().orElse(null);
        if (w == null) {
            out().println("  RUNBOOK unknown: pass --config FILE to show the workload's runbooks");
            return;
        }
        // the links are the configuration's text: no control characters reach the terminal
        out().println("  RUNBOOK failover: " + (w.runbooks.failover == null ? "none declared" : Terminal.safe(w.runbooks.failover)));
        out().println("  RUNBOOK failback: " + (w.runbooks.failback == null ? "none declared" : Terminal.safe(w.runbooks.failback)));
    }

    private void print(Gate.Decision d, GatePolicy policy, List<Report.DisabledRule> disabled, java.util.Map<String, String> names) {
        String head = d.direction() == null ? d.verdict().name()
                : switch (d.verdict()) { case READY -> "GO"; case NOT_READY -> "NO-GO"; case UNKNOWN -> "NO-GO (UNKNOWN)"; };
        String way = d.way() == Direction.RECOVERY_TO_PRIMARY ? "failback" : "failover";
        out().printf("%s  %s%s  score %s  (fail on %s%s)%n", head, Terminal.safe(d.workload()),
                d.direction() == null ? (d.way() == Direction.RECOVERY_TO_PRIMARY ? " (failback)" : "") : " " + way + " " + Terminal.safe(d.direction()),
                Reports.fmt(d.score()), policy.failOn(),
                policy.minScore() == null ? "" : ", min score " + policy.minScore());
        int lines = 0;
        for (Evaluation e : d.blocking()) {
            if (lines++ >= maxLines) break;
            out().printf("  BLOCK %-8s %s: %s%s%n", e.getSeverity(), Terminal.safe(e.getRuleId()), Terminal.safe(e.getAnnotation()), inAccount(e, names));
        }
        for (Evaluation e : d.lackingData()) {
            if (lines++ >= maxLines) break;
            out().printf("  NODATA %-7s %s: %s%s%n", e.getSeverity(), Terminal.safe(e.getRuleId()), Terminal.safe(e.getAnnotation()), inAccount(e, names));
        }
        for (Evaluation e : d.warnedOnly()) {
            if (lines++ >= maxLines) break;
            out().printf("  WARN   %-8s %s: %s (warn-only; would have blocked)%n", e.getSeverity(), Terminal.safe(e.getRuleId()), Terminal.safe(e.getAnnotation()));
        }
        int total = d.blocking().size() + d.lackingData().size() + d.warnedOnly().size();
        if (total > maxLines) out().printf("  ... and %d more (see the full report)%n", total - maxLines);
        if (!disabled.isEmpty()) {
            List<String> ids = disabled.stream().map(Report.DisabledRule::rule).toList();
            String shownIds = String.join(", ", ids.subList(0, Math.min(ids.size(), 8))) + (ids.size() > 8 ? ", ..." : "");
            String from = String.join(", ", disabled.stream().map(x -> x.source() == null ? "the configuration" : x.source())
                    .map(x -> x.replaceFirst(":\\d+$", "")).distinct().toList());
            out().printf("  DISABLED %d rule%s, not evaluated (disabledRules in %s): %s%n", ids.size(), ids.size() == 1 ? "" : "s", Terminal.safe(from), Terminal.safe(shownIds));
        }
        if (d.verdict() == Verdict.READY && (!d.warnedOnly().isEmpty() || !disabled.isEmpty())) {
            List<String> why = new ArrayList<>();
            if (!d.warnedOnly().isEmpty()) why.add(d.warnedOnly().size() + " blocking finding" + (d.warnedOnly().size() == 1 ? " is" : "s are") + " warn-only");
            if (!disabled.isEmpty()) why.add(disabled.size() + " rule" + (disabled.size() == 1 ? " was" : "s were") + " disabled and never judged");
            out().println("  NOTE READY depends on this: " + String.join("; ", why) + ".");
        }
        for (String n : d.notices()) out().println("  NOTE " + Terminal.safe(n));
        // with --allow-unknown, UNKNOWN despite lacking data can only mean nothing else was judged
        if (d.verdict() == Verdict.UNKNOWN && policy.allowUnknown() && !d.lackingData().isEmpty()) {
            out().println("  Nothing was judged: every evaluation lacks data (INSUFFICIENT_DATA) or is NOT_APPLICABLE, which is no"
                    + " evidence of readiness; --allow-unknown does not accept this.");
        } else if (d.verdict() == Verdict.UNKNOWN && d.lackingData().isEmpty()) {
            out().println("  Nothing was judged: every evaluation is NOT_APPLICABLE or there are none, which is no evidence of readiness."
                    + " Check the workload's accounts, regions and scope (tags, namePatterns) and that the inventory holds its resources;"
                    + " --allow-unknown does not accept this.");
        } else if (d.verdict() == Verdict.UNKNOWN) {
            out().println("  Blocking rules lacked data: failing closed (--allow-unknown to accept).");
        }
    }
}

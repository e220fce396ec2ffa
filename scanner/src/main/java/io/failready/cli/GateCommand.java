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
import io.failready.gate.DecisionRecord;
import io.failready.gate.Failback;
import io.failready.gate.FailoverPrecheck;
import io.failready.gate.InventoryAge;
import io.failready.gate.Gate;
import io.failready.gate.GatePolicy;
import io.failready.gate.Verdict;
import io.failready.report.Report;
import io.failready.report.ReportWriters;
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
                "the demo estate. The policy comes from the configuration's 'gate' block and these flags.",
                "With --to REGION it is the runbook pre-check: only the checks that decide whether REGION can take",
                "the load now (secrets and keys present, capacity, replication and lag, DNS and health checks,",
                "residency), answered GO or NO-GO, followed by the inventory's age, the blocking and lacking-data counts",
                "and the workload's runbook links (from --config)."},
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
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Workload configuration (its gate policy and waivers apply).")
    Path config;

    @Option(names = "--workload", paramLabel = "NAME", description = "Only this workload (default: all).")
    String workload;

    @Option(names = "--to", paramLabel = "REGION", description = "Runbook pre-check for failing over to REGION, a recovery region (the primary region, i.e. failback, is refused for now).")
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
        checkDecisionOut();
        // flags are checked before --write-reports writes anything, so a typo leaves no half-done output
        Severity failOnFlag = failOn == null ? null : severity(failOn);
        if (minScore != null && (minScore < 0 || minScore > 100)) throw new InputException("--min-score must be between 0 and 100.");
        GatePolicyConfig fromConfig = null;
        List<Waiver> extra = new ArrayList<>();
        List<DecisionRecord.Input> inputs = new ArrayList<>();
        FailreadyConfig declared = null; // for the runbook links the pre-check prints
        Report report;
        String inventoryAt;
        String generatedAt = null;
        MaxAge limit;
        if (source.report != null) {
            report = ReportPrefetch.read(prefetch, source.report);
            inventoryAt = report.inventoryAt();
            generatedAt = report.generatedAt();
            inputs.add(new DecisionRecord.Input("report", source.report.toString(), null));
            if (config != null) {
                // only the gate block and waivers are needed; rule ids are checked against the report's catalog
                java.util.Set<String> ids = new java.util.HashSet<>();
                report.rules().forEach(r -> ids.add(r.id()));
                FailreadyConfig cfg = io.failready.config.ConfigLoader.load(config, ids::contains);
                declared = cfg;
                fromConfig = pickGate(cfg);
                for (Workload w : cfg.workloads) if (workload == null || w.name.equals(workload)) extra.addAll(w.waivers);
                inputs.add(new DecisionRecord.Input("config", config.toString(), null));
            }
            for (Path wf : waiverFiles) extra.addAll(loadWaivers(wf, ids(report)));
            limit = maxAge(fromConfig);
            InventoryAge.check(source.report.toString(), inventoryAt, generatedAt, now, clock, limit.value, limit.text, limit.from);
        } else {
            Pipeline.Loaded loaded;
            Snapshot snapshot;
            Instant asOf;
            if (source.demo) {
                if (config != null) throw new InputException("--demo brings its own configuration; drop --config or --demo.");
                loaded = Pipeline.load(DemoEstate.config(), eval.ruleDirs);
                snapshot = DemoEstate.snapshot();
                asOf = Instant.parse(DemoEstate.COLLECTED_AT);
                inputs.add(new DecisionRecord.Input("demo", "demo", null));
            } else {
                if (config == null) throw new InputException("--snapshot needs --config FILE.");
                Pipeline.Inputs in = Pipeline.loadWithSnapshot(config, eval.ruleDirs, source.snapshot);
                snapshot = in.snapshot();
                loaded = in.loaded();
                asOf = now;
            }
            FailreadyConfig cfg = loaded.config();
            declared = cfg;
            for (Path wf : waiverFiles) WaiverFile.load(wf, loaded.engine().catalog()::contains, cfg);
            if (workload != null) cfg.workloads.removeIf(w -> !w.name.equals(workload));
            fromConfig = pickGate(cfg);
            inventoryAt = inventoryAt(snapshot);
            limit = maxAge(fromConfig);
            if (source.demo && limit.value != null && eval.asOf == null) {
                throw new InputException(limit.from + " " + limit.text + " with --demo: the demo's inventory was collected at the fixed time "
                        + DemoEstate.COLLECTED_AT + ", so it is always stale by now. Judge it as of then with --as-of "
                        + DemoEstate.COLLECTED_AT + " (or a time shortly after), or drop " + limit.from + ".");
            }
            InventoryAge.check(source.demo ? "the demo estate" : source.snapshot.toString(), inventoryAt, null, now, clock,
                    limit.value, limit.text, limit.from);
            for (Workload w : cfg.workloads) checkDirection(w.name, w.primaryRegion, w.recoveryRegions);
            RuleEngine.Options opts = eval.engineOptions(asOf);
            if (to != null) {
                FailoverPrecheck pre = FailoverPrecheck.load();
                var catalog = loaded.engine().catalog();
                opts = opts.withToRegion(to).withRuleFilter(id -> pre.includes(id, catalog.get(id).section()));
            }
            report = Pipeline.evaluate(loaded.engine(), snapshot, cfg, opts,
                    source.demo ? new Report.Source("demo", null, snapshot.getCollectedAt()) : Pipeline.source(source.snapshot, snapshot.getCollectedAt()),
                    source.demo ? Pipeline.demoConfigSource() : Pipeline.source(config, null), now);
            if (!source.demo) {
                inputs.add(new DecisionRecord.Input("snapshot", report.sources().snapshot().path(), report.sources().snapshot().sha256()));
                inputs.add(new DecisionRecord.Input("config", report.sources().config().path(), report.sources().config().sha256()));
            }
            if (writeReports) Reports.write(report, eval, loaded.engine().catalog(), out());
        }
        for (Path wf : waiverFiles) inputs.add(new DecisionRecord.Input("waivers", wf.toString(), null));
        GatePolicy policy = GatePolicy.from(fromConfig).with(failOnFlag, minScore, blockRules, blockSections, warnOnly, allowUnknown);
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
        for (Report.WorkloadReport w : report.workloads()) {
            if (workload != null && !w.name().equals(workload)) continue;
            shown++;
            checkDirection(w.name(), w.primaryRegion(), w.recoveryRegions());
            Gate.Decision d = Gate.decide(w, policy, extra, today, to, pre);
            decisions.add(d);
            print(d, policy);
            if (to != null) printPrecheckFacts(report, w.name(), d, declared, now);
            int code = switch (d.verdict()) {
                case READY -> ExitCodes.OK;
                case NOT_READY -> ExitCodes.NOT_READY;
                case UNKNOWN -> ExitCodes.UNKNOWN;
            };
            if (code == ExitCodes.NOT_READY || (code == ExitCodes.UNKNOWN && worst == ExitCodes.OK)) worst = code;
        }
        if (shown == 0) throw new InputException("no workload named '" + workload + "' in the report.");
        writeDecision(now, clock, inputs, report, inventoryAt, generatedAt, limit, policy, decisions, worst);
        return worst;
    }

    /** --to must name a recovery region of the workload; the primary (failback) is refused for now. */
    private void checkDirection(String name, String primary, List<String> recovery) {
        if (to == null) return;
        Failback.refuse(name, primary, recovery, to);
        if (!recovery.contains(to)) {
            throw new InputException("--to " + to + " is not a region of workload " + name + " (regions: "
                    + primary + ", " + String.join(", ", recovery) + ").");
        }
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

    private MaxAge maxAge(GatePolicyConfig fromConfig) {
        String text = maxAge;
        String from = "--max-age";
        if (text == null && fromConfig != null && fromConfig.maxAge != null) {
            text = fromConfig.maxAge;
            from = "gate.maxAge in " + (source.demo ? "the demo configuration" : config);
        }
        if (text == null) return new MaxAge(null, null, from);
        try {
            Duration d = Durations.parse(text);
            if (d.isZero()) throw new IllegalArgumentException("a zero duration refuses every inventory");
            return new MaxAge(d, text, from);
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
                               String generatedAt, MaxAge limit, GatePolicy policy, List<Gate.Decision> decisions, int exit) throws java.io.IOException {
        Path target = decisionOut != null ? decisionOut : writeReports ? eval.out.resolve(DecisionRecord.FILE_NAME) : null;
        if (target == null) return;
        List<DecisionRecord.Input> hashed = new ArrayList<>();
        for (DecisionRecord.Input in : inputs) {
            String sha = in.sha256();
            if (sha == null && !"demo".equals(in.role())) sha = io.failready.util.Hashing.sha256(Path.of(in.path()));
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
                DecisionRecord.Policy.of(policy), to, overall, exit,
                decisions.stream().map(DecisionRecord.WorkloadDecision::of).toList());
        try {
            io.failready.util.AtomicFiles.write(target, o -> io.failready.util.Json.MAPPER.writeValue(o, rec));
        } catch (java.io.IOException e) {
            // the verdict above stands, but a decision asked to be recorded and was not: not a pass
            throw new InputException(target, "cannot write the decision record: " + e.getMessage(), e);
        }
        out().println("wrote " + target);
    }

    private static java.util.Set<String> ids(Report r) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        r.rules().forEach(x -> ids.add(x.id()));
        return ids;
    }

    private List<Waiver> loadWaivers(Path file, java.util.Set<String> ids) {
        FailreadyConfig holder = new FailreadyConfig();
        Workload w = new Workload();
        w.name = workload == null ? "*" : workload;
        holder.workloads.add(w);
        WaiverFile.load(file, ids::contains, holder);
        return w.waivers;
    }

    private GatePolicyConfig pickGate(FailreadyConfig cfg) {
        for (Workload w : cfg.workloads) if (workload == null || w.name.equals(workload)) return w.gate;
        return null;
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
        out().println("  RUNBOOK failover: " + (w.runbooks.failover == null ? "none declared" : w.runbooks.failover.replaceAll("\\p{Cntrl}", "?")));
        out().println("  RUNBOOK failback: " + (w.runbooks.failback == null ? "none declared" : w.runbooks.failback.replaceAll("\\p{Cntrl}", "?")));
    }

    private void print(Gate.Decision d, GatePolicy policy) {
        String head = d.direction() == null ? d.verdict().name()
                : switch (d.verdict()) { case READY -> "GO"; case NOT_READY -> "NO-GO"; case UNKNOWN -> "NO-GO (UNKNOWN)"; };
        out().printf("%s  %s%s  score %s  (fail on %s%s)%n", head, Terminal.safe(d.workload()),
                d.direction() == null ? "" : " failover " + d.direction(), Reports.fmt(d.score()), policy.failOn(),
                policy.minScore() == null ? "" : ", min score " + policy.minScore());
        int lines = 0;
        for (Evaluation e : d.blocking()) {
            if (lines++ >= maxLines) break;
            out().printf("  BLOCK %-8s %s: %s%n", e.getSeverity(), Terminal.safe(e.getRuleId()), Terminal.safe(e.getAnnotation()));
        }
        for (Evaluation e : d.lackingData()) {
            if (lines++ >= maxLines) break;
            out().printf("  NODATA %-7s %s: %s%n", e.getSeverity(), Terminal.safe(e.getRuleId()), Terminal.safe(e.getAnnotation()));
        }
        int total = d.blocking().size() + d.lackingData().size();
        if (total > maxLines) out().printf("  ... and %d more (see the full report)%n", total - maxLines);
        for (String n : d.notices()) out().println("  NOTE " + Terminal.safe(n));
        if (d.verdict() == Verdict.UNKNOWN && d.lackingData().isEmpty()) {
            out().println("  Nothing was judged: every evaluation is NOT_APPLICABLE or there are none, which is no evidence of readiness."
                    + " Check the workload's accounts, regions and scope (tags, namePatterns) and that the inventory holds its resources;"
                    + " --allow-unknown does not accept this.");
        } else if (d.verdict() == Verdict.UNKNOWN) {
            out().println("  Blocking rules lacked data: failing closed (--allow-unknown to accept).");
        }
    }
}

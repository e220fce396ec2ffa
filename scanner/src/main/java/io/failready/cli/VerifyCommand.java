package io.failready.cli;

import io.failready.evaluate.Evaluation;
import io.failready.report.Report;
import io.failready.report.ReportReader;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.Hashing;
import io.failready.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

@Command(name = "verify", header = "Check a report against the snapshot, configuration and rules it claims to come from.",
        description = {"Compares the SHA-256 recorded in the report with the given files and the rule set, then re-evaluates",
                "the snapshot as of the report's time and checks that every evaluation, score and verdict is the same.",
                "Exit 0 when the report is reproducible; 3 when it is not (each difference is listed)."})
public final class VerifyCommand extends AbstractCommand {
    @Parameters(paramLabel = "REPORT.json") Path reportFile;
    @Option(names = {"-s", "--snapshot"}, paramLabel = "FILE", required = true, description = "The snapshot the report was built from.")
    Path snapshotFile;
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The configuration the report was built from.")
    Path configFile;
    @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directories used for the report (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Override protected int doExecute() throws Exception {
        Report report = ReportReader.read(reportFile);
        List<String> problems = new ArrayList<>();
        Report.Sources src = report.sources();
        if (src == null) throw new InputException(reportFile, "records no sources, so it cannot be verified.");
        check(problems, "snapshot", src.snapshot(), Hashing.sha256(snapshotFile));
        check(problems, "configuration", src.config(), Hashing.sha256(configFile));
        Pipeline.Loaded loaded = Pipeline.load(configFile, ruleDirs);
        check(problems, "rule set", src.rules(), Hashing.ruleSet(loaded.engine().catalog().ruleSet()));
        Snapshot snapshot = SnapshotIO.read(snapshotFile);
        Instant asOf = Instant.parse(report.asOf());
        Report again = Pipeline.evaluate(loaded.engine(), snapshot, loaded.config(),
                io.failready.evaluate.RuleEngine.Options.defaults(asOf), src.snapshot(), src.config(), Instant.parse(report.generatedAt()));
        compare(problems, report, again);
        if (problems.isEmpty()) {
            out().println("VERIFIED " + reportFile + ": hashes match and re-evaluation reproduces all "
                    + report.summary().evaluations() + " evaluations, scores and verdicts.");
            return ExitCodes.OK;
        }
        out().println("NOT VERIFIED " + reportFile + ":");
        problems.stream().limit(50).forEach(p -> out().println("  " + io.failready.util.Terminal.safe(p)));
        if (problems.size() > 50) out().println("  ... and " + (problems.size() - 50) + " more");
        return ExitCodes.NOT_READY;
    }

    private static void check(List<String> problems, String what, Report.Source recorded, String actual) {
        if (recorded == null || recorded.sha256() == null) {
            problems.add("the report records no SHA-256 for its " + what + ".");
        } else if (!recorded.sha256().equals(actual)) {
            problems.add(what + " SHA-256 differs: report has " + recorded.sha256() + ", file has " + actual + ".");
        }
    }

    private static void compare(List<String> problems, Report a, Report b) {
        if (a.workloads().size() != b.workloads().size()) {
            problems.add("workload count differs: " + a.workloads().size() + " vs " + b.workloads().size() + ".");
            return;
        }
        for (int i = 0; i < a.workloads().size(); i++) {
            Report.WorkloadReport x = a.workloads().get(i), y = b.workloads().get(i);
            if (!x.verdict().equals(y.verdict())) problems.add(x.name() + ": verdict " + x.verdict() + " but re-evaluation gives " + y.verdict() + ".");
            if (!Objects.equals(x.score(), y.score())) problems.add(x.name() + ": score " + x.score() + " but re-evaluation gives " + y.score() + ".");
            TreeSet<String> ex = keys(x.evaluations()), ey = keys(y.evaluations());
            for (String k : ex) if (!ey.contains(k)) problems.add(x.name() + ": in the report but not reproduced: " + k);
            for (String k : ey) if (!ex.contains(k)) problems.add(x.name() + ": reproduced but missing from the report: " + k);
        }
    }

    private static TreeSet<String> keys(List<Evaluation> evals) {
        TreeSet<String> s = new TreeSet<>();
        for (Evaluation e : evals) s.add(e.key() + " " + e.getComplianceType() + " waived=" + e.isWaived() + " " + e.getAnnotation());
        return s;
    }
}

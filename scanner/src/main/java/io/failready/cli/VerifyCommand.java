package io.failready.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.failready.demo.DemoEstate;
import io.failready.model.Report;
import io.failready.report.ReportComparison;
import io.failready.report.ReportReader;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.Gzip;
import io.failready.util.Hashing;
import io.failready.util.InputException;
import io.failready.util.Json;
import io.failready.gate.EvidenceBundle;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

@Command(name = "verify", header = "Check a report against the snapshot, configuration and rules it claims to come from.",
        description = {"Compares the SHA-256 recorded in the report with the given files and the rule set, then re-evaluates",
                "the snapshot as of the report's time and compares the result with the report field by field: every",
                "evaluation (outcome, severity, section, resource, account, regions, counterpart, annotation, waiver),",
                "every score (overall, sections, accounts, region pairs), verdicts, blocking counts, summary counts, rules",
                "and collection gaps. Only the input paths and the tool version are not compared.",
                "A report from 'scan --demo' verifies with --demo --snapshot OUT/snapshot.json.gz.",
                "An evidence bundle (failready evidence) verifies alone: 'failready verify evidence.zip'. Any changed byte in it is",
                "refused (exit 2) naming the member; then the report is re-derived from the bundled snapshot and configuration."},
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE,
                "3:NOT VERIFIED: the report differs from its inputs (the first differences are listed)"})
public final class VerifyCommand extends AbstractCommand {
    /** How many differences to list: enough to see the pattern, few enough to read. */
    static final int SHOWN = 20;

    @Parameters(paramLabel = "REPORT.json|BUNDLE.zip", description = "A JSON report, or an evidence bundle written by 'failready evidence' "
            + "(which brings its own snapshot and configuration).")
    Path reportFile;
    @Option(names = {"-s", "--snapshot"}, paramLabel = "FILE", description = "The snapshot the report was built from (required for a report).")
    Path snapshotFile;

    static final class ConfigSource {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The configuration the report was built from.")
        Path configFile;
        @Option(names = "--demo", required = true, description = "The report came from 'scan --demo': use the bundled demo configuration.")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ConfigSource config;

    @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directories used for the report (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Override protected int doExecute() throws Exception {
        if (isZip(reportFile)) {
            if (snapshotFile != null || config != null) {
                throw new InputException(reportFile, "is an evidence bundle: it brings its own snapshot and configuration; drop --snapshot, --config and --demo.");
            }
            return verifyBundle();
        }
        Report report = ReportReader.read(reportFile);
        if (snapshotFile == null) throw new InputException("verify REPORT.json needs --snapshot FILE, the snapshot the report was built from.");
        if (config == null) throw new InputException("verify REPORT.json needs --config FILE (or --demo), the configuration the report was built from.");
        List<String> problems = differences(reportFile, report, snapshotFile, config.demo ? DemoEstate.config() : config.configFile, config.demo, ruleDirs);
        return print(reportFile, report, problems, "");
    }

    private int print(Path what, Report report, List<String> problems, String prefix) {
        if (problems.isEmpty()) {
            // reproducible is not recent: say which moment the report judged (gate --max-age judges age)
            out().println("VERIFIED " + prefix + what + ": hashes match and re-evaluation as of " + report.asOf() + " reproduces every field of all "
                    + report.summary().evaluations() + " evaluations, the scores, verdicts, summary and collection gaps.");
            return ExitCodes.OK;
        }
        out().println("NOT VERIFIED " + prefix + what + ": " + problems.size() + (problems.size() == 1 ? " difference" : " differences")
                + " from what its inputs give:");
        problems.stream().limit(SHOWN).forEach(p -> out().println("  " + io.failready.util.Terminal.safe(p)));
        if (problems.size() > SHOWN) out().println("  ... and " + (problems.size() - SHOWN) + " more");
        return ExitCodes.NOT_READY;
    }

    /**
     * Every way the report differs from what its snapshot, configuration and rules give: hashes first,
     * then the re-evaluation field by field. Empty when it verifies. {@code evidence} refuses to
     * bundle a report that does not.
     */
    static List<String> differences(Path reportFile, Report report, Path snapshotFile, Path configFile, boolean demo, List<Path> ruleDirs) {
        JsonNode found = rawTree(reportFile);
        List<String> problems = new ArrayList<>();
        Report.Sources src = report.sources();
        if (src == null) throw new InputException(reportFile, "records no sources, so it cannot be verified.");
        check(problems, "snapshot", src.snapshot(), sha256(snapshotFile));
        check(problems, "configuration", src.config(), sha256(configFile));
        Pipeline.Loaded loaded = Pipeline.load(configFile, ruleDirs);
        check(problems, "rule set", src.rules(), loaded.engine().catalog().ruleSet().sha256());
        Snapshot snapshot = SnapshotIO.read(snapshotFile);
        // re-evaluated in the directions the report records (a failback entry starts where its pairs say)
        List<io.failready.model.Direction> directions = report.workloads().stream()
                .map(Report.WorkloadReport::directionOrDefault).distinct().sorted().toList();
        String from = report.workloads().stream().filter(Report.WorkloadReport::isFailback)
                .flatMap(w -> io.failready.report.ReportFacts.failbackSources(w).stream()).findFirst().orElse(null);
        Report again = Pipeline.evaluate(loaded.engine(), snapshot, loaded.config(),
                io.failready.evaluate.RuleEngine.Options.defaults(instant(reportFile, report.asOf(), "asOf"))
                        .withDirection(io.failready.model.Direction.PRIMARY_TO_RECOVERY, from),
                directions.isEmpty() ? List.of(io.failready.model.Direction.PRIMARY_TO_RECOVERY) : directions,
                Pipeline.source(snapshotFile, snapshot.getCollectedAt()),
                demo ? Pipeline.demoConfigSource() : Pipeline.source(configFile, null),
                instant(reportFile, report.generatedAt(), "generatedAt"));
        for (ReportComparison.Difference d : ReportComparison.compare(Json.MAPPER.valueToTree(again), found)) {
            // the hashes were checked above, with the file each belongs to named
            if (!d.where().matches("sources\\.(snapshot|config|rules)\\.sha256")) problems.add(d + ".");
        }
        return problems;
    }

    static boolean isZip(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An evidence bundle: every member against the manifest and the archive's bytes against its
     * members ({@link EvidenceBundle#read}, exit 2 naming the member on any change), then the report
     * re-derived from the bundled snapshot, configuration and this failready's rules, and the bundled
     * gate decision, rule set record and waivers checked against the report and each other.
     */
    private int verifyBundle() throws IOException {
        EvidenceBundle.Opened b = EvidenceBundle.read(reportFile);
        out().println("bundle " + io.failready.util.Terminal.safe(reportFile.toString()) + ": " + b.members().size()
                + " members match manifest.json (manifest SHA-256 " + b.manifestSha256() + ", written " + io.failready.util.Terminal.safe(String.valueOf(b.manifest().createdAt())) + ")");
        Path dir = Files.createTempDirectory("failready-bundle");
        try {
            Map<String, Path> byRole = new java.util.HashMap<>();
            for (EvidenceBundle.Member m : b.members().values()) {
                Path target = dir.resolve(m.name()).normalize();
                if (!target.startsWith(dir)) throw new InputException(reportFile, "member '" + m.name() + "' would land outside the bundle's directory.");
                Files.createDirectories(target.getParent());
                Files.write(target, m.bytes());
                if (m.role() != null && !m.role().equals("waiver-file")) {
                    if (byRole.put(m.role(), target) != null) throw new InputException(reportFile, "holds two members of role '" + m.role() + "'.");
                }
            }
            for (String role : List.of(Evidence.REPORT, Evidence.SNAPSHOT, Evidence.CONFIG, Evidence.RULES, Evidence.DECISION, Evidence.WAIVERS)) {
                if (!byRole.containsKey(role)) throw new InputException(reportFile, "has no " + role + " member; not a complete evidence bundle.");
            }
            Path reportIn = byRole.get(Evidence.REPORT);
            String shown = reportIn.getFileName().toString();
            Report report = ReportReader.read(reportIn);
            List<String> problems = new ArrayList<>(differences(reportIn, report, byRole.get(Evidence.SNAPSHOT), byRole.get(Evidence.CONFIG), false, ruleDirs));
            problems.addAll(Evidence.consistency(report, Hashing.sha256(reportIn), byRole.get(Evidence.RULES), byRole.get(Evidence.DECISION), byRole.get(Evidence.WAIVERS)));
            return print(reportFile, report, problems, "bundle (" + shown + ") ");
        } finally {
            io.failready.util.AtomicFiles.deleteRecursively(dir);
        }
    }

    /**
     * The report as written, not as {@link ReportReader} binds it: a field the binding would drop or
     * repair must still show up as a difference. Duplicate keys are refused, since a reader could
     * take either value.
     */
    private static JsonNode rawTree(Path file) {
        try (InputStream in = Gzip.maybeInflate(Files.newInputStream(file))) {
            return Json.MAPPER.readerFor(JsonNode.class).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readValue(in);
        } catch (JsonProcessingException e) {
            throw Json.syntaxError(e, file.toString(), false);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try {
            return Hashing.sha256(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Path reportFile, String stamp, String field) {
        try {
            return Instant.parse(stamp);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InputException(reportFile, field + " '" + stamp + "' is not an ISO-8601 instant, so the report cannot be re-evaluated as of its time.");
        }
    }

    private static void check(List<String> problems, String what, Report.Source recorded, String actual) {
        if (recorded == null || recorded.sha256() == null) {
            problems.add("the report records no SHA-256 for its " + what + (recorded != null && "demo".equals(recorded.path())
                    ? " (it was scanned with --no-snapshot; scan keeps one by default)." : "."));
        } else if (!recorded.sha256().equals(actual)) {
            problems.add(what + " SHA-256 differs: report has " + recorded.sha256() + ", file has " + actual + ".");
        }
    }
}

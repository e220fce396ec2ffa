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
                "A report from 'scan --demo --snapshot-out FILE' verifies with --demo --snapshot FILE."},
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE,
                "3:NOT VERIFIED: the report differs from its inputs (the first differences are listed)"})
public final class VerifyCommand extends AbstractCommand {
    /** How many differences to list: enough to see the pattern, few enough to read. */
    static final int SHOWN = 20;

    @Parameters(paramLabel = "REPORT.json") Path reportFile;
    @Option(names = {"-s", "--snapshot"}, paramLabel = "FILE", required = true, description = "The snapshot the report was built from.")
    Path snapshotFile;

    static final class ConfigSource {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The configuration the report was built from.")
        Path configFile;
        @Option(names = "--demo", required = true, description = "The report came from 'scan --demo': use the bundled demo configuration.")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    ConfigSource config;

    @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directories used for the report (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Override protected int doExecute() throws Exception {
        Report report = ReportReader.read(reportFile);
        JsonNode found = rawTree(reportFile);
        Path configFile = config.demo ? DemoEstate.config() : config.configFile;
        List<String> problems = new ArrayList<>();
        Report.Sources src = report.sources();
        if (src == null) throw new InputException(reportFile, "records no sources, so it cannot be verified.");
        check(problems, "snapshot", src.snapshot(), sha256(snapshotFile));
        check(problems, "configuration", src.config(), sha256(configFile));
        Pipeline.Loaded loaded = Pipeline.load(configFile, ruleDirs);
        check(problems, "rule set", src.rules(), loaded.engine().catalog().ruleSet().sha256());
        Snapshot snapshot = SnapshotIO.read(snapshotFile);
        Report again = Pipeline.evaluate(loaded.engine(), snapshot, loaded.config(),
                io.failready.evaluate.RuleEngine.Options.defaults(instant(report.asOf(), "asOf")),
                Pipeline.source(snapshotFile, snapshot.getCollectedAt()),
                config.demo ? Pipeline.demoConfigSource() : Pipeline.source(configFile, null),
                instant(report.generatedAt(), "generatedAt"));
        for (ReportComparison.Difference d : ReportComparison.compare(Json.MAPPER.valueToTree(again), found)) {
            // the hashes were checked above, with the file each belongs to named
            if (!d.where().matches("sources\\.(snapshot|config|rules)\\.sha256")) problems.add(d + ".");
        }
        if (problems.isEmpty()) {
            // reproducible is not recent: say which moment the report judged (gate --max-age judges age)
            out().println("VERIFIED " + reportFile + ": hashes match and re-evaluation as of " + report.asOf() + " reproduces every field of all "
                    + report.summary().evaluations() + " evaluations, the scores, verdicts, summary and collection gaps.");
            return ExitCodes.OK;
        }
        out().println("NOT VERIFIED " + reportFile + ": " + problems.size() + (problems.size() == 1 ? " difference" : " differences")
                + " from what its inputs give:");
        problems.stream().limit(SHOWN).forEach(p -> out().println("  " + io.failready.util.Terminal.safe(p)));
        if (problems.size() > SHOWN) out().println("  ... and " + (problems.size() - SHOWN) + " more");
        return ExitCodes.NOT_READY;
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

    private Instant instant(String stamp, String field) {
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

package io.failready.cli;

import io.failready.demo.DemoEstate;
import io.failready.gate.DecisionRecord;
import io.failready.gate.EvidenceBundle;
import io.failready.model.Report;
import io.failready.report.ReportReader;
import io.failready.util.InputException;
import io.failready.util.Json;
import io.failready.util.OutputSet;
import io.failready.util.Terminal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code failready evidence --report R [--snapshot S] (--config C | --demo) --out DIR}: the auditors'
 * bundle ({@link EvidenceBundle}). The report is verified first (as {@code verify} does) and the
 * gate run on it (as {@code gate --report} does), so the bundle never holds a report its own
 * inputs contradict.
 */
@Command(name = "evidence", header = "Write the auditors' evidence bundle: one zip with report, snapshot, configuration, rule set, gate decision, waivers and a SHA-256 manifest.",
        description = {"Re-derives the report from the snapshot, configuration and rules first (as 'verify' does) and refuses to",
                "bundle one that differs; then gates it (as 'gate --report --config' does, with the configuration's policy",
                "and waivers) and writes DIR/evidence.zip: report, snapshot, config/ (with the waiver files it names),",
                "rules.json (tool version and rule set SHA-256), gate-decision.json, waivers.json (waivers in force with",
                "approver and expiry, and those refused) and manifest.json (SHA-256 of every member). It prints the",
                "manifest's SHA-256: record it with the change; 'failready verify DIR/evidence.zip' checks the bundle."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:The bundle was written (whatever the gate decided: the decision is in it)",
        "1:Internal error (rerun with --stacktrace)",
        "2:Invalid command line or input, the gate refused the report (e.g. stale or from the future), or --out is not usable",
        "3:NOT VERIFIED: the report differs from what its snapshot, configuration and rules give; nothing was written"})
public final class EvidenceCommand extends AbstractCommand {
    @Option(names = {"-r", "--report"}, paramLabel = "REPORT.json", required = true, description = "The JSON report (from scan or evaluate).")
    Path reportFile;

    @Option(names = {"-s", "--snapshot"}, paramLabel = "FILE",
            description = "Its snapshot (default: " + ScanCommand.SNAPSHOT_FILE + " beside the report, where scan keeps it).")
    Path snapshotFile;

    static final class ConfigSource {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "The configuration the report was built from.")
        Path configFile;
        @Option(names = "--demo", required = true, description = "The report came from 'scan --demo'.")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    ConfigSource config;

    @Option(names = "--waivers", paramLabel = "FILE", description = "Extra waiver file the gate applies (repeatable); bundled too.")
    List<Path> waiverFiles = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "TIME", description = "The gate's clock (ISO-8601), as for gate --as-of; default now.")
    String asOf;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failready-evidence",
            description = "Directory for " + EvidenceBundle.FILE_NAME + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    protected int doExecute() throws Exception {
        Report report = ReportReader.read(reportFile);
        Path snapshot = snapshotFile != null ? snapshotFile : sibling(reportFile, ScanCommand.SNAPSHOT_FILE);
        if (!Files.isRegularFile(snapshot)) {
            throw new InputException(snapshot, "snapshot not found: give --snapshot FILE (scan keeps it as " + ScanCommand.SNAPSHOT_FILE
                    + " beside the report unless --no-snapshot).");
        }
        Path configFile = config.demo ? DemoEstate.config() : config.configFile;
        Pipeline.Loaded loaded = Pipeline.load(configFile, List.of());
        if (!loaded.config().ruleDirectories.isEmpty()) {
            throw new InputException(configFile, "names rule directories (ruleDirectories); their rules are code and are not bundled, so "
                    + "the bundle could not be re-verified on its own. Evidence bundles cover the bundled checklist only.");
        }
        List<String> problems = VerifyCommand.differences(reportFile, report, snapshot, configFile, config.demo, List.of());
        if (!problems.isEmpty()) {
            out().println("NOT VERIFIED " + Terminal.safe(reportFile.toString()) + ": " + problems.size()
                    + " difference(s) from what its inputs give; no bundle written:");
            problems.stream().limit(VerifyCommand.SHOWN).forEach(p -> out().println("  " + Terminal.safe(p)));
            return ExitCodes.NOT_READY;
        }
        Path scratch = Files.createTempDirectory("failready-evidence");
        try {
            Path decisionFile = scratch.resolve(DecisionRecord.FILE_NAME);
            // the demo configuration lives in the jar; the gate reads a file
            Path gateConfig = configFile;
            if (config.demo) Files.write(gateConfig = scratch.resolve(configFile.getFileName().toString()), Files.readAllBytes(configFile));
            List<String> gate = new ArrayList<>(List.of("gate", "--report", reportFile.toString(), "--config", gateConfig.toString(),
                    "--decision-out", decisionFile.toString()));
            for (Path w : waiverFiles) gate.addAll(List.of("--waivers", w.toString()));
            if (asOf != null) gate.addAll(List.of("--as-of", asOf));
            StringWriter gOut = new StringWriter(), gErr = new StringWriter();
            int exit = FailReady.run(new PrintWriter(gOut, true), new PrintWriter(gErr, true), gate.toArray(String[]::new));
            if (!Files.isRegularFile(decisionFile)) {
                throw new InputException(reportFile, "the gate reached no decision on it (exit " + exit + "): "
                        + gErr.toString().strip().replaceFirst("^failready: ", ""));
            }
            List<EvidenceBundle.Member> members = new ArrayList<>();
            members.add(new EvidenceBundle.Member(gz(reportFile) ? "report.json.gz" : "report.json", Evidence.REPORT, Files.readAllBytes(reportFile)));
            members.add(new EvidenceBundle.Member(gz(snapshot) ? "snapshot.json.gz" : "snapshot.json", Evidence.SNAPSHOT, Files.readAllBytes(snapshot)));
            members.add(new EvidenceBundle.Member("config/" + safe(configFile.getFileName().toString(), configFile), Evidence.CONFIG, Files.readAllBytes(configFile)));
            for (String wf : loaded.config().waiverFiles) {
                Path p = configFile.toAbsolutePath().getParent().resolve(wf);
                members.add(new EvidenceBundle.Member("config/" + safe(wf.replace('\\', '/'), configFile), "waiver-file", Files.readAllBytes(p)));
            }
            for (int i = 0; i < waiverFiles.size(); i++) {
                members.add(new EvidenceBundle.Member("waiver-files/" + (i + 1) + "-" + safe(waiverFiles.get(i).getFileName().toString(), waiverFiles.get(i)),
                        "gate-waiver-file", Files.readAllBytes(waiverFiles.get(i))));
            }
            var catalog = loaded.engine().catalog();
            members.add(json("rules.json", Evidence.RULES, new Evidence.RuleSetRecord(VersionProvider.version(), catalog.ruleSet().sha256(), catalog.rules().size())));
            byte[] decision = Files.readAllBytes(decisionFile);
            members.add(new EvidenceBundle.Member(DecisionRecord.FILE_NAME, Evidence.DECISION, decision));
            members.add(json("waivers.json", Evidence.WAIVERS, Evidence.waivers(Evidence.decision(decisionFile))));
            byte[] zip = EvidenceBundle.write(members, new Report.Tool("failready", VersionProvider.version()), java.time.Instant.now().toString());
            String manifestSha = EvidenceBundle.read(bytesFile(scratch, zip)).manifestSha256();
            try (OutputSet set = OutputSet.open(out, "--out")) {
                Files.write(set.staging().resolve(EvidenceBundle.FILE_NAME), zip);
                set.commit(List.of(EvidenceBundle.FILE_NAME));
            }
            out().println("wrote " + Terminal.safe(out.resolve(EvidenceBundle.FILE_NAME).toString()) + " (" + members.size() + " members + manifest; gate "
                    + Json.MAPPER.readTree(decision).path("verdict").asText() + ")");
            out().println("manifest SHA-256: " + manifestSha + "  (record it with the change; 'failready verify "
                    + Terminal.safe(out.resolve(EvidenceBundle.FILE_NAME).toString()) + "' prints it)");
            return ExitCodes.OK;
        } finally {
            io.failready.util.AtomicFiles.deleteRecursively(scratch);
        }
    }

    private static Path bytesFile(Path dir, byte[] zip) throws java.io.IOException {
        Path f = dir.resolve("check.zip");
        Files.write(f, zip);
        return f;
    }

    private static EvidenceBundle.Member json(String name, String role, Object value) throws java.io.IOException {
        return new EvidenceBundle.Member(name, role, (Json.MAPPER.writeValueAsString(value) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean gz(Path p) { return p.getFileName().toString().endsWith(".gz"); }

    private static Path sibling(Path file, String name) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    /** A member name from a user's file name; a path that could leave the bundle's directory is refused. */
    private static String safe(String name, Path from) {
        if (name.contains("..") || name.startsWith("/") || !name.matches("[A-Za-z0-9_][A-Za-z0-9._/-]{0,200}")) {
            throw new InputException(from, "the file name '" + Terminal.safe(name) + "' cannot be a bundle member (letters, digits, . _ - and / only, "
                    + "no '..'); rename it or copy it beside the configuration.");
        }
        return name;
    }
}

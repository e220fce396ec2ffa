package io.failready.cli;

import io.failready.config.FailreadyConfig;
import io.failready.demo.DemoEstate;
import io.failready.evaluate.RuleEngine;
import io.failready.model.Report;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

@Command(name = "scan", header = "Collect, evaluate and report: is the workload ready to fail over?",
        description = {"Inventories every workload account in its primary and recovery regions, evaluates the readiness",
                "checklist, writes the reports and exits with the verdict.",
                "With --demo it runs on the bundled demo estate (a payments platform) and needs no AWS access."},
        exitCodeList = {ExitCodes.HELP_READY, ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE, ExitCodes.HELP_NOT_READY, ExitCodes.HELP_UNKNOWN})
public final class ScanCommand extends AbstractCommand {
    @Option(names = "--demo", description = "Scan the bundled demo estate instead of AWS.")
    boolean demo;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Workload configuration (YAML).")
    Path config;

    /** The inventory snapshot kept beside the reports in --out, so every report can be re-verified. */
    public static final String SNAPSHOT_FILE = "snapshot.json.gz";

    @Option(names = "--snapshot-out", paramLabel = "FILE", description = "Keep the inventory snapshot here (.json or .json.gz) instead of "
            + SNAPSHOT_FILE + " in --out.")
    Path snapshotOut;

    @Option(names = "--no-snapshot", description = "Do not keep the inventory snapshot beside the report (by default it is written to --out as "
            + SNAPSHOT_FILE + ", with the report set, so 'verify' and 'evidence' can re-derive the report).")
    boolean noSnapshot;

    @Option(names = "--primary-region", paramLabel = "REGION", description = "Without --config: the primary region.")
    String primaryRegion;

    @Option(names = "--recovery-region", paramLabel = "REGION", split = ",", description = "Without --config: the recovery region(s).")
    List<String> recoveryRegions;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "warm-standby",
            description = "Without --config: the DR strategy (backup-restore, pilot-light, warm-standby, hot-standby, active-active; default: ${DEFAULT-VALUE}).")
    String strategy;

    @Mixin EvaluationOptions eval;

    @Mixin DirectionOptions direction;

    @Mixin AwsOptions aws;

    @Mixin BaselineOptions incident;

    @Override
    protected int doExecute() throws Exception {
        if (noSnapshot && snapshotOut != null) {
            throw new InputException("--no-snapshot and --snapshot-out contradict each other: keep the snapshot at FILE, or keep none.");
        }
        eval.checkReportOptions(); // a typo in --format or --framework is refused before minutes of collection
        Instant started = Instant.now();
        direction.directions();
        Snapshot snapshot;
        FailreadyConfig cfg;
        RuleEngine engine;
        Report.Source snapSource = null;
        Path configPath;
        Instant asOfDefault = started;
        io.failready.gate.incident.Incident standIn = null;
        if (config == null) incident.refuseWithout("needs a live scan with --config FILE: the configuration names the accounts and the primary region it may stand in for.");
        if (demo) {
            if (config != null) throw new InputException("--demo brings its own configuration; drop --config or --demo.");
            configPath = DemoEstate.config();
            // read while the rules load on the prefetch thread (EnginePrefetch), which the engine then waits for
            snapshot = DemoEstate.snapshot();
            engine = Pipeline.engine(eval.ruleDirs, null);
            cfg = Pipeline.config(configPath, engine.catalog());
            asOfDefault = Instant.parse(DemoEstate.COLLECTED_AT);
            snapSource = new Report.Source("demo", null, snapshot.getCollectedAt());
        } else if (config != null) {
            if (primaryRegion != null || recoveryRegions != null) {
                throw new InputException("--primary-region/--recovery-region are for scans without --config; the configuration declares the regions.");
            }
            configPath = config;
            Pipeline.Loaded loaded = Pipeline.load(config, eval.ruleDirs);
            engine = loaded.engine();
            cfg = loaded.config();
            direction.check(cfg);
            incident.refuseOverwrite(snapshotOut != null ? snapshotOut : noSnapshot ? null : eval.out.resolve(SNAPSHOT_FILE));
            io.failready.gate.incident.Baseline baseline = incident.load(cfg, started, direction.directions(), direction.from);
            snapshot = LiveScan.collect(cfg, aws, err());
            standIn = BaselineOptions.apply(baseline, snapshot, cfg, direction.directions(), direction.from, out());
        } else {
            configPath = null;
            if (primaryRegion == null || recoveryRegions == null) {
                throw new InputException("scan needs --config FILE, or --primary-region and --recovery-region for a first look (or --demo).");
            }
            try {
                io.failready.config.DrStrategy.of(strategy);
            } catch (IllegalArgumentException e) {
                throw new InputException("--strategy: " + e.getMessage() + ".");
            }
            engine = Pipeline.engine(eval.ruleDirs, null);
            List<String> regions = new java.util.ArrayList<>(List.of(primaryRegion));
            regions.addAll(recoveryRegions);
            snapshot = io.failready.collect.Collection.run(aws.toRequest(regions, err()), io.failready.collect.aws.CollectorRegistry.all());
            cfg = LiveScan.fromFlags(primaryRegion, recoveryRegions, snapshot, strategy);
        }
        if (!demo) snapSource = new Report.Source(snapshotOut == null ? "live" : snapshotOut.toString(), null, snapshot.getCollectedAt());
        java.util.Map<String, byte[]> kept = java.util.Map.of();
        if (snapshotOut != null) {
            SnapshotIO.write(snapshot, snapshotOut);
            snapSource = Pipeline.source(snapshotOut, snapshot.getCollectedAt());
        } else if (!noSnapshot) {
            // hashed here, before evaluation, so the report names exactly the bytes written beside it
            byte[] gz = SnapshotIO.gzipBytes(snapshot);
            kept = java.util.Map.of(SNAPSHOT_FILE, gz);
            snapSource = new Report.Source(eval.out.resolve(SNAPSHOT_FILE).toString(), io.failready.util.Hashing.sha256(gz), snapshot.getCollectedAt());
        }
        Report report = Pipeline.evaluate(engine, snapshot, cfg, direction.apply(eval.engineOptions(asOfDefault)), direction.directions(), snapSource,
                demo ? Pipeline.demoConfigSource() : configPath == null ? null : Pipeline.source(configPath, null), Instant.now(), standIn);
        List<Path> written = Reports.write(report, eval, engine.catalog(), out(), kept);
        Reports.summary(report, out());
        String noAnswer = demo ? null : LiveScan.noAnswer(snapshot);
        if (noAnswer != null) {
            // the report exists and lists the gaps; say why it is empty before anyone reads it as an empty estate
            err().println("failready: AWS did not answer (" + io.failready.util.Terminal.safe(noAnswer) + "); verdict UNKNOWN, the gaps are in "
                    + io.failready.util.Terminal.safe(written.stream().filter(f -> f.toString().endsWith(".json")).findFirst()
                    .orElse(written.isEmpty() ? eval.out : written.get(0)).toString()));
        }
        return Reports.exitCode(report);
    }
}

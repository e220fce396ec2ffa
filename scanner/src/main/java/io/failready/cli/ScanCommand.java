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

    @Option(names = "--snapshot-out", paramLabel = "FILE", description = "Also keep the inventory snapshot here (.json or .json.gz) as evidence.")
    Path snapshotOut;

    @Option(names = "--primary-region", paramLabel = "REGION", description = "Without --config: the primary region.")
    String primaryRegion;

    @Option(names = "--recovery-region", paramLabel = "REGION", split = ",", description = "Without --config: the recovery region(s).")
    List<String> recoveryRegions;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "warm-standby",
            description = "Without --config: the DR strategy (backup-restore, pilot-light, warm-standby, hot-standby, active-active; default: ${DEFAULT-VALUE}).")
    String strategy;

    @Mixin EvaluationOptions eval;

    @Mixin AwsOptions aws;

    @Override
    protected int doExecute() throws Exception {
        eval.checkReportOptions();
        Instant started = Instant.now();
        Snapshot snapshot;
        FailreadyConfig cfg;
        RuleEngine engine;
        Report.Source snapSource = null;
        Path configPath;
        Instant asOfDefault = started;
        if (demo) {
            if (config != null) throw new InputException("--demo brings its own configuration; drop --config or --demo.");
            configPath = DemoEstate.config();
            engine = Pipeline.engine(eval.ruleDirs, null);
            cfg = Pipeline.config(configPath, engine.catalog());
            snapshot = DemoEstate.snapshot();
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
            snapshot = LiveScan.collect(cfg, aws, err());
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
        if (snapshotOut != null) {
            SnapshotIO.write(snapshot, snapshotOut);
            snapSource = Pipeline.source(snapshotOut, snapshot.getCollectedAt());
        }
        Report report = Pipeline.evaluate(engine, snapshot, cfg, eval.engineOptions(asOfDefault), snapSource,
                demo ? Pipeline.demoConfigSource() : configPath == null ? null : Pipeline.source(configPath, null), Instant.now());
        List<Path> written = Reports.write(report, eval, engine.catalog(), out());
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

package io.failready.cli;

import io.failready.config.FailreadyConfig;
import io.failready.evaluate.RuleEngine;
import io.failready.model.Report;
import io.failready.snapshot.Snapshot;
import io.failready.util.Timings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;

@Command(name = "evaluate", header = "Evaluate a saved inventory snapshot offline (no AWS access).",
        description = {"Reads a snapshot written by 'failready collect' (or 'scan --snapshot-out'), evaluates the checklist",
                "for the configured workloads, writes the reports and exits with the verdict."},
        exitCodeList = {ExitCodes.HELP_READY, ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE, ExitCodes.HELP_NOT_READY, ExitCodes.HELP_UNKNOWN})
public final class EvaluateCommand extends AbstractCommand {
    @Option(names = {"-s", "--snapshot"}, paramLabel = "FILE", required = true, description = "Inventory snapshot (.json or .json.gz).")
    Path snapshotFile;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "Workload configuration (YAML).")
    Path config;

    @Mixin EvaluationOptions eval;

    @Mixin DirectionOptions direction;

    @Override
    protected int doExecute() throws Exception {
        eval.checkReportOptions();
        Timings.mark("start");
        var directions = direction.directions();
        Pipeline.Inputs in = Pipeline.loadWithSnapshot(config, eval.ruleDirs, snapshotFile);
        Timings.mark("snapshot read + config and rules loaded");
        Snapshot snapshot = in.snapshot();
        Pipeline.Loaded loaded = in.loaded();
        FailreadyConfig cfg = loaded.config();
        RuleEngine engine = loaded.engine();
        Report report = Pipeline.evaluate(engine, snapshot, cfg, direction.apply(eval.engineOptions(Instant.now())), directions,
                Pipeline.source(snapshotFile, snapshot.getCollectedAt()), Pipeline.source(config, null), Instant.now());
        Timings.mark("evaluated");
        Reports.write(report, eval, engine.catalog(), out());
        Timings.mark("reports written");
        Reports.summary(report, out());
        return Reports.exitCode(report);
    }
}

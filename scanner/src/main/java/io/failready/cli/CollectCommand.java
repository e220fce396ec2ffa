package io.failready.cli;

import io.failready.collect.Collection;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code failready collect}: inventory the primary and recovery regions into a snapshot file. */
@Command(name = "collect", description = "Collect a read-only inventory snapshot of the primary and recovery regions.",
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE, ExitCodes.HELP_NO_ANSWER},
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR)
public class CollectCommand extends AbstractCommand {
    @Option(names = "--primary-region", required = true, paramLabel = "REGION", description = "The workload's primary region.")
    String primaryRegion;

    @Option(names = "--recovery-region", required = true, split = ",", paramLabel = "REGION", description = "Recovery region(s).")
    List<String> recoveryRegions;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Snapshot file to write (gzip when it ends in .gz); written atomically.")
    Path out;

    @Mixin AwsOptions aws = new AwsOptions();

    @Mixin io.failready.shard.ShardOptions shard = new io.failready.shard.ShardOptions();

    @Override protected int doExecute() throws Exception {
        List<String> regions = new ArrayList<>();
        regions.add(primaryRegion);
        for (String r : recoveryRegions) if (!regions.contains(r)) regions.add(r);
        io.failready.collect.CollectRequest req = aws.toRequest(regions, err());
        io.failready.shard.Shard sh = shard.shard();
        if (sh != null) {
            List<String> all = req.accounts();
            if (req.organization()) {
                // the organization is listed once here so every shard splits the same account list
                all = io.failready.collect.Discovery.organizationAccountIds(req.profile(), req.endpointUrl());
            }
            if (all.isEmpty()) {
                throw new io.failready.util.InputException("--shard needs the accounts to split: give --accounts or --organization.");
            }
            List<String> mine = sh.select(all);
            err().printf("failready: shard %s takes %d of %d account(s)%n", sh, mine.size(), all.size());
            if (mine.isEmpty()) {
                Snapshot empty = new Snapshot(Snapshot.SCHEMA_VERSION, new Snapshot.Tool("failready", VersionProvider.version()),
                        java.time.Instant.now().toString(), null, List.of(), regions, List.of(), List.of());
                SnapshotIO.write(empty, out);
                return ExitCodes.OK;
            }
            req = new io.failready.collect.CollectRequest(mine, req.roleName(), req.externalId(), false, req.profile(), req.regions(),
                    req.endpointUrl(), req.concurrency(), req.callTimeout(), req.scanTimeout(), req.progress(), req.progressOut());
        }
        Snapshot snapshot = Collection.run(req, io.failready.collect.aws.CollectorRegistry.all());
        SnapshotIO.write(snapshot, out);
        err().printf("failready: collected %d resources, %d collection gaps from %d account(s) x %d region(s) into %s%n",
                snapshot.getResources().size(), snapshot.getCollectionGaps().size(), snapshot.getAccounts().size(), regions.size(), out);
        String noAnswer = LiveScan.noAnswer(snapshot);
        if (noAnswer != null) {
            // the snapshot is written (its gaps are the evidence), but a pipeline must not take it for a good inventory
            err().println("failready: AWS did not answer (" + io.failready.util.Terminal.safe(noAnswer)
                    + "); the snapshot holds only collection gaps: " + io.failready.util.Terminal.safe(out.toString()));
            return ExitCodes.UNKNOWN;
        }
        return ExitCodes.OK;
    }
}

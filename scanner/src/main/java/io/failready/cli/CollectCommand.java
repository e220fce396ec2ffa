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
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR)
public class CollectCommand extends AbstractCommand {
    @Option(names = "--primary-region", required = true, paramLabel = "REGION", description = "The workload's primary region.")
    String primaryRegion;

    @Option(names = "--recovery-region", required = true, split = ",", paramLabel = "REGION", description = "Recovery region(s).")
    List<String> recoveryRegions;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Snapshot file to write (gzip when it ends in .gz); written atomically.")
    Path out;

    @Mixin AwsOptions aws = new AwsOptions();

    @Override protected int doExecute() throws Exception {
        List<String> regions = new ArrayList<>();
        regions.add(primaryRegion);
        for (String r : recoveryRegions) if (!regions.contains(r)) regions.add(r);
        Snapshot snapshot = Collection.run(aws.toRequest(regions, err()));
        SnapshotIO.write(snapshot, out);
        err().printf("failready: collected %d resources, %d collection gaps from %d account(s) x %d region(s) into %s%n",
                snapshot.getResources().size(), snapshot.getCollectionGaps().size(), snapshot.getAccounts().size(), regions.size(), out);
        return ExitCodes.OK;
    }
}

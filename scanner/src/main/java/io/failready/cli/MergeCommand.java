package io.failready.cli;

import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.snapshot.SnapshotMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "merge", header = "Combine shard snapshots (collect --shard I/N) into one snapshot.",
        description = {"Identical resources seen by several shards (global ones) are kept once; accounts, regions and",
                "collection gaps are unioned. Refuses (exit 2) mixed schema major versions and an account present",
                "in two inputs with different content. The result is sorted: merging the shards of a collection",
                "gives the same bytes as collecting everything at once."})
public final class MergeCommand extends AbstractCommand {
    @Parameters(paramLabel = "SNAPSHOT", arity = "1..*", description = "Shard snapshots (.json or .json.gz).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Merged snapshot (gzip when it ends in .gz); written atomically.")
    Path out;

    @Override protected int doExecute() throws Exception {
        List<SnapshotMerge.Input> read = new ArrayList<>();
        for (Path p : inputs) read.add(new SnapshotMerge.Input(p.toString(), SnapshotIO.read(p)));
        Snapshot merged = SnapshotMerge.merge(read);
        SnapshotIO.write(merged, out);
        out().printf("wrote %s (%d snapshots, %d accounts, %d resources, %d collection gaps)%n", out, inputs.size(),
                merged.getAccounts().size(), merged.getResources().size(), merged.getCollectionGaps().size());
        return ExitCodes.OK;
    }
}

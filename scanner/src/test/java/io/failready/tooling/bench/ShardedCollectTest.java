package io.failready.tooling.bench;

import io.failready.cli.FailReady;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.tooling.AwsStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real 'collect --shard i/8' for every i, merged, is the unsharded collection (timestamps aside). */
class ShardedCollectTest {
    static int cli(StringWriter err, String... args) {
        return FailReady.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    static List<String> collect(AwsStub stub, List<String> accounts, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("collect", "--accounts", String.join(",", accounts), "--role-name", "failready-audit",
                "--primary-region", EstateGenerator.PRIMARY, "--recovery-region", EstateGenerator.RECOVERY,
                "--endpoint-url", stub.endpoint().toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void eightShardsMergedEqualTheUnshardedCollection(@TempDir Path tmp) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 11; i++) accounts.add(EstateGenerator.accountId(i));
        Path replies = tmp.resolve("replies");
        CollectBench.writeEstate(replies, accounts);
        try (AwsStub stub = AwsStub.serving(replies, 0, 2)) {
            // one planted failure, so gaps are compared too: access denied on one account's queues
            stub.fault(c -> c.action().equals("sqs:ListQueues") && c.account().equals(accounts.get(3)), AwsStub.FaultKind.ACCESS_DENIED);
            StringWriter err = new StringWriter();
            Path whole = tmp.resolve("whole.json.gz");
            assertEquals(0, cli(err, collect(stub, accounts, whole).toArray(String[]::new)), err::toString);
            List<String> merge = new ArrayList<>(List.of("merge"));
            for (int i = 0; i < 8; i++) {
                Path part = tmp.resolve("shard-" + i + ".json.gz");
                assertEquals(0, cli(err, collect(stub, accounts, part, "--shard", i + "/8").toArray(String[]::new)), err::toString);
                merge.add(part.toString());
            }
            Path merged = tmp.resolve("merged.json.gz");
            merge.addAll(List.of("--out", merged.toString()));
            assertEquals(0, cli(err, merge.toArray(String[]::new)), err::toString);

            Snapshot a = SnapshotIO.read(whole), b = SnapshotIO.read(merged);
            assertEquals(11, a.getAccounts().size());
            assertFalse(a.getCollectionGaps().isEmpty(), "the planted gap is there to compare");
            assertTrue(a.getResources().size() > 11 * 30, "every account's estate was collected: " + a.getResources().size());
            assertEquals(a.getAccounts(), b.getAccounts());
            assertEquals(a.getRegions(), b.getRegions());
            assertEquals(io.failready.util.Json.MAPPER.writeValueAsString(a.getResources()), io.failready.util.Json.MAPPER.writeValueAsString(b.getResources()));
            assertEquals(io.failready.util.Json.MAPPER.writeValueAsString(a.getCollectionGaps()),
                    io.failready.util.Json.MAPPER.writeValueAsString(b.getCollectionGaps()));
        }
    }
}

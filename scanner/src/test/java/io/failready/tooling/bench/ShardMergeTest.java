package io.failready.tooling.bench;

import io.failready.cli.FailReady;
import io.failready.shard.Shard;
import io.failready.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardMergeTest {
    @TempDir Path tmp;

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    static String gunzip(Path p) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void shardedThenMergedEqualsUnsharded() throws IOException {
        Path whole = tmp.resolve("whole.json.gz");
        assertEquals(0, cli("bench", "generate", "--accounts", "17", "--resources-per-account", "60", "--seed", "9", "--out", whole.toString()).exit());
        List<String> args = new ArrayList<>(List.of("merge"));
        for (int i = 0; i < 4; i++) {
            Path part = tmp.resolve("shard-" + i + ".json.gz");
            Run r = cli("bench", "generate", "--accounts", "17", "--resources-per-account", "60", "--seed", "9", "--shard", i + "/4", "--out", part.toString());
            assertEquals(0, r.exit(), r.err());
            args.add(part.toString());
        }
        Path merged = tmp.resolve("merged.json.gz");
        args.addAll(List.of("--out", merged.toString()));
        Run m = cli(args.toArray(String[]::new));
        assertEquals(0, m.exit(), m.err());
        assertEquals(gunzip(whole), gunzip(merged));
    }

    @Test
    void everyAccountLandsInExactlyOneShardByItsIdNotItsPosition() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) ids.add(EstateGenerator.accountId(i));
        Set<String> seen = new HashSet<>();
        int smallest = Integer.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            List<String> mine = new Shard(i, 5).select(ids);
            smallest = Math.min(smallest, mine.size());
            for (String a : mine) assertTrue(seen.add(a), a + " in two shards");
        }
        assertEquals(500, seen.size());
        assertTrue(smallest > 60, "roughly even split, smallest shard " + smallest);
        // removing other accounts from the list does not move an account
        String one = "210000000123";
        assertEquals(List.of(one), new Shard(Shard.of(one, 5), 5).select(List.of(one)));
        assertEquals(Shard.of("123456789012", 7), Shard.of("123456789012", 7), "stable");
    }

    @Test
    void indexComesFromTheBatchSystemUnlessTheFlagGivesIt() {
        assertEquals(new Shard(2, 4), Shard.parse("/4", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "2")));
        assertEquals(new Shard(3, 4), Shard.parse("auto/4", Map.of("JOB_COMPLETION_INDEX", "3")));
        assertEquals(new Shard(1, 4), Shard.parse("1/4", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "2", "JOB_COMPLETION_INDEX", "3")));
        assertThrows(InputException.class, () -> Shard.parse("/4", Map.of()));
        assertThrows(InputException.class, () -> Shard.parse("4", Map.of("JOB_COMPLETION_INDEX", "1")));
        assertThrows(InputException.class, () -> Shard.parse("4/4", Map.of()));
        assertThrows(InputException.class, () -> Shard.parse("/4", Map.of("JOB_COMPLETION_INDEX", "x")));
    }

    @Test
    void identicalOverlapIsDedupedButConflictingOverlapIsRefused() throws IOException {
        Path a = tmp.resolve("a.json");
        assertEquals(0, cli("bench", "generate", "--accounts", "3", "--resources-per-account", "50", "--out", a.toString()).exit());
        Path out = tmp.resolve("m.json");
        Run same = cli("merge", a.toString(), a.toString(), "--out", out.toString());
        assertEquals(0, same.exit(), same.err());
        assertEquals(Files.readString(a), Files.readString(out));

        Path b = tmp.resolve("b.json");
        Files.writeString(b, Files.readString(a).replaceFirst("\"accountName\":\"bench-0\"", "\"accountName\":\"bench-zero\""));
        Path out2 = tmp.resolve("m2.json");
        Run clash = cli("merge", a.toString(), b.toString(), "--out", out2.toString());
        assertEquals(2, clash.exit(), clash.out() + clash.err());
        assertTrue(clash.err().contains("different content"), clash.err());
        assertTrue(!Files.exists(out2), "nothing written");
    }

    @Test
    void mixedMajorVersionsAreRefused() throws IOException {
        Path a = tmp.resolve("a.json");
        Files.writeString(a, "{\"schemaVersion\": \"1.0\", \"accounts\": [\"111111111111\"], \"resources\": [], \"collectionGaps\": []}");
        Path b = tmp.resolve("b.json");
        Files.writeString(b, "{\"schemaVersion\": \"2.0\", \"accounts\": [\"222222222222\"], \"resources\": [], \"collectionGaps\": []}");
        Run r = cli("merge", a.toString(), b.toString(), "--out", tmp.resolve("m.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("2.0"), r.err());
    }
}

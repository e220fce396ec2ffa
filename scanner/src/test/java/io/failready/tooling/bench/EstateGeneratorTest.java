package io.failready.tooling.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.cli.FailReady;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstateGeneratorTest {
    @TempDir Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        new EstateGenerator(3, 200, 42).write(tmp.resolve("a.json.gz"));
        new EstateGenerator(3, 200, 42).write(tmp.resolve("b.json.gz"));
        new EstateGenerator(3, 200, 43).write(tmp.resolve("c.json.gz"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.json.gz")), Files.readAllBytes(tmp.resolve("b.json.gz")));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a.json.gz")), Files.readAllBytes(tmp.resolve("c.json.gz"))));
    }

    @Test
    void streamedFileIsExactlyWhatSnapshotIoWritesForTheSameContent() throws IOException {
        Path gen = tmp.resolve("gen.json");
        assertEquals(3 * 120, new EstateGenerator(3, 120, 7).write(gen));
        Snapshot s = SnapshotIO.read(gen);
        Path again = tmp.resolve("again.json");
        SnapshotIO.write(s, again);
        assertEquals(Files.readString(gen), Files.readString(again));
    }

    @Test
    void coversEveryDocumentedResourceTypeInBothRegions() throws IOException {
        Path gen = tmp.resolve("gen.json.gz");
        new EstateGenerator(4, 400, 1).write(gen);
        Snapshot s = SnapshotIO.read(gen);
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `([A-Za-z]+::[A-Za-z0-9]*::[A-Za-z0-9]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("../docs/resource-types.md")));
        while (m.find()) documented.add(m.group(1));
        Set<String> generated = s.getResources().stream().map(Resource::getResourceType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documented, generated);
        Set<String> regions = s.getResources().stream().map(Resource::getAwsRegion).collect(Collectors.toSet());
        assertEquals(Set.of("us-east-1", "eu-west-1", "global"), regions);
        assertFalse(s.getCollectionGaps().isEmpty(), "some gaps, so INSUFFICIENT_DATA shows up");
    }

    /**
     * The generated recovery evidence is judged like the rest: most Region switch plans pass, the
     * planted ones (an active warning, an older version evaluated) do not, and the drill rests on
     * the measured Region switch execution rather than on the declared drill alone. Judged as of the
     * collection time: Region switch evaluations older than two hours do not count.
     */
    @Test
    void regionSwitchPlansAndFisExperimentsAreJudgedWithPlantedProblems() throws IOException {
        EstateGenerator g = new EstateGenerator(10, 120, 3);
        Path gen = tmp.resolve("evidence.json.gz"), cfg = tmp.resolve("bench.yaml"), out = tmp.resolve("out");
        g.write(gen);
        Files.writeString(cfg, g.config());
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "evaluate", "--snapshot", gen.toString(),
                "--config", cfg.toString(), "--as-of", EstateGenerator.COLLECTED_AT, "--out", out.toString(), "--format", "json");
        assertEquals(3, exit, () -> o + "\n" + e);
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        Map<String, String> plans = new TreeMap<>();
        JsonNode drill = null;
        for (JsonNode ev : report.path("workloads").get(0).path("evaluations")) {
            String rule = ev.path("ruleId").asText();
            if (rule.equals("REGION_SWITCH_PLAN_READY")) plans.put(ev.path("accountId").asText(), ev.path("complianceType").asText());
            if (rule.equals("DR_DRILL_RECENT")) drill = ev;
        }
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < 10; i++) expected.put(EstateGenerator.accountId(i), i == 2 || i == 7 ? "NON_COMPLIANT" : "COMPLIANT");
        assertEquals(expected, plans);
        assertTrue(drill != null, "DR_DRILL_RECENT judged");
        assertEquals("COMPLIANT", drill.path("complianceType").asText(), drill::toString);
        assertTrue(drill.path("annotation").asText().contains("Region switch plan bench-failover-"), drill::toString);
        Snapshot s = SnapshotIO.read(gen);
        Map<String, Long> fis = s.getResources().stream().filter(r -> r.getResourceType().equals("AWS::FIS::Experiment"))
                .collect(Collectors.groupingBy(r -> r.getConfiguration().get("status") + "/" + r.getConfiguration().get("actionsMode"),
                        TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("completed/run-all", 8L, "completed/skip-all", 1L, "failed/run-all", 1L), fis);
    }

    @Test
    void anAccountDoesNotDependOnHowManyOthersThereAre() {
        var small = new EstateGenerator(2, 100, 5).account(1);
        var large = new EstateGenerator(50, 100, 5).account(1);
        assertEquals(small.resources().toString(), large.resources().toString());
    }

    @Test
    void matchingConfigurationScopesByTagAndListsEveryAccount() {
        String cfg = new EstateGenerator(3, 100, 1).config();
        assertTrue(cfg.contains("app: [bench]"), cfg);
        for (int i = 0; i < 3; i++) assertTrue(cfg.contains(EstateGenerator.accountId(i)));
    }
}

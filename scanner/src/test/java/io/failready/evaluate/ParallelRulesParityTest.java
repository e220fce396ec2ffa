package io.failready.evaluate;

import io.failready.config.ConfigLoader;
import io.failready.config.FailreadyConfig;
import io.failready.demo.DemoEstate;
import io.failready.model.Direction;
import io.failready.model.Evaluation;
import io.failready.rules.RuleSources;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.tooling.bench.EstateGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules fired in partitions on several threads judge exactly as one session does: the same
 * evaluations, in the same report order, with the same waiver notices, for the demo, every bundled
 * fixture, a failback, and generated estates of several shapes with gaps and several workloads.
 */
class ParallelRulesParityTest {
    static RuleEngine serial;
    static RuleEngine routedSerial;
    static RuleEngine two;
    static RuleEngine three;

    @TempDir static Path tmp;
    static boolean sawGaps;
    static int generated;

    @org.junit.jupiter.api.AfterAll
    static void someEstateHadGaps() {
        if (generated > 0) assertTrue(sawGaps, "the generator plants collection gaps in some of the estates compared");
    }

    @BeforeAll
    static void engines() {
        // the reference hands its one session every fact; the others only what their rules match (FactRouting)
        serial = RuleEngine.load(List.of(), 1).insertingEveryFact();
        routedSerial = RuleEngine.load(List.of(), 1);
        two = RuleEngine.load(List.of(), 2);
        three = RuleEngine.load(List.of(), 3);
    }

    @Test
    void theParallelEnginesReallySplitTheRules() {
        assertEquals(1, serial.partitions().size());
        assertEquals(2, two.partitions().size());
        assertEquals(3, three.partitions().size());
        int whole = rules(serial.kieBase());
        int sum = 0;
        for (var kb : three.partitions()) {
            int n = rules(kb);
            assertTrue(n > 0 && n < whole, "each partition holds a share of the " + whole + " rules: " + n);
            sum += n;
        }
        // the bundled catalog has no inference rule, so the shares add up to the whole
        assertEquals(whole, sum);
    }

    @Test
    void demoFailoverAndFailbackJudgedTheSame() {
        FailreadyConfig cfg = ConfigLoader.load(DemoEstate.config(), serial.catalog().rules().keySet());
        RuleEngine.Options opts = RuleEngine.Options.defaults(Instant.parse(DemoEstate.COLLECTED_AT));
        List<Direction> both = List.of(Direction.PRIMARY_TO_RECOVERY, Direction.RECOVERY_TO_PRIMARY);
        List<String> want = canonical(serial.evaluate(DemoEstate.snapshot(), cfg, opts, both));
        assertTrue(want.size() > 300, "the demo judges hundreds of subjects both ways: " + want.size());
        assertEquals(want, canonical(routedSerial.evaluate(DemoEstate.snapshot(), cfg, opts, both)));
        assertEquals(want, canonical(two.evaluate(DemoEstate.snapshot(), cfg, opts, both)));
        assertEquals(want, canonical(three.evaluate(DemoEstate.snapshot(), cfg, opts, both)));
    }

    @TestFactory
    Stream<DynamicTest> everyBundledFixtureJudgedTheSame() {
        List<FixtureRunner.Fixture> all = FixtureRunner.discover(RuleSources.bundledRoot(), "rules/");
        assertFalse(all.isEmpty());
        FixtureRunner one = new FixtureRunner(serial);
        FixtureRunner par = new FixtureRunner(two);
        return all.stream().map(f -> DynamicTest.dynamicTest(f.ruleId() + " / " + f.file().getFileName(), () -> {
            assertEquals(canonicalEvaluations(one.evaluations(f)), canonicalEvaluations(par.evaluations(f)));
            // and the fixture's own expectations hold in partitions
            par.check(f);
        }));
    }

    /**
     * Shapes: few large accounts, many small ones; a second workload over some accounts; both directions;
     * and one large enough that the engine's passes around firing split over threads ({@link SideBySide#MIN_SLICE}).
     */
    @ParameterizedTest
    @CsvSource({"3, 300, 1", "8, 150, 1", "5, 200, 3", "2, 500, 4", "4, 2000, 5"})
    void generatedEstatesJudgedTheSame(int accounts, int perAccount, long seed) throws IOException {
        EstateGenerator gen = new EstateGenerator(accounts, perAccount, seed);
        Path snap = tmp.resolve("estate-" + accounts + "-" + seed + ".json.gz");
        gen.write(snap);
        Path cfgFile = tmp.resolve("estate-" + accounts + "-" + seed + ".yaml");
        Files.writeString(cfgFile, withSecondWorkload(gen.config(), gen.accountIds()));
        FailreadyConfig cfg = ConfigLoader.load(cfgFile, serial.catalog().rules().keySet());
        assertEquals(2, cfg.workloads.size());
        Snapshot snapshot = SnapshotIO.read(snap);
        generated++;
        if (!snapshot.getCollectionGaps().isEmpty()) sawGaps = true;
        RuleEngine.Options opts = RuleEngine.Options.defaults(Instant.parse(EstateGenerator.COLLECTED_AT));
        List<Direction> both = List.of(Direction.PRIMARY_TO_RECOVERY, Direction.RECOVERY_TO_PRIMARY);
        List<String> want = canonical(serial.evaluate(snapshot, cfg, opts, both));
        assertTrue(want.size() > accounts * perAccount / 4, "a real share of the estate is judged: " + want.size());
        assertEquals(want, canonical(routedSerial.evaluate(snapshot, cfg, opts, both)));
        assertEquals(want, canonical(two.evaluate(snapshot, cfg, opts, both)));
        assertEquals(want, canonical(three.evaluate(snapshot, cfg, opts, both)));
    }

    @Test
    void aFiringBudgetTheSessionsReachOnlyTogetherFailsAsTheSerialRunDoes() {
        FailreadyConfig cfg = ConfigLoader.load(DemoEstate.config(), serial.catalog().rules().keySet());
        RuleEngine.Options opts = RuleEngine.Options.defaults(Instant.parse(DemoEstate.COLLECTED_AT)).withBudget(150, java.time.Duration.ofMinutes(1));
        var a = assertThrows(RuntimeException.class, () -> serial.evaluate(DemoEstate.snapshot(), cfg, opts));
        var b = assertThrows(RuntimeException.class, () -> two.evaluate(DemoEstate.snapshot(), cfg, opts));
        assertEquals(a.getClass(), b.getClass());
        assertEquals(a.getMessage(), b.getMessage());
        assertTrue(a.getMessage().contains("budget of 150 rule firings"), a.getMessage());
    }

    static final String USER_HEADER = """
            package rules.custom;
            import io.failready.facts.Resource;
            import io.failready.facts.RegionPair;
            import io.failready.rules.api.Verdict;
            import function io.failready.rules.api.Judge.judge;
            // Scenarios: none (rules written for the parity test)
            declare Marked
                id : String
            end
            """;

    static String userRule(String id, String attrs, String when, String then) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") @title(\"Parity\") @section(\"operations\") @severity(\"LOW\") @resourceType(\"AWS::S3::Bucket\")\n"
                + attrs + "when\n" + when + "then\n" + then + "end\n";
    }

    /**
     * User rules: an inference rule every partition repeats, and a verdict rule that inserts a fact
     * another verdict rule (in another partition) tests for. One session sees the insert; partitions
     * would not, so the engine must notice the change and judge in one session.
     */
    @Test
    void userRulesThatDeriveOrChangeFactsJudgedTheSame() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("user-rules/custom"));
        String drl = USER_HEADER
                + userRule("MARK", "    @kind(\"inference\") salience 100\n", "    $r : Resource( resourceType == \"AWS::S3::Bucket\", resourceName == \"a\" )\n",
                "    insert(new Marked($r.getResourceId() + \"#inferred\"));\n")
                + userRule("USER_A_WRITES", "    salience 10\n", "    $p : RegionPair()\n    $r : Resource( resourceType == \"AWS::S3::Bucket\" )\n",
                "    insert(new Marked($r.getResourceId()));\n    judge(kcontext, $p, $r, Verdict.compliant(\"written\", null));\n")
                + userRule("USER_B_READS", "", "    $p : RegionPair()\n    $r : Resource( resourceType == \"AWS::S3::Bucket\", $id : resourceId )\n    not Marked( id == $id )\n",
                "    judge(kcontext, $p, $r, Verdict.nonCompliant(\"not marked\", null));\n")
                + userRule("USER_C_INFERRED", "", "    $p : RegionPair()\n    $r : Resource( resourceType == \"AWS::S3::Bucket\", $id : resourceId )\n    Marked( id == $id + \"#inferred\" )\n",
                "    judge(kcontext, $p, $r, Verdict.compliant(\"inferred\", null));\n");
        Files.writeString(dir.resolve("PARITY.drl"), drl);
        Path snap = tmp.resolve("user.json");
        Files.writeString(snap, """
                {"schemaVersion": "1.0", "resources": [
                  {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::a", "resourceName": "a", "accountId": "111111111111", "awsRegion": "us-east-1"},
                  {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::b", "resourceName": "b", "accountId": "111111111111", "awsRegion": "us-east-1"}],
                 "collectionGaps": []}
                """);
        Path cfgFile = tmp.resolve("user.yaml");
        Files.writeString(cfgFile, """
                workloads:
                  - {name: w, accounts: [{id: "111111111111"}], primaryRegion: us-east-1, recoveryRegions: [eu-west-1], strategy: pilot-light}
                """);
        RuleEngine one = RuleEngine.load(List.of(tmp.resolve("user-rules")), 1).insertingEveryFact();
        RuleEngine par = RuleEngine.load(List.of(tmp.resolve("user-rules")), 3);
        FailreadyConfig cfg = ConfigLoader.load(cfgFile, one.catalog().rules().keySet());
        RuleEngine.Options opts = RuleEngine.Options.defaults(Instant.parse("2026-11-20T00:00:00Z"))
                .withRuleFilter(id -> id.startsWith("USER_"));
        List<String> want = canonical(one.evaluate(SnapshotIO.read(snap), cfg, opts));
        // B sees A's inserts in one session: nothing is "not marked"; C sees the inferred mark of bucket a
        assertFalse(String.join("\n", want).contains("not marked"), String.join("\n", want));
        assertTrue(String.join("\n", want).contains("inferred"), String.join("\n", want));
        assertEquals(want, canonical(par.evaluate(SnapshotIO.read(snap), cfg, opts)));
    }

    /** The generator's workload again under another name, over every other account, with a waiver to report notices for. */
    static String withSecondWorkload(String config, List<String> accounts) {
        int start = config.indexOf("  - name: ");
        String block = config.substring(start);
        StringBuilder second = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("  - name: ")) line = "  - name: " + EstateGenerator.WORKLOAD + "-half";
            boolean account = line.contains("{id: \"");
            if (account) {
                String id = line.substring(line.indexOf('"') + 1, line.indexOf('"', line.indexOf('"') + 1));
                if (accounts.indexOf(id) % 2 == 1) continue;
            }
            second.append(line).append('\n');
        }
        return config.substring(0, start) + block + (block.endsWith("\n") ? "" : "\n") + second;
    }

    private static int rules(org.kie.api.KieBase kb) {
        int n = 0;
        for (var p : kb.getKiePackages()) n += p.getRules().size();
        return n;
    }

    /** Every result in order, each evaluation as its report JSON in order, then the waiver notices. */
    static List<String> canonical(List<WorkloadResult> results) {
        List<String> out = new ArrayList<>();
        for (WorkloadResult r : results) {
            out.add("workload " + r.workload().name + " " + r.direction() + " " + r.pairs());
            out.addAll(canonicalEvaluations(r.evaluations()));
            out.addAll(r.waiverNotices());
        }
        return out;
    }

    static List<String> canonicalEvaluations(List<Evaluation> evals) {
        return io.failready.rules.api.TestFacts.canonical(evals);
    }
}

package io.failready.evaluate;

import io.failready.config.ConfigLoader;
import io.failready.config.FailreadyConfig;
import io.failready.facts.Counterpart;
import io.failready.facts.Resource;
import io.failready.snapshot.SnapshotIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.failready.evaluate.ParallelRulesParityTest.USER_HEADER;
import static io.failready.evaluate.ParallelRulesParityTest.canonical;
import static io.failready.evaluate.ParallelRulesParityTest.userRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each session is handed only the facts its rule base can match, read from the rule base itself:
 * the partitions of the bundled catalog leave out counterparts (no bundled rule names one) and the
 * resource types only other partitions' rules (or only the indexes) read, while a user's rules over
 * those facts still receive them and judge exactly as a session handed every fact.
 */
class FactRoutingTest {
    @TempDir Path tmp;

    static Resource resource(String type) {
        return new Resource(type, "id-" + type, "n", "111111111111", "us-east-1", Map.of(), Map.of());
    }

    @Test
    void bundledPartitionsAreHandedOnlyWhatTheirRulesMatch() {
        RuleEngine two = RuleEngine.load(List.of(), 2);
        FactRouting whole = FactRouting.of(two.kieBase());
        Set<String> all = whole.resourceTypes();
        assertTrue(all != null && all.contains("AWS::S3::Bucket") && all.contains("AWS::SecurityHub::HubV2")
                && all.contains("AWS::Lambda::AccountSettings"), "type tests with ==, || and in are read: " + all);
        // read by the indexes and the counterpart matcher only, never by a rule's pattern
        assertFalse(all.contains("AWS::ElasticLoadBalancingV2::TargetGroup"), String.valueOf(all));
        assertFalse(all.contains("Failready::CloudWatch::ReplicationLag"), String.valueOf(all));
        Set<String> union = new HashSet<>();
        for (var kb : two.partitions()) {
            FactRouting part = FactRouting.of(kb);
            Set<String> mine = part.resourceTypes();
            assertTrue(mine != null && mine.size() < all.size(), "a partition takes a share of the types: " + mine);
            union.addAll(mine);
            Counterpart cp = new Counterpart("AWS::S3::Bucket", "a", "eu-west-1", resource("AWS::S3::Bucket"), "same-name");
            assertFalse(part.accepts(cp), "no bundled rule matches a Counterpart fact");
            for (String t : mine) assertTrue(part.accepts(resource(t)));
            assertFalse(part.accepts(resource("AWS::ElasticLoadBalancingV2::TargetGroup")));
        }
        assertEquals(all, union, "every type a rule matches reaches the partition holding that rule");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "resourceType == \"A\"|A",
            "resourceType in (\"A\", \"B\")|A,B",
            "resourceType in (\"A\")|A",
            "resourceType == \"A\" || resourceType == \"B\"|A,B",
            "  resourceType==\"A\"  |A",
    })
    void typeOnlyTestsAreRead(String row) {
        String[] parts = row.split("\\|(?=[^|]*$)");
        assertEquals(Set.of(parts[1].split(",")), FactRouting.typeTest(parts[0]));
    }

    /** Anything else is taken as possibly true: the fact is inserted. */
    @ParameterizedTest
    @ValueSource(strings = {
            "resourceType != \"A\"",
            "resourceType not in (\"A\", \"B\")",
            "resourceType == \"A\" && isX(this)",
            "resourceType == \"A\" || isX(this)",
            "resourceType == \"A||B\"",
            "resourceType == \"A\\\" || resourceType == \\\"B\"",
            "resourceType == 'A'",
            "resourceType == $t",
            "resourceTypeName == \"A\"",
            "resourceType.startsWith(\"A\")",
            "resourceType in (\"A\", $b)",
            "",
    })
    void otherConstraintsAreNotRead(String text) {
        assertNull(FactRouting.typeTest(text));
    }

    /**
     * A user's rules over a resource type and a fact class no bundled rule matches, one of them an
     * inference rule deriving a fact another rule joins, a type test the router cannot read, and a
     * pattern over every object: in partitions, each receives what it matches and judges as a single
     * session handed every fact does.
     */
    @Test
    void userRulesOverFactsNoBundledRuleMatchesStillReceiveThem() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("user-rules/custom"));
        String tg = "AWS::ElasticLoadBalancingV2::TargetGroup";
        String drl = USER_HEADER.replace("import io.failready.facts.RegionPair;",
                        "import io.failready.facts.RegionPair;\nimport io.failready.facts.Counterpart;")
                + userRule("USER_TG", "", "    $p : RegionPair()\n    $r : Resource( resourceType == \"" + tg + "\", awsRegion == $p.primary )\n",
                "    judge(kcontext, $p, $r, Verdict.compliant(\"target group seen\", null));\n")
                + userRule("USER_TWIN", "", "    $p : RegionPair()\n    $r : Resource( resourceType == \"AWS::S3::Bucket\", awsRegion == $p.primary, $id : resourceId )\n"
                        + "    Counterpart( resourceId == $id, recoveryRegion == $p.recovery )\n",
                "    judge(kcontext, $p, $r, Verdict.compliant(\"twin found\", null));\n")
                + userRule("USER_MARK", "    @kind(\"inference\") salience 100\n",
                        "    $r : Resource( resourceType == \"AWS::ApiGatewayV2::Api\" )\n",
                "    insert(new Marked($r.getResourceId()));\n")
                + userRule("USER_MARKED", "", "    $p : RegionPair()\n    $r : Resource( resourceType in (\"AWS::ApiGatewayV2::Api\"), $id : resourceId, awsRegion == $p.primary )\n    Marked( id == $id )\n",
                "    judge(kcontext, $p, $r, Verdict.nonCompliant(\"marked\", null));\n");
        Files.writeString(dir.resolve("ROUTING.drl"), drl);
        Path snap = tmp.resolve("user.json");
        Files.writeString(snap, """
                {"schemaVersion": "1.0", "resources": [
                  {"resourceType": "%1$s", "resourceId": "arn:tg/a", "resourceName": "tg-a", "accountId": "111111111111", "awsRegion": "us-east-1"},
                  {"resourceType": "%1$s", "resourceId": "arn:tg/b", "resourceName": "tg-b", "accountId": "111111111111", "awsRegion": "eu-west-1"},
                  {"resourceType": "AWS::ApiGatewayV2::Api", "resourceId": "arn:api/a", "resourceName": "api", "accountId": "111111111111", "awsRegion": "us-east-1"},
                  {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::same", "resourceName": "same", "accountId": "111111111111", "awsRegion": "us-east-1"},
                  {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::same-2", "resourceName": "same", "accountId": "111111111111", "awsRegion": "eu-west-1"}],
                 "collectionGaps": []}
                """.formatted(tg));
        Path cfgFile = tmp.resolve("user.yaml");
        Files.writeString(cfgFile, """
                workloads:
                  - {name: w, accounts: [{id: "111111111111"}], primaryRegion: us-east-1, recoveryRegions: [eu-west-1], strategy: pilot-light}
                """);
        RuleEngine everyFact = RuleEngine.load(List.of(tmp.resolve("user-rules")), 1).insertingEveryFact();
        FailreadyConfig cfg = ConfigLoader.load(cfgFile, everyFact.catalog().rules().keySet());
        RuleEngine.Options opts = RuleEngine.Options.defaults(Instant.parse("2026-11-20T00:00:00Z"))
                .withRuleFilter(id -> id.startsWith("USER_"));
        List<String> want = canonical(everyFact.evaluate(SnapshotIO.read(snap), cfg, opts));
        String all = String.join("\n", want);
        assertTrue(all.contains("\"resourceId\" : \"arn:tg/a\"") && all.contains("target group seen"), all);
        assertTrue(all.contains("\"resourceId\" : \"arn:aws:s3:::same\"") && all.contains("twin found"), all);
        assertTrue(all.contains("\"resourceId\" : \"arn:api/a\"") && all.contains("marked"), all);
        for (int threads : new int[] {1, 2, 3}) {
            RuleEngine routed = RuleEngine.load(List.of(tmp.resolve("user-rules")), threads);
            assertEquals(want, canonical(routed.evaluate(SnapshotIO.read(snap), cfg, opts)), threads + " session(s)");
        }
        RuleEngine routed = RuleEngine.load(List.of(tmp.resolve("user-rules")), 1);
        Set<String> types = FactRouting.of(routed.kieBase()).resourceTypes();
        assertTrue(types != null && types.contains(tg) && types.contains("AWS::ApiGatewayV2::Api"), String.valueOf(types));
        assertTrue(FactRouting.of(routed.kieBase()).accepts(new Counterpart("x", "y", "z", resource("x"), "same-name")));
    }

    /** A type test the router cannot read hands every resource to the session, whatever its type. */
    @Test
    void aTypeTestItCannotReadHandsEveryResource() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("opaque-rules/custom"));
        Files.writeString(dir.resolve("OPAQUE.drl"), USER_HEADER
                + userRule("USER_OPAQUE", "", "    $p : RegionPair()\n    $r : Resource( resourceType.endsWith(\"::Api\"), awsRegion == $p.primary )\n",
                "    judge(kcontext, $p, $r, Verdict.compliant(\"seen\", null));\n"));
        RuleEngine one = RuleEngine.load(List.of(tmp.resolve("opaque-rules")), 1);
        assertNull(FactRouting.of(one.kieBase()).resourceTypes());
        assertTrue(FactRouting.of(one.kieBase()).accepts(resource("AWS::Whatever::Thing")));
    }
}

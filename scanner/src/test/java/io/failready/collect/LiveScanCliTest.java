package io.failready.collect;

import io.failready.tooling.AwsStub;
import com.fasterxml.jackson.databind.JsonNode;
import io.failready.cli.FailReady;
import io.failready.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.ACCOUNT_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user's first look: `failready scan` from flags alone against a two-account, two-region
 * estate served over HTTP by the AWS-protocol stub, through the real SDK and role assumption.
 * DynamoDB listing is denied in one account's recovery region: what depends on it must say
 * INSUFFICIENT_DATA, and nothing may pass on data that was never read.
 */
class LiveScanCliTest {
    static AwsStub stub;
    @TempDir static Path out;
    static int exit;
    static String stdout, stderr;
    static JsonNode report;

    @BeforeAll
    static void scan() throws Exception {
        stub = AwsStub.start("FullScanTest");
        stub.fault(c -> c.action().equals("dynamodb:ListTables") && c.account().equals(ACCOUNT) && c.region().equals("eu-west-1"),
                AwsStub.FaultKind.ACCESS_DENIED);
        StringWriter o = new StringWriter(), e = new StringWriter();
        exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan",
                "--primary-region", "us-east-1", "--recovery-region", "eu-west-1",
                "--accounts", ACCOUNT + "," + ACCOUNT_B, "--role-name", "failready-audit",
                "--endpoint-url", stub.endpoint().toString(), "--call-timeout", "5s",
                "--out", out.toString(), "--format", "json,html", "--snapshot-out", out.resolve("snapshot.json.gz").toString());
        stdout = o.toString();
        stderr = e.toString();
        report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
    }

    @AfterAll
    static void stop() { stub.close(); }

    static List<JsonNode> evals(String ruleId) {
        List<JsonNode> l = new ArrayList<>();
        for (JsonNode e : report.path("workloads").get(0).path("evaluations")) if (e.path("ruleId").asText().equals(ruleId)) l.add(e);
        return l;
    }

    @Test
    void scanFinishesWithAVerdictAndWritesReportsAndEvidence() {
        assertTrue(exit == 3 || exit == 4, "exit " + exit + "\n" + stdout + stderr);
        assertTrue(Files.exists(out.resolve("report.html")));
        assertTrue(Files.exists(out.resolve("snapshot.json.gz")));
        assertTrue(report.path("sources").path("snapshot").path("sha256").asText().matches("[0-9a-f]{64}"));
        assertEquals("default", report.path("workloads").get(0).path("name").asText());
    }

    @Test
    void s3BucketReplicatedToAnotherAccountIsPairedWithItsDestination() {
        JsonNode e = evals("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION").stream()
                .filter(x -> x.path("resourceId").asText().equals("arn:aws:s3:::orders")).findFirst().orElseThrow();
        assertEquals("eu-west-1", e.path("counterpart").path("region").asText(), e.toString());
        assertEquals("arn:aws:s3:::orders-dr-222", e.path("counterpart").path("resourceId").asText(), e.toString());
    }

    @Test
    void deniedDynamoDbListingInTheRecoveryRegionIsInsufficientDataNeverCompliant() {
        List<JsonNode> replica = evals("DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION").stream()
                .filter(x -> x.path("accountId").asText().equals(ACCOUNT)).toList();
        assertFalse(replica.isEmpty(), "the orders table must be judged");
        // orders is a global table with a replica in eu-west-1, where listing was denied: its
        // replica's PITR cannot be known (sessions has no replica, so it is rightly NOT_APPLICABLE)
        JsonNode orders = evals("DYNAMODB_TABLE_PITR_BOTH_REGIONS").stream()
                .filter(x -> x.path("resourceId").asText().equals("arn:aws:dynamodb:us-east-1:111111111111:table/orders")).findFirst().orElseThrow();
        assertEquals("INSUFFICIENT_DATA", orders.path("complianceType").asText(), orders.toString());
        assertTrue(orders.path("annotation").asText().contains("AccessDenied"), orders.toString());
        boolean gapListed = false;
        for (JsonNode g : report.path("collectionGaps")) {
            gapListed |= g.path("service").asText().equals("dynamodb") && g.path("region").asText().equals("eu-west-1")
                    && g.path("errorCode").asText().contains("AccessDenied");
        }
        assertTrue(gapListed, "the gap is listed in the report");
    }

    @Test
    void everyRuleThatLacksDataSaysSoAndTheVerdictIsNeverReady() {
        String verdict = report.path("workloads").get(0).path("verdict").asText();
        assertTrue(verdict.equals("NOT_READY") || verdict.equals("UNKNOWN"), verdict);
        long insufficient = report.path("summary").path("byComplianceType").path("INSUFFICIENT_DATA").asLong();
        assertTrue(insufficient > 0, "gaps must surface as INSUFFICIENT_DATA");
    }
}

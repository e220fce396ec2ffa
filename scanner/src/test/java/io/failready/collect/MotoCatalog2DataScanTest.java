package io.failready.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.cli.FailReady;
import io.failready.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Map;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.failready.collect.MotoScanTest.ROLE;
import static io.failready.collect.MotoScanTest.expect;
import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.ACCOUNT_B;
import static io.failready.collect.TestAws.EU_WEST_1;
import static io.failready.collect.TestAws.US_EAST_1;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The catalog-2 data and messaging collectors (SQS, SNS, EventBridge, EFS, ElastiCache, EKS,
 * Neptune) against moto, seeded by {@code emulator/seed_catalog2_data.py} in two accounts and two
 * regions, judged by a scan from flags alone. Where moto 5.2.1 answers 500 (EFS
 * DescribeReplicationConfigurations, EventBridge ListEndpoints) the assertion is what the scanner
 * must say without that data: INSUFFICIENT_DATA naming the gap, never a pass. moto has no
 * DocumentDB engine and no ElastiCache global datastores; HTTP-stub and fixture tests cover those.
 */
class MotoCatalog2DataScanTest {
    @TempDir static Path work;
    static MotoServer moto;
    static JsonNode scan;
    static String scanOutput;

    @BeforeAll
    static void startSeedAndScan() throws Exception {
        moto = MotoServer.start(work, Map.of());
        URI endpoint = moto.endpoint;
        moto.seed("emulator/seed_catalog2_data.py", US_EAST_1, EU_WEST_1, ACCOUNT, ACCOUNT_B, ROLE);

        StringWriter o = new StringWriter(), e = new StringWriter();
        FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan",
                "--primary-region", US_EAST_1, "--recovery-region", EU_WEST_1,
                "--accounts", ACCOUNT + "," + ACCOUNT_B, "--role-name", ROLE,
                "--endpoint-url", endpoint.toString(), "--call-timeout", "10s",
                "--out", work.resolve("scan").toString(), "--format", "json");
        scanOutput = o + "\n" + e;
        assertTrue(Files.exists(work.resolve("scan/report.json")), "scan wrote no report\n" + scanOutput);
        scan = Json.MAPPER.readTree(work.resolve("scan/report.json").toFile());
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) moto.close();
    }

    @Test
    void queuesAreJudgedByTheirCounterpartsAttributesInBothAccounts() {
        expect(scan, "SQS_QUEUE_PRESENT_IN_RECOVERY_REGION", ACCOUNT, ":orders-events", "COMPLIANT", "matched by same-name");
        expect(scan, "SQS_QUEUE_PRESENT_IN_RECOVERY_REGION", ACCOUNT, ":refunds", "NON_COMPLIANT", "no counterpart queue");
        expect(scan, "SQS_QUEUE_PRESENT_IN_RECOVERY_REGION", ACCOUNT, ":audit-events", "NON_COMPLIANT", "shorter message retention period");
        expect(scan, "SQS_QUEUE_PRESENT_IN_RECOVERY_REGION", ACCOUNT_B, ":ledger-events", "COMPLIANT");
    }

    @Test
    void topicsNeedConfirmedSubscriptionsOfTheSameProtocols() {
        expect(scan, "SNS_TOPIC_PRESENT_IN_RECOVERY_REGION", ACCOUNT, ":order-alerts", "COMPLIANT", "confirmed sqs");
        expect(scan, "SNS_TOPIC_PRESENT_IN_RECOVERY_REGION", ACCOUNT, ":billing-alerts", "NON_COMPLIANT", "no counterpart topic");
    }

    @Test
    void eventBridgeRulesWithoutGlobalEndpointListingStayOpenUnlessTheirTwinIsGood() {
        // moto answers ListEndpoints with 500: a good twin still decides, a missing one cannot be a finding
        expect(scan, "EVENTBRIDGE_RULES_PRESENT_IN_RECOVERY_REGION", ACCOUNT, "rule/orders/order-placed", "COMPLIANT", "targeting sqs in eu-west-1");
        expect(scan, "EVENTBRIDGE_RULES_PRESENT_IN_RECOVERY_REGION", ACCOUNT, "rule/orders/order-cancelled", "INSUFFICIENT_DATA",
                "Global endpoints could not be listed");
    }

    @Test
    void efsWithoutReadableReplicationIsInsufficientData() {
        expect(scan, "EFS_FILE_SYSTEM_REPLICATED_TO_RECOVERY_REGION", ACCOUNT, "media-use1", "INSUFFICIENT_DATA",
                "on efs:DescribeReplicationConfigurations");
    }

    @Test
    void cacheOutsideAGlobalDatastoreIsNotReplicated() {
        expect(scan, "ELASTICACHE_GLOBAL_DATASTORE_IN_RECOVERY_REGION", ACCOUNT, "sessions-use1", "NON_COMPLIANT", "not in a global datastore");
    }

    @Test
    void eksClustersAreMatchedByRegionTokenAndSized() {
        expect(scan, "EKS_RECOVERY_CAPACITY_SUFFICIENT", ACCOUNT, "cluster/payments-use1", "COMPLIANT", "payments-euw1");
        expect(scan, "EKS_RECOVERY_CAPACITY_SUFFICIENT", ACCOUNT, "cluster/batch-use1", "NON_COMPLIANT", "no counterpart cluster");
    }

    @Test
    void neptuneClustersAreJudgedAsNeptuneNotAsAurora() {
        expect(scan, "RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION", ACCOUNT, ":cluster:fraud-graph-use1", "NON_COMPLIANT",
                "Neptune cluster fraud-graph-use1 is not in a global cluster");
        assertFalse(scan.toString().contains("Aurora cluster fraud-graph"), "the RDS collector must leave Neptune clusters out");
    }

}

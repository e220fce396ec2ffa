package io.failready.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.cli.FailReady;
import io.failready.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.failready.collect.MotoScanTest.expect;
import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.EU_WEST_1;
import static io.failready.collect.TestAws.US_EAST_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The edge and network collectors (ACM, ELBv2, API Gateway, CloudFront, VPC) against moto in server
 * mode, seeded by {@code emulator/seed_edge.py}, then {@code failready scan} from flags alone. A
 * separate emulator and seed from {@link MotoScanTest} so the two estates stay independent.
 *
 * <p>moto 5.2.1 distortions met here: ListDistributions summaries carry no origins or cache
 * behaviours (the CloudFront rule must then say INSUFFICIENT_DATA, not NOT_APPLICABLE), a target
 * group lists its load balancer once per listener, requested certificates are never in use, so
 * their RenewalEligibility is INELIGIBLE. Started with MOTO_ACM_VALIDATION_WAIT=0 so requested
 * certificates are ISSUED at once.
 */
class EdgeMotoScanTest {
    static final String ROLE = "failready-audit";

    @TempDir static Path work;
    static MotoServer moto;
    static JsonNode seeded;
    static int scanExit;
    static String scanOutput;
    static JsonNode scan;

    @BeforeAll
    static void startSeedAndScan() throws Exception {
        moto = MotoServer.start(work, Map.of("MOTO_ACM_VALIDATION_WAIT", "0"));
        URI endpoint = moto.endpoint;
        seeded = moto.seed("emulator/seed_edge.py", US_EAST_1, EU_WEST_1, ACCOUNT, ROLE);
        if (seeded == null) fail("seeding printed no result line");

        StringWriter o = new StringWriter(), e = new StringWriter();
        scanExit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan",
                "--primary-region", US_EAST_1, "--recovery-region", EU_WEST_1, "--accounts", ACCOUNT, "--role-name", ROLE,
                "--endpoint-url", endpoint.toString(), "--call-timeout", "10s",
                "--out", work.resolve("scan").toString(), "--format", "json");
        scanOutput = o + "\n" + e;
        assertTrue(Files.exists(work.resolve("scan/report.json")), "scan wrote no report (exit " + scanExit + ")\n" + scanOutput);
        scan = Json.MAPPER.readTree(work.resolve("scan/report.json").toFile());
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) moto.close();
    }

    @Test
    void theEdgeServicesAreReadWithoutGaps() {
        assertEquals(3, scanExit, scanOutput);
        for (JsonNode g : scan.path("collectionGaps")) {
            assertTrue(!List.of("acm", "elasticloadbalancingv2", "apigateway", "cloudfront", "ec2").contains(g.path("service").asText()), g.toString());
        }
    }

    @Test
    void recoveryLoadBalancerWithoutTheHttpsListenerIsNotReady() {
        expect(scan, "ELB_LOAD_BALANCER_READY_IN_RECOVERY_REGION", ACCOUNT, "loadbalancer/app/shop-use1/", "NON_COMPLIANT", "lacks listener(s) HTTPS:443");
    }

    @Test
    void certificateTwinThatAcmWillNotRenewIsReported() {
        expect(scan, "ACM_CERTIFICATE_AVAILABLE_IN_RECOVERY_REGION", ACCOUNT, seeded.path("certificates").get(0).asText(), "NON_COMPLIANT",
                "not eligible for ACM managed renewal");
    }

    @Test
    void recoveryVpcInOneZoneIsNotAtParity() {
        expect(scan, "VPC_NETWORK_PARITY_IN_RECOVERY_REGION", ACCOUNT, "shop-use1", "NON_COMPLIANT", "1 Availability Zone(s)");
        assertTrue(MotoScanTest.evaluations(scan, "VPC_NETWORK_PARITY_IN_RECOVERY_REGION").size() == 1, "default VPCs holding nothing are not judged");
    }

    @Test
    void customDomainMissingInTheRecoveryRegionIsNonCompliant() {
        expect(scan, "APIGATEWAY_CUSTOM_DOMAIN_IN_RECOVERY_REGION", ACCOUNT, "api.shop.example.com", "NON_COMPLIANT", "does not exist in eu-west-1");
    }

    @Test
    void distributionWhoseOriginsTheEmulatorOmitsIsUnknownNotNotApplicable() {
        expect(scan, "CLOUDFRONT_ORIGIN_FAILOVER_CONFIGURED", ACCOUNT, "distribution/", "INSUFFICIENT_DATA", "no origins were read");
    }
}

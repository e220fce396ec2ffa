package io.failready.rules.traffic;

import io.failready.config.Workload;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiGatewayCustomDomainInRecoveryRegionTest {
    private static Resource domain(String region, String apiId, String apiName, String key) {
        return resource("AWS::ApiGatewayV2::DomainName", "arn:aws:apigateway:" + region + "::/domainnames/api.example.com", "api.example.com", region,
                "endpointType", "REGIONAL", "status", "AVAILABLE", "certificateArn", "arn:aws:acm:" + region + ":111111111111:certificate/c",
                "apiMappings", List.of(Map.of("apiId", apiId, "apiName", apiName, "stage", "prod", "apiMappingKey", key)));
    }

    @Test
    void aMappingToAnUnrelatedApiOnTheSamePathIsNotTheTwin() {
        Resource p = domain(PRIMARY, "a1", "orders-use1", "v1");
        Resource r = domain(RECOVERY, "b2", "reporting-euw1", "v1");
        Verdict v = ApiGatewayCustomDomainInRecoveryRegion.decide(p, PAIR, new Workload(), new EdgeIndex(List.of(p, r)), NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("/v1 -> orders-use1 stage prod"), v.annotation());
    }

    @Test
    void theApiNameWithRegionTokensSwappedIsTheTwin() {
        Resource p = domain(PRIMARY, "a1", "orders-us-east-1", "");
        Resource r = domain(RECOVERY, "b2", "orders-eu-west-1", "");
        Verdict v = ApiGatewayCustomDomainInRecoveryRegion.decide(p, PAIR, new Workload(), new EdgeIndex(List.of(p, r)), NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.COMPLIANT, v.type(), v.annotation());
    }
}

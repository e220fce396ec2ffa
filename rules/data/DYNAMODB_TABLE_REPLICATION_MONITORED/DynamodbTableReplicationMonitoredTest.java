package io.failready.rules.data;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.config;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one table fits several scenarios, the first in the documented order decides. */
class DynamodbTableReplicationMonitoredTest {
    static final Workload RPO_60S = workload(DrStrategy.WARM_STANDBY, 60, 60);

    static Resource table() {
        return resource("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/orders", "orders", PRIMARY,
                "replicas", List.of(config("regionName", RECOVERY, "status", "ACTIVE")));
    }

    static Resource alarm(String name, String region, String receivingRegion, double thresholdMs, Object... kv) {
        List<Object> all = new ArrayList<>(List.of("metricName", "ReplicationLatency", "comparisonOperator", "GreaterThanThreshold",
                "threshold", thresholdMs, "dimensions", Map.of("TableName", "orders", "ReceivingRegion", receivingRegion)));
        all.addAll(List.of(kv));
        return resource("AWS::CloudWatch::Alarm", "arn:aws:cloudwatch:" + region + ":111111111111:alarm:" + name, name, region, all.toArray());
    }

    private static Verdict decide(Workload w, List<Resource> rs, io.failready.facts.GapIndex g) {
        return DynamodbTableReplicationMonitored.decide(rs.get(0), PAIR, w, new DataIndex(rs), g);
    }

    @Test
    void tableWithoutAReplicaIsNotApplicableEvenWithoutAnRpo() {
        Resource t = resource("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/solo", "solo", PRIMARY);
        assertEquals(ComplianceType.NOT_APPLICABLE, decide(workload(DrStrategy.WARM_STANDBY, 60, 0), List.of(t), NO_GAPS).type());
    }

    @Test
    void replicatedTableWithoutAnRpoIsInsufficientData() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(workload(DrStrategy.WARM_STANDBY, 60, 0), List.of(table()), NO_GAPS).type());
    }

    @Test
    void thresholdIsComparedInMillisecondsWithTheRpo() {
        Verdict ok = decide(RPO_60S, List.of(table(), alarm("lag", PRIMARY, RECOVERY, 60_000)), NO_GAPS);
        assertEquals(ComplianceType.COMPLIANT, ok.type());
        Verdict slow = decide(RPO_60S, List.of(table(), alarm("lag", PRIMARY, RECOVERY, 60_001)), NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, slow.type());
        assertTrue(slow.annotation().contains("fires only above 60001 ms, more than the RPO of 60000 ms"), slow.annotation());
    }

    @Test
    void anAlarmForAnotherReceivingRegionDoesNotCount() {
        Verdict v = decide(RPO_60S, List.of(table(), alarm("lag", PRIMARY, "us-west-2", 1_000)), NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("has no CloudWatch alarm on ReplicationLatency to eu-west-1"), v.annotation());
    }

    @Test
    void aFoundButUnfitAlarmIsAFindingEvenWhenAlarmsCouldNotAllBeListed() {
        Verdict v = decide(RPO_60S, List.of(table(), alarm("lag", PRIMARY, RECOVERY, 1_000, "actionsEnabled", false)),
                gaps(denied(PRIMARY, "cloudwatch")));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("has its actions disabled"), v.annotation());
    }

    @Test
    void noAlarmWhileAlarmsCouldNotBeListedIsInsufficientData() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(RPO_60S, List.of(table()), gaps(denied(PRIMARY, "cloudwatch"))).type());
    }
}

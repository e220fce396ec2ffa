package io.failready.rules.data;

import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one bucket fits several scenarios, the first in the documented order decides. */
class S3BucketReplicationMonitoredTest {
    static Resource bucket(boolean rtc, boolean metrics, String region) {
        return resource("AWS::S3::Bucket", "arn:aws:s3:::orders-use1", "orders-use1", PRIMARY, "replication",
                config("rules", List.of(config("id", "all", "status", "Enabled", "destinationBucketArn", "arn:aws:s3:::orders-dest",
                        "destinationRegion", region, "replicationTimeControl", rtc, "metrics", metrics))));
    }

    static Resource alarm(String metric, String region, Object... kv) {
        Object[] base = {"metricName", metric, "dimensions", Map.of("SourceBucket", "orders-use1")};
        Object[] all = new Object[base.length + kv.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(kv, 0, all, base.length, kv.length);
        return resource("AWS::CloudWatch::Alarm", "arn:aws:cloudwatch:" + region + ":111111111111:alarm:" + metric, metric + "-alarm", region, all);
    }

    private static Verdict decide(GapIndex g, Resource... rs) {
        return S3BucketReplicationMonitored.decide(rs[0], PAIR, new DataIndex(List.of(rs)), g);
    }

    @Test
    void replicationOnlyToAnotherRegionIsNotApplicableEvenWithRtcOff() {
        assertEquals(ComplianceType.NOT_APPLICABLE, decide(NO_GAPS, bucket(false, false, "us-west-2")).type());
    }

    @Test
    void failedReplicationAlarmInTheSourceRegionCounts() {
        Verdict v = decide(NO_GAPS, bucket(true, true, RECOVERY), alarm("OperationsFailedReplication", PRIMARY));
        assertEquals(ComplianceType.COMPLIANT, v.type());
    }

    @Test
    void latencyAlarmInTheSourceRegionNeverFiresAndIsNamed() {
        Verdict v = decide(NO_GAPS, bucket(true, true, RECOVERY), alarm("ReplicationLatency", PRIMARY));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("where S3 does not publish it"), v.annotation());
    }

    @Test
    void noAlarmWhileCloudWatchCouldNotBeReadIsInsufficientDataOnlyWhenTheRuleIsOtherwiseRight() {
        GapIndex blind = gaps(denied(RECOVERY, "cloudwatch"));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(blind, bucket(true, true, RECOVERY)).type());
        Verdict v = decide(blind, bucket(false, true, RECOVERY));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("without Replication Time Control"), v.annotation());
    }

    @Test
    void anAlarmWithActionsDisabledIsNoAlarm() {
        Verdict v = decide(NO_GAPS, bucket(true, true, RECOVERY), alarm("ReplicationLatency", RECOVERY, "actionsEnabled", false));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("has its actions disabled"), v.annotation());
    }
}

package io.failready.rules.data;

import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.config;
import static io.failready.rules.api.TestFacts.deniedOn;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one data store fits several scenarios, the first in the documented order decides. */
class BackupIndependentOfReplicationTest {
    static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    static final String ALL_TABLES = "arn:aws:dynamodb:*:111111111111:table/*";

    static Resource table(Object... kv) { return resource("AWS::DynamoDB::Table", TABLE_ARN, "orders", PRIMARY, kv); }

    static Resource plan(String name, Map<String, Object> selection, String copyTo) {
        Map<String, Object> rule = copyTo == null ? Map.of("targetVault", "main")
                : Map.of("targetVault", "main", "copyActions", List.of(Map.of("destinationVaultArn", copyTo)));
        return resource("AWS::Backup::BackupPlan", "arn:aws:backup:us-east-1:111111111111:backup-plan:" + name, name, PRIMARY,
                "planName", name, "selections", List.of(selection), "rules", List.of(rule));
    }

    private static Verdict decide(GapIndex g, Resource... rs) {
        return BackupIndependentOfReplication.decide(rs[0], PAIR, new DataIndex(List.of(rs)), g);
    }

    @Test
    void anIndependentCopyDecidesEvenBesideAPlanThatCouldNotBeRead() {
        Resource unread = plan("unread", Map.of(), null);
        Verdict v = decide(gaps(deniedOn(PRIMARY, "backup", "AWS::Backup::BackupPlan", unread.getResourceId())), table(), unread,
                plan("dr", Map.of("resources", List.of(ALL_TABLES)), "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr"));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertTrue(v.annotation().contains("copy to vault dr in eu-west-1"), v.annotation());
    }

    @Test
    void aPlanThatCouldNotBeReadOutranksAWeakPlan() {
        Resource unread = plan("unread", Map.of(), null);
        Verdict v = decide(gaps(deniedOn(PRIMARY, "backup", "AWS::Backup::BackupPlan", unread.getResourceId())), table(), unread,
                plan("local", Map.of("resources", List.of(ALL_TABLES)), null));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
    }

    @Test
    void aPlanCopyingWithinTheSameRegionAndAccountToAnUnlockedVaultIsWeak() {
        Verdict v = decide(NO_GAPS, table(), plan("local", Map.of("resources", List.of(ALL_TABLES)),
                "arn:aws:backup:us-east-1:111111111111:backup-vault:other"));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("plan local only to vault main in us-east-1"), v.annotation());
    }

    @Test
    void aLockedTargetVaultIsIndependent() {
        Resource vault = resource("AWS::Backup::BackupVault", "arn:aws:backup:us-east-1:111111111111:backup-vault:main", "main", PRIMARY, "locked", true);
        Verdict v = decide(NO_GAPS, table(), vault, plan("locked", Map.of("resources", List.of(ALL_TABLES)), null));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertTrue(v.annotation().endsWith("which is locked."), v.annotation());
    }

    @Test
    void notResourcesWinsOverATagSelectionAndReplicationAloneIsNamed() {
        Resource tagged = new Resource("AWS::DynamoDB::Table", TABLE_ARN, "orders", ACCOUNT, PRIMARY, Map.of("backup", "daily"),
                config("replicas", List.of(config("regionName", RECOVERY, "status", "ACTIVE"))));
        tagged.setInScope(true);
        Map<String, Object> byTag = Map.of("tags", List.of(Map.of("key", "backup", "value", "daily")));
        String away = "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr";
        assertEquals(ComplianceType.COMPLIANT, decide(NO_GAPS, tagged, plan("tagged", byTag, away)).type());
        Map<String, Object> butNotThis = Map.of("tags", byTag.get("tags"), "notResources", List.of(TABLE_ARN));
        Verdict v = decide(NO_GAPS, tagged, plan("tagged", butNotThis, away));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("relies on replication to eu-west-1 alone"), v.annotation());
    }
}

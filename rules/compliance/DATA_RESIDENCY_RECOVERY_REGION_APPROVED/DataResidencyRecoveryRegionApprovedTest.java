package io.failready.rules.compliance;

import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class DataResidencyRecoveryRegionApprovedTest {
    private static final String ACCT = "111111111111";
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final RegionPair PAIR = new RegionPair("payments", US, EU);
    private static final AsOf NOW = new AsOf(Instant.parse("2026-11-21T00:00:00Z"));
    private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:" + ACCT + ":table/cards";

    private static Resource table(Map<String, String> tags) {
        return new Resource("AWS::DynamoDB::Table", TABLE_ARN, "cards", ACCT, US, tags, Map.of());
    }

    private static Resource twin() {
        return new Resource("AWS::DynamoDB::Table", "arn:aws:dynamodb:eu-west-1:" + ACCT + ":table/cards", "cards", ACCT, EU, null, null);
    }

    /** A plan in {@code region} selecting the table and copying to a vault in {@code copyTo}. */
    private static Resource plan(String region, String copyTo) {
        return new Resource("AWS::Backup::BackupPlan", "arn:aws:backup:" + region + ":" + ACCT + ":backup-plan:p-" + region,
                "p-" + region, ACCT, region, null, Map.of(
                        "rules", List.of(Map.of("ruleName", "daily", "copyActions",
                                List.of(Map.of("destinationVaultArn", "arn:aws:backup:" + copyTo + ":" + ACCT + ":backup-vault:v")))),
                        "selections", List.of(Map.of("name", "sel", "resources", List.of(TABLE_ARN)))));
    }

    private static Workload workload(boolean required, String... approvedRegions) {
        Workload w = new Workload();
        w.classification.required = required;
        Workload.ResidencyApproval a = new Workload.ResidencyApproval();
        a.dataClass = "pci";
        a.regions = List.of(approvedRegions);
        a.reference = "DPA-1";
        a.expires = LocalDate.parse("2027-02-01");
        w.residencyApprovals = List.of(a);
        return w;
    }

    private static GapIndex gaps(CollectionGap... gaps) { return new GapIndex(List.of(gaps), Set.of(), Set.of()); }

    private static final Counterparts WITH_TWIN = new Counterparts(List.of(new Counterpart("AWS::DynamoDB::Table", TABLE_ARN, EU, twin(), "same-name")));

    @Test
    void anUntaggedStoreIsJudgedByTheClassificationPolicyEvenWhenBackupIsUnreadable() {
        GapIndex backupDenied = gaps(new CollectionGap(ACCT, US, "backup", "ListBackupPlans", null, null, "AccessDenied", ""));
        Verdict required = DataResidencyRecoveryRegionApproved.decide(table(Map.of()), PAIR, workload(true, US, EU), "data-classification",
                NOW, backupDenied, WITH_TWIN, new DataIndex(List.of()));
        assertEquals(ComplianceType.NON_COMPLIANT, required.type());
        assertNull(required.counterpart());
        Verdict optional = DataResidencyRecoveryRegionApproved.decide(table(Map.of()), PAIR, workload(false, US, EU), "data-classification",
                NOW, backupDenied, WITH_TWIN, new DataIndex(List.of()));
        assertEquals(ComplianceType.NOT_APPLICABLE, optional.type());
    }

    @Test
    void aGapComesBeforeTheRegionsSoAnUnseenCopyNeverPasses() {
        GapIndex backupDenied = gaps(new CollectionGap(ACCT, US, "backup", "ListBackupPlans", null, null, "AccessDenied", ""));
        Verdict v = DataResidencyRecoveryRegionApproved.decide(table(Map.of("data-classification", "pci")), PAIR, workload(false, US),
                "data-classification", NOW, backupDenied, WITH_TWIN, new DataIndex(List.of()));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertNull(v.counterpart());
    }

    @Test
    void onlyPlansOfTheStoresOwnAccountAndRegionAddCopyRegions() {
        Resource t = table(Map.of("data-classification", "pci"));
        Verdict elsewhere = DataResidencyRecoveryRegionApproved.decide(t, PAIR, workload(false, US, EU), "data-classification",
                NOW, gaps(), WITH_TWIN, new DataIndex(List.of(t, plan(EU, "us-west-2"))));
        assertEquals(ComplianceType.COMPLIANT, elsewhere.type());
        assertEquals("DynamoDB table cards (pci) is held only in approved regions: eu-west-1, us-east-1.", elsewhere.annotation());
        assertSame(WITH_TWIN.of(t, EU), elsewhere.counterpart());

        Verdict own = DataResidencyRecoveryRegionApproved.decide(t, PAIR, workload(false, US, EU), "data-classification",
                NOW, gaps(), WITH_TWIN, new DataIndex(List.of(t, plan(US, "us-west-2"))));
        assertEquals(ComplianceType.NON_COMPLIANT, own.type());
        assertEquals("DynamoDB table cards (pci) has copies in regions not approved for pci: us-west-2 has no approval.", own.annotation());
        assertSame(WITH_TWIN.of(t, EU), own.counterpart());
    }

    @Test
    void theWorkloadTagKeyOverridesTheParameter() {
        Workload w = workload(true, US);
        w.classification.tagKey = "dc";
        Verdict v = DataResidencyRecoveryRegionApproved.decide(table(Map.of("data-classification", "pci")), PAIR, w, "data-classification",
                NOW, gaps(), new Counterparts(List.of()), new DataIndex(List.of()));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("DynamoDB table cards has no dc tag, and the workload requires every data store to be classified.", v.annotation());
    }
}

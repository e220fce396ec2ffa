package io.failready.rules.security;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The order in which CLOUDTRAIL_LOGGING_IN_RECOVERY_REGION checks its scenarios where an account fits several, and which trail it names. */
class CloudtrailLoggingInRecoveryRegionTest {
    private static Resource trail(String name, Object... kv) {
        return resource("AWS::CloudTrail::Trail", "arn:aws:cloudtrail:us-east-1:111111111111:trail/" + name, name, PRIMARY, kv);
    }

    private static final Resource GOOD = trail("good", "isMultiRegionTrail", true, "isLogging", true, "logFileValidationEnabled", true);
    private static final Resource UNVALIDATED = trail("unvalidated", "isMultiRegionTrail", true, "isLogging", true);
    private static final Resource STOPPED = trail("stopped", "isMultiRegionTrail", true, "isLogging", false, "logFileValidationEnabled", true);
    private static final Resource STATUS_UNREAD = trail("unread", "isMultiRegionTrail", true);

    private static Verdict decide(List<Resource> trails, CollectionGap... gaps) {
        return CloudtrailLoggingInRecoveryRegion.decide(ACCOUNT, PAIR, trails, gaps(gaps));
    }

    @Test
    void aCompliantTrailPassesEvenWhereCloudtrailCouldNotBeRead() {
        Verdict v = decide(List.of(STOPPED, GOOD), denied(RECOVERY, "cloudtrail"));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertEquals("CloudTrail trail good logs eu-west-1 for account 111111111111 with log file validation.", v.annotation());
        assertNull(v.counterpart());
    }

    @Test
    void aGapInEitherRegionHidesEveryNonCompliantFinding() {
        for (List<Resource> trails : List.of(List.<Resource>of(), List.of(UNVALIDATED), List.of(STOPPED))) {
            Verdict v = decide(trails, denied(PRIMARY, "cloudtrail"));
            assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type(), trails.toString());
            assertEquals("CloudTrail: cannot tell whether a logging trail covers eu-west-1 for account 111111111111"
                    + " (AccessDenied on cloudtrail:List in 111111111111/us-east-1).", v.annotation());
        }
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(List.of(), denied(RECOVERY, "cloudtrail")).type());
    }

    @Test
    void theBestCoveringTrailDecides() {
        assertEquals("CloudTrail trail unvalidated logs eu-west-1 for account 111111111111 without log file validation.",
                decide(List.of(STOPPED, UNVALIDATED, STATUS_UNREAD)).annotation());
        Verdict stopped = decide(List.of(STOPPED));
        assertEquals(ComplianceType.NON_COMPLIANT, stopped.type());
        assertEquals("CloudTrail trail stopped covers eu-west-1 for account 111111111111 but is not logging.", stopped.annotation());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(List.of(STATUS_UNREAD)).type());
    }

    @Test
    void aRegionalTrailHomedInThePrimaryDoesNotCoverTheRecoveryRegion() {
        Resource regional = trail("regional", "homeRegion", PRIMARY, "isLogging", true, "logFileValidationEnabled", true);
        Verdict v = decide(List.of(regional));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("CloudTrail has no trail covering eu-west-1 for account 111111111111.", v.annotation());
        Resource homedThere = trail("dr", "homeRegion", RECOVERY, "isLogging", true, "logFileValidationEnabled", true);
        assertEquals(ComplianceType.COMPLIANT, decide(List.of(regional, homedThere)).type());
    }

    @Test
    void equallyGoodTrailsAreChosenByArnWhateverTheirOrder() {
        Resource b = trail("b", "isMultiRegionTrail", true, "isLogging", true);
        Resource a = trail("a", "isMultiRegionTrail", true, "isLogging", true);
        assertEquals(decide(List.of(a, b)).annotation(), decide(List.of(b, a)).annotation());
        assertEquals("CloudTrail trail a logs eu-west-1 for account 111111111111 without log file validation.", decide(List.of(b, a)).annotation());
    }
}

package io.failready.rules.security;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS: a gap comes before any recorder; a recorder counts only while recording. */
class ConfigRecorderEnabledInBothRegionsTest {
    private static Resource recorder(String name, boolean recording) {
        return resource("AWS::Config::ConfigurationRecorder", name, name, RECOVERY, "recording", recording);
    }

    @Test
    void aGapComesBeforeARecordingRecorder() {
        Verdict v = ConfigRecorderEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(recorder("default", true)), gaps(denied(RECOVERY, "config")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("AWS Config: cannot tell whether it is enabled in account 111111111111 in eu-west-1"
                + " (AccessDenied on config:List in 111111111111/eu-west-1).", v.annotation());
    }

    @Test
    void aStoppedRecorderIsNotARecordingOne() {
        assertEquals(ComplianceType.COMPLIANT, ConfigRecorderEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(recorder("default", true)), NO_GAPS).type());
        assertEquals("AWS Config has a configuration recorder that is stopped in account 111111111111 in eu-west-1.",
                ConfigRecorderEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(recorder("default", false)), NO_GAPS).annotation());
        assertEquals("AWS Config has no configuration recorder in account 111111111111 in eu-west-1.",
                ConfigRecorderEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(), NO_GAPS).annotation());
    }
}

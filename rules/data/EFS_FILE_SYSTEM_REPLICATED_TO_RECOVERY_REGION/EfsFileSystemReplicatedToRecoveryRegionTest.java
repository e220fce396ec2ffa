package io.failready.rules.data;

import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EfsFileSystemReplicatedToRecoveryRegionTest {
    private static final String FS = "AWS::EFS::FileSystem";
    private static final Counterparts NONE = new Counterparts(List.of());

    private static Resource source(Object destinations) {
        return resource(FS, "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-1", "media", PRIMARY,
                "fileSystemId", "fs-1", "replicationDestinations", destinations);
    }

    @Test
    void enabledDestinationNamesTheDestinationNotALookAlike() {
        Resource fs = source(List.of(Map.of("fileSystemId", "fs-2", "region", RECOVERY, "status", "ENABLED")));
        Resource lookAlike = resource(FS, "arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-9", "media", RECOVERY, "fileSystemId", "fs-9");
        Resource real = resource(FS, "arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-2", "media-dr", RECOVERY, "fileSystemId", "fs-2");
        Verdict v = EfsFileSystemReplicatedToRecoveryRegion.decide(fs, PAIR, NO_GAPS,
                new Counterparts(List.of(new Counterpart(FS, fs.getResourceId(), RECOVERY, lookAlike, "same-name"))));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertNull(v.counterpart());
        v = EfsFileSystemReplicatedToRecoveryRegion.decide(fs, PAIR, NO_GAPS,
                new Counterparts(List.of(new Counterpart(FS, fs.getResourceId(), RECOVERY, real, "service-link"))));
        assertSame(real, v.counterpart());
    }

    @Test
    void replicationNotReadIsUnknownNotUnreplicated() {
        Resource fs = resource(FS, "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-1", "media", PRIMARY, "fileSystemId", "fs-1");
        assertEquals(ComplianceType.INSUFFICIENT_DATA, EfsFileSystemReplicatedToRecoveryRegion.decide(fs, PAIR, NO_GAPS, NONE).type());
    }

    @Test
    void enablingIsNotYetACopy() {
        Resource fs = source(List.of(Map.of("fileSystemId", "fs-2", "region", RECOVERY, "status", "ENABLING")));
        Verdict v = EfsFileSystemReplicatedToRecoveryRegion.decide(fs, PAIR, NO_GAPS, NONE);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("ENABLING"), v.annotation());
    }
}

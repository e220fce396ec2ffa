package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.collect.aws.kms.KmsCollector;
import io.failready.facts.CollectionGap;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error text from an endpoint that echoes the credentials in use never reaches a gap with them. */
class CredentialScrubbingTest {
    @Test
    void credentialsEchoedInAnErrorMessageAreScrubbedFromGaps() {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.service().equals("kms"), AwsStub.FaultKind.ECHO_CREDENTIALS);
            Snapshot s = Collection.run(TestAws.request(stub, List.of(TestAws.ACCOUNT), "failready", List.of(TestAws.US_EAST_1)),
                    TestAws.options(List.of(new KmsCollector())));
            List<CollectionGap> gaps = s.getCollectionGaps();
            assertFalse(gaps.isEmpty(), "the denied call left a gap");
            for (CollectionGap g : gaps) {
                String m = g.getMessage();
                // the assumed role's access key id and session token, and the base secret
                for (String secret : List.of("ASIA" + TestAws.ACCOUNT, "token-" + TestAws.ACCOUNT, "test-secret-not-real", "AKIA")) {
                    assertFalse(m.contains(secret), secret + " leaked into: " + m);
                }
                assertTrue(m.contains("[REDACTED]"), m);
                assertTrue(m.startsWith("Denied."), "the rest of the message is kept: " + m);
            }
        }
    }
}

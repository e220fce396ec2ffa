package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.tooling.bench.EstateGenerator;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Account tasks share one SDK client per service and region, signing with the account whose task
 * runs on the thread. The stub answers with ARNs of the account whose assumed-role key signed the
 * call, so any call that went out under another account's credentials shows as a foreign ARN.
 */
class SharedClientIdentityTest {
    private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}):");

    @Test
    void everyCallIsSignedAsTheAccountItCollects() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) ids.add(EstateGenerator.accountId(i));
        try (AwsStub stub = new AwsStub(5, 2)) {
            var req = new CollectRequest(ids, "failready-audit", null, false, null,
                    List.of(EstateGenerator.PRIMARY, EstateGenerator.RECOVERY), stub.endpoint(), 16, null, Duration.ofMinutes(2), false, null);
            Snapshot s = Collection.run(req, Collection.Options.defaults(io.failready.collect.aws.CollectorRegistry.all()).withEnv(Map.of())
                    .withBaseCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTNOTREAL00000", "x"))));
            assertEquals(List.of(), s.getCollectionGaps(), "the stub answers everything");
            int arns = 0;
            for (Resource r : s.getResources()) {
                Matcher m = ARN_ACCOUNT.matcher(r.getResourceId());
                if (!m.find()) continue;
                arns++;
                assertEquals(r.getAccountId(), m.group(1), "signed as another account: " + r.getResourceId());
            }
            assertTrue(arns >= ids.size() * 4, "ARN-identified resources in every account: " + arns);
            for (String id : ids) {
                assertTrue(s.getResources().stream().anyMatch(r -> r.getAccountId().equals(id) && r.getResourceId().contains(":" + id + ":")),
                        "account " + id + " collected under its own identity");
            }
        }
    }

    @Test
    void anAccountClientRefusesToSignOutsideItsTask() throws Exception {
        try (AwsStub stub = new AwsStub(0, 1); ClientFactory clients = new ClientFactory(stub.endpoint(), Duration.ofSeconds(5))) {
            var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("ASIA210000000000STUB", "x"));
            assertThrows(IllegalStateException.class, () -> clients.accountClient(StsClient.class, creds, "us-east-1"));
            StsClient[] sts = new StsClient[1];
            ClientFactory.asAccount(creds, () -> sts[0] = clients.accountClient(StsClient.class, creds, "us-east-1"));
            // the same client, called after the task ended: no identity to sign with, so no call goes out
            long before = stub.totalCalls();
            assertThrows(RuntimeException.class, () -> sts[0].getCallerIdentity());
            assertEquals(before, stub.totalCalls());
        }
    }
}

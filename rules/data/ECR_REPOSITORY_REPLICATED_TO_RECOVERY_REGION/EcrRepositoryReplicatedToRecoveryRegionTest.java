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
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.deniedOn;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one repository fits several scenarios, the first in the documented order decides. */
class EcrRepositoryReplicatedToRecoveryRegionTest {
    static final String REPO = "AWS::ECR::Repository";
    static final String REPO_ARN = "arn:aws:ecr:us-east-1:111111111111:repository/web";

    static Resource repo() { return resource(REPO, REPO_ARN, "web", PRIMARY, "repositoryName", "web"); }

    static Resource config(String region, String... prefixes) {
        List<Map<String, Object>> filters = java.util.Arrays.stream(prefixes)
                .map(p -> Map.<String, Object>of("filter", p, "filterType", "PREFIX_MATCH")).toList();
        return resource("AWS::ECR::ReplicationConfiguration", "ecr-replication/" + region, "replication", region,
                "rules", region.equals(PRIMARY)
                        ? List.of(Map.of("destinations", List.of(Map.of("region", RECOVERY, "registryId", ACCOUNT)), "repositoryFilters", filters))
                        : List.of());
    }

    static Resource recoveryRepo(Object... kv) {
        return resource(REPO, "arn:aws:ecr:eu-west-1:111111111111:repository/web", "web", RECOVERY, kv);
    }

    static Resource service(String digest) {
        return resource("AWS::ECS::Service", "arn:aws:ecs:us-east-1:111111111111:service/prod/web", "web-svc", PRIMARY,
                "images", List.of(Map.of("image", "111111111111.dkr.ecr.us-east-1.amazonaws.com/web:1", "digest", digest)));
    }

    private static Verdict decide(GapIndex g, Resource... others) {
        List<Resource> all = new java.util.ArrayList<>(List.of(others));
        Resource r = repo();
        all.add(r);
        return EcrRepositoryReplicatedToRecoveryRegion.decide(r, PAIR, new DataIndex(all), g);
    }

    @Test
    void aFailedImageListingOfTheRepositoryItselfDoesNotHideItsReplication() {
        Resource there = recoveryRepo();
        Verdict v = decide(gaps(deniedOn(PRIMARY, "ecr", REPO, REPO_ARN)), config(PRIMARY), config(RECOVERY), there);
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertSame(there, v.counterpart());
    }

    @Test
    void theRegistryBeingUnreadableIsInsufficientDataEvenWithoutAConfiguration() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(gaps(denied(PRIMARY, "ecr"))).type());
    }

    @Test
    void filtersThatDoNotMatchTheNameAreNamed() {
        Verdict v = decide(NO_GAPS, config(PRIMARY, "api-", "worker-"), config(RECOVERY));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("the replication filters (api-, worker-) do not match its name"), v.annotation());
    }

    @Test
    void missingRecoveryRepositoryIsAFindingOnlyWhenTheDestinationRegistryWasRead() {
        Verdict unread = decide(NO_GAPS, config(PRIMARY));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, unread.type());
        Verdict read = decide(NO_GAPS, config(PRIMARY), config(RECOVERY));
        assertEquals(ComplianceType.NON_COMPLIANT, read.type());
        assertTrue(read.annotation().contains("no images have been replicated"), read.annotation());
    }

    @Test
    void aDeployedDigestMissingThereIsNonCompliantUnlessTheListingWasCapped() {
        Verdict missing = decide(NO_GAPS, config(PRIMARY), config(RECOVERY), service("sha256:aa"), recoveryRepo("imageDigests", List.of("sha256:bb")));
        assertEquals(ComplianceType.NON_COMPLIANT, missing.type());
        assertTrue(missing.annotation().contains("deployed digest sha256:aa (run by ECS service web-svc)"), missing.annotation());
        Verdict capped = decide(NO_GAPS, config(PRIMARY), config(RECOVERY), service("sha256:aa"),
                recoveryRepo("imageDigests", List.of("sha256:bb"), "imageDigestsCapped", true));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, capped.type());
    }

    @Test
    void aDeployedDigestPresentThereIsCompliantAndSaysSo() {
        Verdict v = decide(NO_GAPS, config(PRIMARY), config(RECOVERY), service("sha256:aa"), recoveryRepo("imageDigests", List.of("sha256:aa")));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertTrue(v.annotation().endsWith("; the deployed digest is present there."), v.annotation());
    }
}

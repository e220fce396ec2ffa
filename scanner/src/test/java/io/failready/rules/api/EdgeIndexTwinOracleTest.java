package io.failready.rules.api;

import io.failready.facts.RegionTokens;
import io.failready.facts.Resource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EdgeIndex#twin} looks candidates up by tag value and by name instead of passing over every resource of the
 * type in the region; over a large organization with shared names and tags it must pick exactly what the passes
 * picked (same account first, then the lowest account id, then the first listed).
 */
class EdgeIndexTwinOracleTest {
    private static final String TAG = "failready:logical-id";

    @Test
    void thousandsOfResourcesGiveTheSameTwinsAsThePassesOverTheRegion() {
        Random rnd = new Random(19);
        List<Resource> all = new ArrayList<>();
        List<Resource> subjects = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String type = rnd.nextBoolean() ? EdgeIndex.VPC : EdgeIndex.REST_API;
            String region = i % 3 == 0 ? PRIMARY : RECOVERY;
            String account = String.format("%012d", 200000000000L + rnd.nextInt(30));
            String id = "arn:aws:x:" + region + ":" + account + ":r/" + i;
            int k = rnd.nextInt(150);
            String name = switch (rnd.nextInt(5)) {
                case 0 -> id;
                case 1 -> "app" + k + "-" + region;
                case 2 -> "app" + k + "-" + RegionTokens.tokens(region).get(3);
                default -> "app" + k;
            };
            Map<String, String> tags = new HashMap<>();
            if (rnd.nextInt(3) == 0) tags.put(TAG, "svc" + rnd.nextInt(200));
            if (rnd.nextInt(4) == 0) tags.put("team", "t" + rnd.nextInt(5));
            Resource r = new Resource(type, id, name, account, region, tags, Map.of());
            all.add(r);
            if (region.equals(PRIMARY)) subjects.add(r);
        }
        EdgeIndex ix = new EdgeIndex(all);
        Map<String, Integer> how = new HashMap<>();
        for (String tagKey : Arrays.asList(TAG, "team", null)) {
            for (Resource r : subjects) {
                Resource expected = passes(all, r, RECOVERY, tagKey);
                assertSame(expected, ix.twin(r, RECOVERY, tagKey), r + " with tag key " + tagKey);
                how.merge(expected == null ? "none" : expected.getAccountId().equals(r.getAccountId()) ? "same account" : "other account", 1, Integer::sum);
            }
        }
        for (String outcome : List.of("none", "same account", "other account")) assertTrue(how.getOrDefault(outcome, 0) > 0, outcome + ": " + how);
    }

    @Test
    void aTwinIsLookedForOnlyAmongItsTypeInTheOtherRegion() {
        Resource vpc = new Resource(EdgeIndex.VPC, "vpc-1", "app-use1", TestFacts.ACCOUNT, PRIMARY, Map.of(TAG, "app"), Map.of());
        Resource api = new Resource(EdgeIndex.REST_API, "api-1", "app-euw1", TestFacts.ACCOUNT, RECOVERY, Map.of(TAG, "app"), Map.of());
        Resource sameRegion = new Resource(EdgeIndex.VPC, "vpc-2", "app-use1", TestFacts.ACCOUNT, PRIMARY, Map.of(TAG, "app"), Map.of());
        Resource twin = new Resource(EdgeIndex.VPC, "vpc-3", "app-euw1", TestFacts.ACCOUNT, RECOVERY, Map.of(), Map.of());
        assertNull(new EdgeIndex(List.of(vpc, api, sameRegion)).twin(vpc, RECOVERY, TAG));
        assertSame(twin, new EdgeIndex(List.of(vpc, api, sameRegion, twin)).twin(vpc, RECOVERY, TAG));
    }

    @Test
    void aNameWithTheKeySeparatorDoesNotReachAnotherRegion() {
        Resource vpc = new Resource(EdgeIndex.VPC, "vpc-1", "x|y", TestFacts.ACCOUNT, PRIMARY, Map.of(TAG, "x|y"), Map.of());
        Resource elsewhere = new Resource(EdgeIndex.VPC, "vpc-2", "y", TestFacts.ACCOUNT, RECOVERY + "|x", Map.of(TAG, "y"), Map.of());
        assertNull(new EdgeIndex(List.of(vpc, elsewhere)).twin(vpc, RECOVERY, TAG));
    }

    /** The lookup as it was: three passes over every resource of the type in the region (logical-id tag, name, region tokens). */
    private static Resource passes(List<Resource> all, Resource r, String region, String tagKey) {
        List<Resource> there = all.stream().filter(c -> c.getResourceType().equals(r.getResourceType()) && c.getAwsRegion().equals(region)).toList();
        String tag = tagKey == null ? null : r.tag(tagKey);
        String translated = RegionTokens.translate(r.getResourceName(), r.getAwsRegion(), region);
        for (int pass = 0; pass < 3; pass++) {
            Resource best = null;
            for (Resource c : there) {
                boolean hit = switch (pass) {
                    case 0 -> tag != null && tag.equals(c.tag(tagKey));
                    case 1 -> r.getResourceName().equals(c.getResourceName()) && !r.getResourceName().equals(r.getResourceId());
                    default -> translated != null && translated.equals(c.getResourceName());
                };
                if (!hit) continue;
                if (c.getAccountId().equals(r.getAccountId())) return c;
                if (best == null || c.getAccountId().compareTo(best.getAccountId()) < 0) best = c;
            }
            if (best != null) return best;
        }
        return null;
    }
}

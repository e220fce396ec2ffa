package io.failready.rules.data;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * ECR_REPOSITORY_REPLICATED_TO_RECOVERY_REGION: the decision for one in-scope repository in the
 * primary region. Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class EcrRepositoryReplicatedToRecoveryRegion {
    private EcrRepositoryReplicatedToRecoveryRegion() {}

    static final String REPOSITORY = "AWS::ECR::Repository";

    public static Verdict decide(Resource repo, RegionPair p, DataIndex ix, GapIndex g) {
        String who = Labels.of(repo);
        // service-wide only: a gap on listing this repository's own images does not hide its replication
        if (g.missing(repo.getAccountId(), repo.getAwsRegion(), "ecr")) {
            return Verdict.insufficientData(who + ": cannot read the registry replication configuration ("
                    + g.why(repo.getAccountId(), repo.getAwsRegion(), "ecr") + ").");
        }
        Resource cfg = ix.ecrReplicationConfiguration(repo.getAccountId(), repo.getAwsRegion());
        if (cfg != null && g.missingFor(cfg, "ecr")) {
            return Verdict.insufficientData(who + ": cannot read the registry replication configuration (" + g.why(cfg, "ecr") + ").");
        }
        String name = name(repo);
        String registry = "registry " + repo.getAccountId() + " in " + repo.getAwsRegion();
        if (cfg == null || cfg.maps("rules").isEmpty()) {
            return Verdict.nonCompliant(who + " is not replicated: " + registry + " has no replication configuration.", null);
        }
        List<String> filters = new ArrayList<>();
        boolean toRecovery = false;
        for (Map<String, Object> rule : cfg.maps("rules")) {
            String destRegistry = null;
            for (Object d : rule.get("destinations") instanceof List<?> l ? l : List.of()) {
                if (d instanceof Map<?, ?> dm && p.recovery.equals(dm.get("region"))) {
                    destRegistry = dm.get("registryId") == null ? repo.getAccountId() : String.valueOf(dm.get("registryId"));
                }
            }
            if (destRegistry == null) continue;
            toRecovery = true;
            List<String> prefixes = new ArrayList<>();
            for (Object f : rule.get("repositoryFilters") instanceof List<?> l ? l : List.of()) {
                if (f instanceof Map<?, ?> fm && (fm.get("filterType") == null || "PREFIX_MATCH".equals(fm.get("filterType")))) {
                    prefixes.add(fm.get("filter") == null ? null : String.valueOf(fm.get("filter")));
                }
            }
            boolean covered = prefixes.isEmpty() || prefixes.stream().anyMatch(x -> x != null && name.startsWith(x));
            if (covered) {
                Resource cp = ix.byName(REPOSITORY, destRegistry, p.recovery, name);
                // Replication copies only images pushed after it was configured and creates the destination
                // repository with the first one: no repository there means nothing has been replicated yet.
                if (cp == null) {
                    if (g.missing(destRegistry, p.recovery, "ecr")) {
                        return Verdict.insufficientData(who + " is covered by replication to " + p.recovery + " (registry " + destRegistry
                                + ") but that registry could not be read (" + g.why(destRegistry, p.recovery, "ecr") + ").");
                    }
                    if (ix.ecrReplicationConfiguration(destRegistry, p.recovery) == null) {
                        return Verdict.insufficientData(who + " is covered by replication to " + p.recovery + " (registry " + destRegistry
                                + "), a registry this scan did not read; whether the repository exists there is unknown.");
                    }
                    return Verdict.nonCompliant(who + " is covered by replication to " + p.recovery + " (registry " + destRegistry
                            + ") but the repository is missing there: no images have been replicated (only pushes after the rule was added are).", null);
                }
                Verdict images = deployedImagesPresent(repo, cp, p, ix, g, who);
                if (images != null) return images;
                return Verdict.compliant(who + " is replicated to " + p.recovery + " (registry " + destRegistry + ")"
                        + (prefixes.isEmpty() ? "" : " by prefix filter " + String.join(", ", prefixes))
                        + digestNote(repo, ix) + ".", cp);
            }
            filters.addAll(prefixes);
        }
        if (!toRecovery) {
            return Verdict.nonCompliant(who + " is not replicated: " + registry + " has no replication destination in " + p.recovery + ".", null);
        }
        return Verdict.nonCompliant(who + " is not replicated to " + p.recovery + ": the replication filters ("
                + String.join(", ", filters) + ") do not match its name.", null);
    }

    /**
     * Replication does not backfill: the recovery repository may lack an image pushed before the rule
     * existed. Null when every digest ECS runs from {@code repo} is listed in {@code cp} (or none is known).
     */
    static Verdict deployedImagesPresent(Resource repo, Resource cp, RegionPair p, DataIndex ix, GapIndex g, String who) {
        SortedMap<String, SortedSet<String>> deployed = ix.deployedDigests(registryId(repo), repo.getAwsRegion(), name(repo));
        if (deployed.isEmpty()) return null;
        String where = "the repository in " + p.recovery;
        if (g.missingFor(cp, "ecr")) {
            return Verdict.insufficientData(who + " is replicated, but the images of " + where
                    + " could not be listed (" + g.why(cp, "ecr") + "), so the deployed digest cannot be checked.", cp);
        }
        if (!cp.has("imageDigests")) {
            return Verdict.insufficientData(who + " is replicated, but the images of " + where
                    + " were not collected, so the deployed digest cannot be checked.", cp);
        }
        Set<String> present = new HashSet<>();
        for (Object d : cp.list("imageDigests")) present.add(String.valueOf(d));
        List<String> absent = new ArrayList<>();
        for (String d : deployed.keySet()) if (!present.contains(d)) absent.add(d);
        if (absent.isEmpty()) return null;
        String first = absent.get(0);
        SortedSet<String> services = deployed.get(first);
        String by = "run by ECS service " + services.first() + (services.size() > 1 ? " +" + (services.size() - 1) : "");
        if (cp.bool("imageDigestsCapped")) {
            return Verdict.insufficientData(who + ": the image listing in " + p.recovery
                    + " hit the per-repository cap and does not show deployed digest " + first + " (" + by + ").", cp);
        }
        return Verdict.nonCompliant(who + ": deployed digest " + first + " (" + by + ") is missing from " + where
                + (absent.size() > 1 ? " (+" + (absent.size() - 1) + " more)" : "")
                + "; replication copies only pushes made after it was configured.", cp);
    }

    private static String digestNote(Resource repo, DataIndex ix) {
        int n = ix.deployedDigests(registryId(repo), repo.getAwsRegion(), name(repo)).size();
        return n == 0 ? "" : "; the " + (n == 1 ? "deployed digest is" : n + " deployed digests are") + " present there";
    }

    private static String registryId(Resource repo) { return repo.str("registryId") != null ? repo.str("registryId") : repo.getAccountId(); }

    private static String name(Resource repo) { return repo.str("repositoryName") != null ? repo.str("repositoryName") : repo.getResourceName(); }
}

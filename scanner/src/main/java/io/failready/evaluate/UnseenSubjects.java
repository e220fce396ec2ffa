package io.failready.evaluate;

import io.failready.model.Evaluation;

import io.failready.model.ComplianceType;

import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleMetadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fail-closed completion of rules that judge inventoried resources. Such a rule emits one evaluation
 * per resource it sees; when the service's listing failed where its subjects live (throttled,
 * denied, timed out, an account whose role could not be assumed), those resources were never seen,
 * the rule emitted nothing for them, and the workload could look READY on data that was never read.
 * Likewise a resource whose detail call failed is sometimes left out of the inventory altogether.
 *
 * <p>For every enabled rule whose {@code @resourceType} names AWS resource types, this adds one
 * INSUFFICIENT_DATA evaluation per workload account and region pair where the type's service has a
 * service-wide gap in the region the rule's subjects live in (the primary region;
 * {@code @subjectRegion("recovery")} rules the recovery region; {@code global} for IAM), unless the
 * rule already judged something of that service there; and one per resource of the type that has a
 * gap of its own and is absent from the inventory, unless the rule judged it. Rules over the account,
 * the workload or declared endpoints ({@code AWS::::Account}, {@code Failready::*}, Route 53 records)
 * judge their gaps themselves and are left alone.
 * Proven end to end by {@code FaultInjectionScanTest}.
 */
final class UnseenSubjects {
    private UnseenSubjects() {}

    private static final Set<String> GLOBAL_SERVICES = Set.of("cloudfront", "iam");
    /** Route 53 rules judge each declared endpoint and say INSUFFICIENT_DATA when route53 has a gap. */
    private static final Set<String> SELF_JUDGING_SERVICES = Set.of("route53");

    static List<Evaluation> complete(RuleCatalog catalog, Predicate<String> enabled, List<RegionPair> pairs,
                                     List<String> accounts, GapIndex gapIndex, List<CollectionGap> gaps,
                                     List<Resource> inventory, List<Evaluation> emitted) {
        // Only a rule, account and region with a service gap can need completing, and an evaluation
        // matters only there: the few such places are found first, so the pass over every evaluation
        // (a million at 1M resources) is two lookups for most of them, and allocates nothing.
        Map<String, Set<String>> gapAccountsByRule = new HashMap<>();
        for (RuleMetadata m : catalog.rules().values()) {
            if (!enabled.test(m.id())) continue;
            for (String type : m.resourceType().split(",")) {
                String service = service(type.trim());
                if (service == null || SELF_JUDGING_SERVICES.contains(service)) continue;
                boolean global = GLOBAL_SERVICES.contains(service);
                for (RegionPair p : pairs) {
                    String region = global ? Resource.GLOBAL : catalog.judgesRecoveryRegion(m.id()) ? p.recovery() : p.primary();
                    for (String a : accounts) {
                        if (gapIndex.gap(a, region, service) != null) gapAccountsByRule.computeIfAbsent(m.id(), k -> new HashSet<>()).add(a);
                    }
                }
            }
        }
        // Keys are records, not concatenated strings.
        Map<String, String> services = new HashMap<>();
        Set<Judged> judged = new HashSet<>();
        for (Evaluation e : emitted) {
            Set<String> gapAccounts = gapAccountsByRule.get(e.getRuleId());
            if (gapAccounts == null || !gapAccounts.contains(e.getAccountId())) continue;
            String svc = e.getResourceType() == null ? null : services.computeIfAbsent(e.getResourceType(), UnseenSubjects::service);
            judged.add(new Judged(e.getRuleId(), svc, e.getAccountId(), e.getRegion()));
        }
        // Only resource-level gaps (one unreadable bucket) need the per-id sets; most estates have none.
        boolean resourceGaps = gaps.stream().anyMatch(g -> g.getResourceId() != null);
        Set<JudgedId> judgedIds = new HashSet<>();
        Set<String> inventoried = new HashSet<>();
        if (resourceGaps) {
            for (Evaluation e : emitted) judgedIds.add(new JudgedId(e.getRuleId(), e.getResourceId()));
            for (Resource r : inventory) inventoried.add(r.getResourceId());
        }
        Set<String> accountSet = new HashSet<>(accounts);

        List<Evaluation> out = new ArrayList<>();
        Set<String> added = new HashSet<>();
        for (RuleMetadata m : catalog.rules().values()) {
            if (!enabled.test(m.id())) continue;
            for (String type : m.resourceType().split(",")) {
                type = type.trim();
                String service = service(type);
                if (service == null || SELF_JUDGING_SERVICES.contains(service)) continue;
                boolean global = GLOBAL_SERVICES.contains(service);
                for (RegionPair p : pairs) {
                    String region = global ? Resource.GLOBAL : catalog.judgesRecoveryRegion(m.id()) ? p.recovery() : p.primary();
                    for (String a : accounts) {
                        CollectionGap g = gapIndex.gap(a, region, service);
                        if (g == null || judged.contains(new Judged(m.id(), service, a, region))) continue;
                        String id = "arn:aws:" + service + ":" + (global ? "" : region) + ":" + a + ":*";
                        if (!added.add(m.id() + "|" + id + "|" + p.recovery())) continue;
                        out.add(new Evaluation(m.id(), null, null, ComplianceType.INSUFFICIENT_DATA, type, id, id, a, region,
                                p.recovery(), null, service + " could not be read (" + GapIndex.describe(g) + "): whatever "
                                + type + " resources are there were never seen, so none was judged.", null));
                    }
                    if (!resourceGaps) continue;
                    for (CollectionGap g : gaps) {
                        if (g.getResourceId() == null || !type.equals(g.getResourceType()) || !region.equals(g.getRegion())
                                || !accountSet.contains(g.getAccountId()) || inventoried.contains(g.getResourceId())
                                || judgedIds.contains(new JudgedId(m.id(), g.getResourceId()))
                                || !added.add(m.id() + "|" + g.getResourceId() + "|" + p.recovery())) continue;
                        out.add(new Evaluation(m.id(), null, null, ComplianceType.INSUFFICIENT_DATA, type, g.getResourceId(),
                                g.getResourceId(), g.getAccountId(), region, p.recovery(), null,
                                "the resource could not be read (" + GapIndex.describe(g) + "), so it was not judged.", null));
                    }
                }
            }
        }
        return out;
    }

    private record Judged(String ruleId, String service, String accountId, String region) {}
    private record JudgedId(String ruleId, String resourceId) {}

    /** {@code AWS::SecretsManager::Secret} -> {@code secretsmanager}, the gap's service; null for non-AWS or account types. */
    static String service(String resourceType) {
        String[] parts = resourceType.split("::");
        if (parts.length != 3 || !parts[0].equals("AWS") || parts[1].isEmpty()) return null;
        String prefix = parts[1].toLowerCase(Locale.ROOT);
        return GAP_SERVICE_OF_TYPE_PREFIX.getOrDefault(prefix, prefix);
    }

    /*
     * Where the type's prefix is not the service its gaps name: EventBridge types are AWS::Events::*,
     * and DocumentDB and Neptune are read through rds: calls, so their gaps name rds. Without this a
     * denied listing of those services would leave their unseen resources unreported. ACM types are
     * AWS::CertificateManager::*, and API Gateway V2's domain names are read by the apigateway collector.
     * TODO(descriptor): derive from the collectors' descriptors once collectors-arch lands.
     */
    private static final java.util.Map<String, String> GAP_SERVICE_OF_TYPE_PREFIX = java.util.Map.of(
            "events", "eventbridge", "docdb", "rds", "neptune", "rds",
            "certificatemanager", "acm", "apigatewayv2", "apigateway");
}

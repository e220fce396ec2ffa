package io.failready.rules.api;

import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hash lookups over what the security rules read besides their subject: every KMS key under each
 * name a data store may use for it (key ARN, alias ARNs), the in-scope data stores each key
 * protects, the keys the recovery copies of that data use (per primary key and copy region), the
 * key references that resolve to no inventoried key, and the IAM roles the workload uses. Built
 * once per session by the engine ({@code io.failready.evaluate.Indexes}); keys are resolved by
 * {@link KmsKeys}.
 *
 * <p>It replaces five kinds of logically inserted facts (key handles, key references, keys in use,
 * key counterpart candidates, roles in use): tens of thousands of them at 100k resources, each with
 * its truth-maintenance bookkeeping and join tuples, for facts that never change during a session.
 * Truth maintenance also merged equal facts; the maps below keep that de-duplication by the same
 * identities the facts' {@code equals} used (names and resource ids; for an id seen twice the
 * first resource collected is kept).
 */
public final class SecurityIndex {
    /** The resource types read; resources of other types given to the constructor are skipped. */
    public static final Set<String> TYPES = Set.of(KmsKeys.KMS_KEY, "AWS::S3::Bucket", "AWS::DynamoDB::Table",
            "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::SecretsManager::Secret", "AWS::IAM::Role", "AWS::Lambda::Function");

    /** Data stores whose key references are followed (those an in-scope store of these types names). */
    static final Set<String> KEY_USERS = Set.of("AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::RDS::DBInstance",
            "AWS::RDS::DBCluster", "AWS::SecretsManager::Secret");

    /** Handle (key or alias ARN) -> the keys it names, by key id, in collection order. */
    private final Map<String, LinkedHashMap<String, Resource>> keysByHandle = new HashMap<>();
    /** Key id -> the in-scope data stores that name it, by store id. */
    private final Map<String, LinkedHashMap<String, Resource>> usersByKey = new HashMap<>();
    /** Region of the reference -> references naming no inventoried key, one per reference (see below), by reference. */
    private final Map<String, TreeMap<String, SecurityKeyReference>> unresolved = new HashMap<>();
    /** Role ARN -> who uses it: "the workload scope" for in-scope roles, else in-scope Lambda functions' names. */
    private final Map<String, TreeSet<String>> roleUsers = new HashMap<>();
    private final Set<String> inventoriedRoles = new HashSet<>();
    /** Primary key id + "|" + copy region -> the keys the recovery copies of the data it protects use there. */
    private final Map<String, List<SecurityCopyKey>> copyKeys = new HashMap<>();
    /** RDS instances and clusters by ARN (in scope or not), to read the key of a replica or secondary cluster. */
    private final Map<String, Resource> rdsByArn = new HashMap<>();

    public SecurityIndex(Collection<?> resources) {
        List<Resource> stores = new ArrayList<>();
        for (Object o : resources) {
            if (!(o instanceof Resource r) || !TYPES.contains(r.getResourceType())) continue;
            switch (r.getResourceType()) {
                case KmsKeys.KMS_KEY -> {
                    for (String h : KmsKeys.keyHandles(r)) {
                        keysByHandle.computeIfAbsent(h, k -> new LinkedHashMap<>()).putIfAbsent(r.getResourceId(), r);
                    }
                }
                case "AWS::IAM::Role" -> {
                    inventoriedRoles.add(r.getResourceId());
                    if (r.isInScope()) roleUsers.computeIfAbsent(r.getResourceId(), k -> new TreeSet<>()).add("the workload scope");
                }
                case "AWS::Lambda::Function" -> {
                    String role = r.str("role");
                    if (r.isInScope() && role != null) roleUsers.computeIfAbsent(role, k -> new TreeSet<>()).add(r.getResourceName());
                }
                default -> {
                    if (r.getResourceType().startsWith("AWS::RDS::")) rdsByArn.putIfAbsent(r.getResourceId(), r);
                    if (r.isInScope() && KEY_USERS.contains(r.getResourceType())) stores.add(r);
                }
            }
        }
        // after every key is indexed, since a store may name a key listed after it
        for (Resource d : stores) {
            for (String ref : KmsKeys.keyRefs(d)) {
                LinkedHashMap<String, Resource> keys = keysByHandle.get(ref);
                if (keys != null) {
                    List<SecurityCopyKey> copies = KmsKeys.copyKeyRefs(d, rdsByArn::get);
                    for (String keyId : keys.keySet()) {
                        if (usersByKey.computeIfAbsent(keyId, k -> new LinkedHashMap<>()).putIfAbsent(d.getResourceId(), d) != null) continue;
                        for (SecurityCopyKey c : copies) copyKeys.computeIfAbsent(keyId + "|" + c.region(), k -> new ArrayList<>()).add(c);
                    }
                    continue;
                }
                String region = Arns.region(ref);
                if (region == null) continue;
                // one evaluation per referenced key: the store with the lowest id speaks for all
                SecurityKeyReference candidate = new SecurityKeyReference(ref, d);
                unresolved.computeIfAbsent(region, k -> new TreeMap<>()).merge(ref, candidate,
                        (a, b) -> b.getUserId().compareTo(a.getUserId()) < 0 ? b : a);
            }
        }
    }

    /** Whether the key protects at least one in-scope data store. */
    public boolean protectsData(String keyArn) { return usersByKey.containsKey(keyArn); }

    /** The in-scope data stores that name the key (by key or alias ARN). */
    public Collection<Resource> dataProtectedBy(String keyArn) {
        LinkedHashMap<String, Resource> users = usersByKey.get(keyArn);
        return users == null ? List.of() : users.values();
    }

    /**
     * Candidate twins of {@code key} in {@code recovery}: the inventoried keys named by one of its
     * {@link KmsKeys#counterpartHandles} there, one per key and way of matching.
     *
     * <p>The list runs from the last handle to the first. The decision that picks the best candidate
     * keeps the first of equally good candidates (the same key found through two aliases), and the
     * candidate facts this replaces reached it in that reverse order, so this keeps its choice of
     * alias - and the annotation naming it - unchanged.
     */
    public List<SecurityKeyCounterpart> counterparts(Resource key, String recovery) {
        List<String> handles = KmsKeys.counterpartHandles(key, recovery);
        List<SecurityKeyCounterpart> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = handles.size() - 1; i >= 0; i--) {
            String h = handles.get(i);
            LinkedHashMap<String, Resource> keys = keysByHandle.get(h);
            if (keys == null) continue;
            String kind = KmsKeys.counterpartKind(h);
            for (Resource twin : keys.values()) {
                if (seen.add(twin.getResourceId() + "|" + kind)) {
                    out.add(new SecurityKeyCounterpart(key.getResourceId(), recovery, twin, kind, KmsKeys.counterpartRank(h)));
                }
            }
        }
        return out;
    }

    /** References in {@code region} naming no inventoried key, one per reference, sorted by reference. */
    public Collection<SecurityKeyReference> unresolvedKeyRefs(String region) {
        TreeMap<String, SecurityKeyReference> refs = unresolved.get(region);
        return refs == null ? List.of() : refs.values();
    }

    /**
     * The keys the recovery copies in {@code region} of the data {@code keyArn} protects are encrypted
     * with (empty when no copy there records a key), in the order the stores were collected.
     */
    public List<SecurityCopyKey> copyKeys(String keyArn, String region) {
        List<SecurityCopyKey> out = copyKeys.get(keyArn + "|" + region);
        return out == null ? List.of() : out;
    }

    /** The inventoried keys a key or alias ARN names, in collection order (empty when none). */
    public Collection<Resource> keysNamed(String handle) {
        LinkedHashMap<String, Resource> keys = keysByHandle.get(handle);
        return keys == null ? List.of() : keys.values();
    }

    /** Whether the workload uses the role: it is in scope, or an in-scope Lambda function runs as it. */
    public boolean roleInUse(String roleArn) { return roleUsers.containsKey(roleArn); }

    /** Who uses the role, sorted: "the workload scope" and/or Lambda function names. */
    public Set<String> roleUsers(String roleArn) {
        TreeSet<String> users = roleUsers.get(roleArn);
        return users == null ? Set.of() : users;
    }

    /** Roles in use that are not in the inventory, each with the user that sorts first, sorted by role ARN. */
    public List<SecurityRoleInUse> rolesNotInInventory() {
        List<SecurityRoleInUse> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : new TreeMap<>(roleUsers).entrySet()) {
            if (!inventoriedRoles.contains(e.getKey())) out.add(new SecurityRoleInUse(e.getKey(), e.getValue().first()));
        }
        return out;
    }
}

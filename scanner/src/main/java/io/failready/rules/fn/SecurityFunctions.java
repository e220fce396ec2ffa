package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.evaluate.RegionTokens;
import io.failready.evaluate.Scope;
import io.failready.facts.AsOf;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.Links;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.SecurityCopyKey;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.SecurityKeyCounterpart;
import io.failready.rules.api.SecurityKeyReference;
import io.failready.rules.api.KmsKeys;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Static helpers for the security and compliance rules (imported into DRL with
 * {@code import function} or called as {@code SecurityFunctions.x(..)}). They only read facts.
 * The per-resource security rules, which judge thousands of subjects, decide here once per subject
 * and region pair (the {@link Verdict}-returning functions, each checking its rule's scenarios in
 * the order its javadoc gives), so Drools keeps one match per subject instead of one per outcome
 * rule; the other rules decide the outcome in their DRL.
 */
public final class SecurityFunctions {
    private SecurityFunctions() {}

    public static final String KMS_KEY = KmsKeys.KMS_KEY;

    // ---------------------------------------------------------------- ARNs

    /** Region field of an ARN ({@code arn:partition:service:region:account:resource}), or null. */
    public static String arnRegion(String arn) { return arnField(arn, 3); }
    public static String arnAccount(String arn) { return arnField(arn, 4); }

    private static String arnField(String arn, int i) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] parts = arn.split(":", 6);
        return parts.length > i ? parts[i] : null;
    }

    // ---------------------------------------------------------------- KMS (resolution lives in rules.api.KmsKeys)

    public static List<String> keyHandles(Resource key) { return KmsKeys.keyHandles(key); }
    public static List<String> keyRefs(Resource d) { return KmsKeys.keyRefs(d); }
    public static List<SecurityCopyKey> copyKeyRefs(Resource d, Function<String, Resource> rds) { return KmsKeys.copyKeyRefs(d, rds); }
    public static List<String> counterpartHandles(Resource key, String recovery) { return KmsKeys.counterpartHandles(key, recovery); }
    public static String counterpartKind(String handle) { return KmsKeys.counterpartKind(handle); }
    public static int counterpartRank(String handle) { return KmsKeys.counterpartRank(handle); }

    /** Best candidate: replicas before aliases, then by ARN, so the choice does not depend on firing order. */
    public static SecurityKeyCounterpart bestCounterpart(List<?> candidates) {
        SecurityKeyCounterpart best = null;
        for (Object o : candidates) {
            SecurityKeyCounterpart c = (SecurityKeyCounterpart) o;
            if (best == null || c.rank < best.rank
                    || (c.rank == best.rank && c.counterpart.getResourceId().compareTo(best.counterpart.getResourceId()) < 0)) {
                best = c;
            }
        }
        return best;
    }

    public static Resource bestCounterpartKey(List<?> candidates) {
        SecurityKeyCounterpart c = bestCounterpart(candidates);
        return c == null ? null : c.counterpart;
    }

    /** "payments-ledger" / "payments-ledger and 2 more", from data-store resources, sorted by name. */
    public static String names(Collection<?> resources) {
        TreeSet<String> names = new TreeSet<>();
        for (Object o : resources) names.add(o instanceof Resource r ? r.getResourceName() : String.valueOf(o));
        if (names.isEmpty()) return "nothing";
        String first = names.first();
        return names.size() == 1 ? first : first + " and " + (names.size() - 1) + " more";
    }

    /** Short key label for annotations: first alias, else the key id. */
    public static String keyLabel(Resource key) {
        List<Object> aliases = key.list("aliases");
        String id = key.str("keyId") != null ? key.str("keyId") : key.getResourceName();
        return aliases.isEmpty() ? id : String.valueOf(aliases.get(0)) + " (" + id + ")";
    }

    // ---------------------------------------------------------------- KMS and Secrets Manager decisions

    /**
     * KMS_KEY_AVAILABLE_IN_RECOVERY_REGION for a primary-region key that protects in-scope data, in
     * this order: recovery copies in the recovery region record the keys they use -> those keys
     * decide ({@link #copyKeysAvailable}); else AWS managed -> NOT_APPLICABLE (AWS provides its key in every region, so gaps do
     * not matter); KMS unreadable for the key or in the recovery region -> INSUFFICIENT_DATA; no
     * candidate twin -> NON_COMPLIANT; else the best candidate ({@link #bestCounterpart}) decides:
     * Enabled -> COMPLIANT, any other state -> NON_COMPLIANT, naming it either way.
     */
    public static Verdict kmsKeyAvailable(Resource k, RegionPair p, GapIndex g, SecurityIndex ix) {
        String rec = p.getRecovery();
        String key = "KMS key " + keyLabel(k);
        List<SecurityCopyKey> copies = ix.copyKeys(k.getResourceId(), rec);
        if (!copies.isEmpty()) return copyKeysAvailable(k, key + " protecting " + names(ix.dataProtectedBy(k.getResourceId())), copies, rec, g, ix);
        if ("AWS".equals(k.str("keyManager"))) {
            return Verdict.notApplicable(key + " is AWS managed; the service provides its own key in " + rec + ".");
        }
        String gap = kmsGap(k, rec, g);
        if (gap != null) return Verdict.insufficientData(fit(key + ": cannot tell whether it has a counterpart in " + rec + " (" + gap + ")."));
        String users = names(ix.dataProtectedBy(k.getResourceId()));
        SecurityKeyCounterpart best = bestCounterpart(ix.counterparts(k, rec));
        if (best == null) {
            return Verdict.nonCompliant(fit(key + " protecting " + users + " has no multi-Region replica and no alias-matched key in " + rec + "."), null);
        }
        Resource twin = best.counterpart;
        if ("Enabled".equals(twin.str("keyState"))) {
            return Verdict.compliant(fit(key + " protecting " + users + " has an Enabled counterpart in " + rec + " ("
                    + best.getMatchedBy() + ")."), twin);
        }
        return Verdict.nonCompliant(fit(key + " protecting " + users + " has its counterpart in " + rec + " in state "
                + twin.str("keyState") + ", not Enabled."), twin);
    }

    /**
     * KMS_KEY_AVAILABLE_IN_RECOVERY_REGION when recovery copies in {@code rec} of the data the key
     * protects record the key they use: every such key must resolve (key ARN, key id or alias) to an
     * inventoried key in {@code rec} that is Enabled; AWS managed keys are fine. Any other state, a
     * key outside {@code rec}, or a key not found while KMS there was listed -> NON_COMPLIANT naming
     * the first such copy and key; else a key that cannot be looked up (KMS not listed in the copy's
     * account and region) or whose state was not read -> INSUFFICIENT_DATA; else COMPLIANT. The
     * counterpart is the offending key, or the one customer-managed key the copies use, or - when
     * they use several - the key's own twin (replica, alias match) if it is one of them.
     */
    static Verdict copyKeysAvailable(Resource k, String subject, List<SecurityCopyKey> copies, String rec, GapIndex g, SecurityIndex ix) {
        List<String> bad = new ArrayList<>();
        Resource badKey = null;
        String unknown = null;
        java.util.TreeMap<String, Resource> used = new java.util.TreeMap<>();
        boolean managed = false;
        for (SecurityCopyKey c : copies) {
            if (c.awsManagedAlias()) { managed = true; continue; }
            Resource ck = firstKey(ix.keysNamed(c.ref()));
            if (ck == null) {
                String acct = arnAccount(c.ref());
                if (acct != null && g.missing(acct, c.region(), "kms")) {
                    if (unknown == null) unknown = c.copy() + " uses KMS key " + shortRef(c.ref()) + ", which cannot be looked up ("
                            + g.why(acct, c.region(), "kms") + ")";
                } else {
                    bad.add(c.copy() + " uses KMS key " + shortRef(c.ref()) + ", which is not in the inventory of " + c.region());
                }
                continue;
            }
            if ("AWS".equals(ck.str("keyManager"))) { managed = true; continue; }
            String state = ck.str("keyState");
            if (!rec.equals(ck.getAwsRegion())) {
                bad.add(c.copy() + " uses KMS key " + keyLabel(ck) + " in " + ck.getAwsRegion() + ", not in " + rec);
                if (badKey == null) badKey = ck;
            } else if (state != null && !"Enabled".equals(state)) {
                bad.add(c.copy() + " uses KMS key " + keyLabel(ck) + " in state " + state + ", not Enabled");
                if (badKey == null) badKey = ck;
            } else if (state == null) {
                if (unknown == null) unknown = c.copy() + " uses KMS key " + keyLabel(ck) + ", whose state was not read"
                        + (g.missingFor(ck, "kms") ? " (" + g.why(ck, "kms") + ")" : "");
            } else {
                used.put(ck.getResourceId(), ck);
            }
        }
        if (!bad.isEmpty()) {
            return Verdict.nonCompliant(fit(subject + ": " + bad.get(0) + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : "") + "."), badKey);
        }
        if (unknown != null) return Verdict.insufficientData(fit(subject + ": " + unknown + "."));
        Resource single = used.size() == 1 ? used.firstEntry().getValue() : null;
        Resource named = single != null ? single : usedTwin(k, rec, used, ix);
        String what = single != null ? "KMS key " + keyLabel(single) + ", Enabled" : used.isEmpty() ? "" : used.size() + " Enabled keys";
        if (managed) what = what.isEmpty() ? "AWS managed keys" : what + ", and AWS managed keys";
        return Verdict.compliant(fit(subject + ": its recovery copies in " + rec + " use " + what + "."), named);
    }

    /** The key's twin (replica, alias match) when it is among several keys the copies use, else null. */
    private static Resource usedTwin(Resource k, String rec, Map<String, Resource> used, SecurityIndex ix) {
        Resource twin = bestCounterpartKey(ix.counterparts(k, rec));
        return twin != null && used.containsKey(twin.getResourceId()) ? twin : null;
    }

    private static Resource firstKey(Collection<Resource> keys) { return keys.isEmpty() ? null : keys.iterator().next(); }

    /** "alias/x" or "key/id" from a key or alias ARN; anything else as it is. */
    static String shortRef(String ref) {
        if (!ref.startsWith("arn:")) return ref;
        String[] parts = ref.split(":", 6);
        return parts.length == 6 ? parts[5] : ref;
    }

    /**
     * KMS_KEY_POLICY_EQUIVALENT for a primary-region key that protects in-scope data, in this order:
     * AWS managed -> NOT_APPLICABLE; KMS unreadable for the key or in the recovery region ->
     * INSUFFICIENT_DATA; recovery copies record the keys they use -> compared with those
     * ({@link #copyKeyPolicies}); no candidate twin -> NOT_APPLICABLE (KMS_KEY_AVAILABLE_IN_RECOVERY_REGION
     * reports that); else {@link KmsPolicies#compare} with the same twin that rule names decides.
     * An unparseable policy is INSUFFICIENT_DATA that still names the twin, whose policy may be the one at fault.
     */
    public static Verdict kmsKeyPolicyEquivalent(Resource k, RegionPair p, GapIndex g, SecurityIndex ix) {
        String rec = p.getRecovery();
        String key = "KMS key " + keyLabel(k);
        if ("AWS".equals(k.str("keyManager"))) {
            return Verdict.notApplicable(key + " is AWS managed; its key policy is set by AWS in every region.");
        }
        String gap = kmsGap(k, rec, g);
        if (gap != null) return Verdict.insufficientData(fit(key + ": cannot compare its key policy with " + rec + " (" + gap + ")."));
        List<SecurityCopyKey> copies = ix.copyKeys(k.getResourceId(), rec);
        if (!copies.isEmpty()) return copyKeyPolicies(k, key, copies, rec, g, ix);
        Resource twin = bestCounterpartKey(ix.counterparts(k, rec));
        if (twin == null) {
            return Verdict.notApplicable(key + " has no counterpart in " + rec
                    + " to compare policies with (see KMS_KEY_AVAILABLE_IN_RECOVERY_REGION).");
        }
        KmsPolicies.Comparison cmp = KmsPolicies.compare(k, twin);
        return switch (cmp.outcome()) {
            case EQUIVALENT -> Verdict.compliant(key + " has a key policy equivalent to its counterpart's in " + rec + ".", twin);
            case DIFFERENT -> Verdict.nonCompliant(fit(key + " policy differs from its " + rec + " counterpart's: " + cmp.getDetail() + "."), twin);
            case UNPARSEABLE -> new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, fit(key + ": cannot compare key policies with " + rec
                    + " because " + cmp.getDetail() + "."), twin);
        };
    }

    /**
     * KMS_KEY_POLICY_EQUIVALENT when recovery copies in {@code rec} record the keys they use: the
     * primary key is compared with each distinct customer-managed key they use there (usually
     * exactly one), by ARN; the first that is not equivalent decides (DIFFERENT -> NON_COMPLIANT,
     * unparseable -> INSUFFICIENT_DATA), naming it. A copy key that cannot be looked up because KMS
     * was not listed in its account and region -> INSUFFICIENT_DATA. When the copies use only AWS
     * managed keys or keys not in the inventory -> NOT_APPLICABLE (nothing of ours to compare;
     * KMS_KEY_AVAILABLE_IN_RECOVERY_REGION reports a missing key).
     */
    static Verdict copyKeyPolicies(Resource k, String key, List<SecurityCopyKey> copies, String rec, GapIndex g, SecurityIndex ix) {
        java.util.TreeMap<String, Resource> twins = new java.util.TreeMap<>();
        for (SecurityCopyKey c : copies) {
            if (c.awsManagedAlias()) continue;
            Resource ck = firstKey(ix.keysNamed(c.ref()));
            if (ck == null) {
                String acct = arnAccount(c.ref());
                if (acct != null && g.missing(acct, c.region(), "kms")) {
                    return Verdict.insufficientData(fit(key + ": cannot compare its key policy with KMS key " + shortRef(c.ref()) + " used by "
                            + c.copy() + " (" + g.why(acct, c.region(), "kms") + ")."));
                }
                continue;
            }
            if (!"AWS".equals(ck.str("keyManager"))) twins.put(ck.getResourceId(), ck);
        }
        if (twins.isEmpty()) {
            return Verdict.notApplicable(fit(key + ": its recovery copies in " + rec + " use no inventoried customer-managed key"
                    + " to compare policies with (see KMS_KEY_AVAILABLE_IN_RECOVERY_REGION)."));
        }
        for (Resource twin : twins.values()) {
            KmsPolicies.Comparison cmp = KmsPolicies.compare(k, twin);
            switch (cmp.outcome()) {
                case EQUIVALENT -> { }
                case DIFFERENT -> {
                    return Verdict.nonCompliant(fit(key + " policy differs from that of " + keyLabel(twin) + ", the key its recovery copies use in "
                            + rec + ": " + cmp.getDetail() + "."), twin);
                }
                case UNPARSEABLE -> {
                    return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, fit(key + ": cannot compare key policies with " + keyLabel(twin)
                            + ", the key its recovery copies use in " + rec + ", because " + cmp.getDetail() + "."), twin);
                }
            }
        }
        Resource only = twins.size() == 1 ? twins.firstEntry().getValue() : null;
        return Verdict.compliant(fit(key + " has a key policy equivalent to " + (only != null ? "that of " + keyLabel(only) + ", the key"
                : "those of the " + twins.size() + " keys") + " its recovery copies use in " + rec + "."),
                only != null ? only : usedTwin(k, rec, twins, ix));
    }

    /** Why KMS cannot be read for the key itself or in the recovery region of its account, or null. */
    private static String kmsGap(Resource k, String recovery, GapIndex g) {
        if (g.missingFor(k, "kms")) return g.why(k, "kms");
        if (g.missing(k.getAccountId(), recovery, "kms")) return g.why(k.getAccountId(), recovery, "kms");
        return null;
    }

    /** Annotation for a key reference that names no inventoried key (KMS_KEY_AVAILABLE_IN_RECOVERY_REGION). */
    public static String keyNotInInventory(SecurityKeyReference r, RegionPair p, GapIndex g) {
        String acct = r.getAccountId();
        String why = g.missing(acct, p.getPrimary(), "kms") ? g.why(acct, p.getPrimary(), "kms") : "not found in the collected keys";
        return fit("KMS key " + r.getRef() + " used by " + r.getUser().getResourceName() + " is not in the inventory of "
                + p.getPrimary() + " (" + why + "); its counterpart in " + p.getRecovery() + " cannot be checked.");
    }

    /**
     * SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION for a primary copy of an in-scope secret, in
     * this order: Secrets Manager unreadable for the secret (ListSecrets or DescribeSecret) or in the
     * recovery region -> INSUFFICIENT_DATA; a replica there that DescribeSecret reports InSync ->
     * COMPLIANT; Failed / InProgress / any other status -> NON_COMPLIANT with the StatusMessage (a
     * Failed replica because a secret of that name already exists there means an unrelated secret
     * sits in its place); a replica with no reported status -> INSUFFICIENT_DATA; no replica but a
     * secret of the matching name there -> COMPLIANT; neither -> NON_COMPLIANT.
     */
    public static Verdict secretAvailable(Resource s, RegionPair p, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String secret = "Secret " + s.getName();
        if (g.missingFor(s, "secretsmanager") || g.missing(s.getAccountId(), rec, "secretsmanager")) {
            String why = g.missingFor(s, "secretsmanager") ? g.why(s, "secretsmanager") : g.why(s.getAccountId(), rec, "secretsmanager");
            return Verdict.insufficientData(fit(secret + ": cannot tell whether it exists in " + rec + " (" + why + ")."));
        }
        String status = Links.statusIn(s, rec);
        if ("InSync".equals(status)) {
            return Verdict.compliant(fit(secret + " has an InSync replica in " + rec + "."), cps.of(s, rec));
        }
        if (!Links.isBlank(status)) {
            String message = null;
            for (Map<String, Object> st : s.maps("replicationStatus")) {
                if (rec.equals(st.get("region")) && st.get("statusMessage") != null) message = String.valueOf(st.get("statusMessage"));
            }
            if ("Failed".equals(status) && message != null && message.toLowerCase(java.util.Locale.ROOT).contains("already exists")) {
                return Verdict.nonCompliant(fit(secret + ": replication to " + rec + " Failed because a secret of that name already"
                        + " exists there; it is an unrelated secret, not a replica (\"" + message + "\")."), cps.of(s, rec));
            }
            return Verdict.nonCompliant(fit(secret + " has a replica in " + rec + " with status " + status + ", not InSync"
                    + (message == null ? "" : " (\"" + message + "\")") + "."), cps.of(s, rec));
        }
        if (status != null) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, fit(secret + " has a replica in " + rec
                    + " but its replication status was not reported (DescribeSecret was not read)."), cps.of(s, rec));
        }
        if (cps.has(s, rec)) {
            return Verdict.compliant(fit(secret + " has no replica but a secret of the matching name in " + rec + "."), cps.of(s, rec));
        }
        return Verdict.nonCompliant(secret + " has no replica in " + rec + " and no secret of the matching name there.", null);
    }

    // ---------------------------------------------------------------- Security Hub

    /** "Security Hub is", "Security Hub CSPM is" or "Security Hub and Security Hub CSPM are", for the hubs found. */
    public static String securityHubProducts(List<?> hubs) {
        boolean v2 = false, cspm = false;
        for (Object o : hubs) {
            if (o instanceof Resource r) {
                if ("AWS::SecurityHub::HubV2".equals(r.getResourceType())) v2 = true;
                else cspm = true;
            }
        }
        if (v2 && cspm) return "Security Hub and Security Hub CSPM are";
        return v2 ? "Security Hub is" : "Security Hub CSPM is";
    }

    // ---------------------------------------------------------------- CloudTrail

    /** Whether the trail records events in {@code region}: a multi-region trail, or a trail whose home is that region. */
    public static boolean trailCovers(Resource trail, String region) {
        return trail.bool("isMultiRegionTrail") || region.equals(trail.str("homeRegion"))
                || (!trail.has("homeRegion") && region.equals(trail.getAwsRegion()));
    }

    private static int trailScore(Resource t) {
        return (t.bool("isLogging") ? 2 : 0) + (t.bool("logFileValidationEnabled") ? 1 : 0);
    }

    /**
     * The best trail covering {@code region} among {@code trails}: logging with log file validation,
     * then logging, then not logging; ties by ARN. Null when no trail covers the region.
     */
    public static Resource bestTrail(List<?> trails, String region) {
        Resource best = null;
        for (Object o : trails) {
            Resource t = (Resource) o;
            if (!trailCovers(t, region)) continue;
            if (best == null || trailScore(t) > trailScore(best)
                    || (trailScore(t) == trailScore(best) && t.getResourceId().compareTo(best.getResourceId()) < 0)) best = t;
        }
        return best;
    }

    public static boolean trailCompliant(Resource t) { return t.bool("isLogging") && t.bool("logFileValidationEnabled"); }

    // ---------------------------------------------------------------- IAM

    public static boolean isServiceLinkedRole(Resource role) {
        return role.getResourceId().contains(":role/aws-service-role/")
                || String.valueOf(role.str("roleName")).startsWith("AWSServiceRoleFor");
    }

    /** Name of the first attached or inline policy whose document was not collected, or null. */
    public static String policyWithoutDocument(Resource role) {
        for (Map<String, Object> p : role.maps("policies")) {
            if (!(p.get("document") instanceof Map<?, ?>)) return String.valueOf(p.getOrDefault("name", p.get("arn")));
        }
        return null;
    }

    private static final Set<String> REGION_ALLOW_OPS = Set.of("stringequals", "stringlike", "stringequalsignorecase",
            "forallvalues:stringequals", "forallvalues:stringlike", "foranyvalue:stringequals", "foranyvalue:stringlike");
    private static final Set<String> REGION_DENY_OPS = Set.of("stringnotequals", "stringnotlike", "stringnotequalsignorecase",
            "forallvalues:stringnotequals", "forallvalues:stringnotlike", "foranyvalue:stringnotequals", "foranyvalue:stringnotlike");

    /**
     * Why the role's policies pin it to {@code primary} so that it cannot work in {@code recovery},
     * or null when nothing does. Pinning is (a) an Allow limited by {@code aws:RequestedRegion} to
     * values that do not match the recovery region, (b) a Deny for every region but ones that do not
     * match the recovery region, or (c) an Allow on regional resource ARNs of the primary region
     * whose recovery-region equivalent (same ARN, or with region tokens swapped) no Allow in any of
     * the role's policies grants.
     */
    public static String iamRegionPin(Resource role, String primary, String recovery) {
        List<Pattern> granted = new ArrayList<>();
        for (Map<String, Object> p : role.maps("policies")) {
            for (Map<String, Object> s : statements(p)) {
                if ("Allow".equalsIgnoreCase(String.valueOf(s.get("Effect")))) {
                    for (String res : strings(s.get("Resource"))) granted.add(Scope.glob(res));
                }
            }
        }
        for (Map<String, Object> p : role.maps("policies")) {
            String pname = String.valueOf(p.getOrDefault("name", p.get("arn")));
            List<Map<String, Object>> sts = statements(p);
            for (int i = 0; i < sts.size(); i++) {
                Map<String, Object> s = sts.get(i);
                String sname = s.get("Sid") == null || String.valueOf(s.get("Sid")).isEmpty() ? "#" + (i + 1) : String.valueOf(s.get("Sid"));
                boolean allow = "Allow".equalsIgnoreCase(String.valueOf(s.get("Effect")));
                if (s.get("Condition") instanceof Map<?, ?> cond) {
                    for (Map.Entry<?, ?> op : cond.entrySet()) {
                        String opName = String.valueOf(op.getKey()).toLowerCase(Locale.ROOT).replace("ifexists", "");
                        if (!(op.getValue() instanceof Map<?, ?> keys)) continue;
                        for (Map.Entry<?, ?> k : keys.entrySet()) {
                            if (!"aws:requestedregion".equalsIgnoreCase(String.valueOf(k.getKey()))) continue;
                            List<String> vals = strings(k.getValue());
                            boolean recoveryListed = vals.stream().anyMatch(v -> Scope.glob(v).matcher(recovery).matches());
                            boolean pins = (allow && REGION_ALLOW_OPS.contains(opName) && !recoveryListed)
                                    || (!allow && REGION_DENY_OPS.contains(opName) && !recoveryListed)
                                    || (!allow && REGION_ALLOW_OPS.contains(opName) && recoveryListed);
                            if (pins) {
                                return "policy " + pname + " statement " + sname + " "
                                        + (allow ? "allows only" : "denies outside") + " aws:RequestedRegion " + String.join(",", vals);
                            }
                        }
                    }
                }
                if (!allow) continue;
                for (String res : strings(s.get("Resource"))) {
                    if (!primary.equals(arnRegion(res))) continue;
                    if (!covered(res, primary, recovery, granted)) {
                        return "policy " + pname + " statement " + sname + " grants " + shorten(res) + " with no " + recovery + " equivalent";
                    }
                }
            }
        }
        return null;
    }

    private static boolean covered(String primaryArn, String primary, String recovery, List<Pattern> granted) {
        String[] parts = primaryArn.split(":", 6);
        parts[3] = recovery;
        String same = String.join(":", parts);
        String swapped = parts.length == 6 ? RegionTokens.translate(parts[5], primary, recovery) : null;
        String swappedArn = null;
        if (swapped != null) {
            parts[5] = swapped;
            swappedArn = String.join(":", parts);
        }
        for (Pattern g : granted) {
            if (g.matcher(same).matches() || (swappedArn != null && g.matcher(swappedArn).matches())) return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        Object doc = policy.get("document");
        if (!(doc instanceof Map<?, ?> d)) return List.of();
        Object st = d.get("Statement");
        List<Map<String, Object>> out = new ArrayList<>();
        if (st instanceof Map<?, ?> m) out.add((Map<String, Object>) m);
        else if (st instanceof List<?> l) for (Object o : l) if (o instanceof Map<?, ?> m) out.add((Map<String, Object>) m);
        return out;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) for (Object o : l) out.add(String.valueOf(o));
        else if (v != null) out.add(String.valueOf(v));
        return out;
    }

    private static String shorten(String s) { return s.length() > 80 ? s.substring(0, 77) + "..." : s; }

    /**
     * IAM_POLICIES_ALLOW_RECOVERY_REGION for a role the workload uses, in this order: service-linked
     * -> NOT_APPLICABLE (AWS maintains its policies for every region); IAM unreadable for the role,
     * or a policy document not collected -> INSUFFICIENT_DATA; then {@link #iamRegionPin}: nothing
     * pins it -> COMPLIANT, else NON_COMPLIANT with the pinning statement.
     */
    public static Verdict iamPoliciesAllowRecovery(Resource role, RegionPair p, GapIndex g, SecurityIndex ix) {
        String rec = p.getRecovery();
        String name = "IAM role " + role.getResourceName();
        if (isServiceLinkedRole(role)) {
            return Verdict.notApplicable(name + " is a service-linked role whose policies AWS maintains for every region.");
        }
        String withoutDocument = policyWithoutDocument(role);
        if (g.missingFor(role, "iam") || withoutDocument != null) {
            String why = g.missingFor(role, "iam") ? g.why(role, "iam") : "the document of policy " + withoutDocument + " was not collected";
            return Verdict.insufficientData(fit(name + ": cannot tell whether its policies allow " + rec + " (" + why + ")."));
        }
        String pin = iamRegionPin(role, p.getPrimary(), rec);
        if (pin == null) {
            return Verdict.compliant(fit(name + " (used by " + names(ix.roleUsers(role.getResourceId())) + ") has no policy that pins it to "
                    + p.getPrimary() + "; it can act in " + rec + "."), null);
        }
        return Verdict.nonCompliant(fit(name + " is pinned to " + p.getPrimary() + " and cannot act in " + rec + ": " + pin + "."), null);
    }

    /** Annotation for a role the workload uses that is not in the inventory (IAM_POLICIES_ALLOW_RECOVERY_REGION). */
    public static String roleNotInInventory(String roleArn, String usedBy, RegionPair p) {
        return fit("IAM role " + roleArn + " used by " + usedBy + " is not in the inventory; cannot tell whether its policies allow "
                + p.getRecovery() + ".");
    }

    // ---------------------------------------------------------------- data residency

    public static final Set<String> DATA_STORE_TYPES = Set.of("AWS::S3::Bucket", "AWS::DynamoDB::Table",
            "AWS::RDS::DBInstance", "AWS::RDS::DBCluster");

    /** A data store the residency rule judges: Aurora member instances are judged through their cluster. */
    public static boolean isDataStore(Resource r) {
        return DATA_STORE_TYPES.contains(r.getResourceType())
                && !("AWS::RDS::DBInstance".equals(r.getResourceType()) && r.has("dbClusterIdentifier"));
    }

    /** The workload's classification tag key, else the rule's parameter. */
    public static String classificationKey(Workload w, String parameterDefault) {
        String k = w.classification == null ? null : w.classification.tagKey;
        return k == null || k.isBlank() ? parameterDefault : k;
    }

    public static boolean classificationRequired(Workload w) { return w.classification != null && w.classification.required; }

    /**
     * Every region holding a copy of {@code d}: its own region, the recovery region when a twin
     * exists or the service links a copy there, replication destinations, replicas, and the
     * destination regions of AWS Backup copy actions of plans (in {@code plans}) that select it.
     */
    public static TreeSet<String> copyRegions(Resource d, RegionPair p, boolean hasCounterpart, List<?> plans) {
        TreeSet<String> out = new TreeSet<>();
        out.add(d.getAwsRegion());
        if (hasCounterpart) out.add(p.recovery);
        for (Map<String, Object> link : d.maps("replicaLinks")) if (link.get("region") != null) out.add(String.valueOf(link.get("region")));
        for (Map<String, Object> rule : d.maps("replication.rules")) {
            if (!"Disabled".equalsIgnoreCase(String.valueOf(rule.get("status"))) && rule.get("destinationRegion") != null) {
                out.add(String.valueOf(rule.get("destinationRegion")));
            }
        }
        for (Map<String, Object> rep : d.maps("replicas")) if (rep.get("regionName") != null) out.add(String.valueOf(rep.get("regionName")));
        for (Map<String, Object> m : d.maps("globalClusterMembers")) if (m.get("region") != null) out.add(String.valueOf(m.get("region")));
        for (Object arn : d.list("readReplicaDBInstanceIdentifiers")) {
            String r = arnRegion(String.valueOf(arn));
            if (r != null && !r.isEmpty()) out.add(r);
        }
        for (Map<String, Object> b : d.maps("automatedBackupReplications")) if (b.get("region") != null) out.add(String.valueOf(b.get("region")));
        for (Object o : plans) {
            Resource plan = (Resource) o;
            if (!planSelects(plan, d)) continue;
            for (Map<String, Object> rule : plan.maps("rules")) {
                Object copies = rule.get("copyActions");
                if (!(copies instanceof List<?> l)) continue;
                for (Object c : l) {
                    if (c instanceof Map<?, ?> m && m.get("destinationVaultArn") != null) {
                        String r = arnRegion(String.valueOf(m.get("destinationVaultArn")));
                        if (r != null && !r.isEmpty()) out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** "S3 bucket", "DynamoDB table", "RDS instance", "Aurora cluster": for annotations. */
    public static String storeLabel(Resource d) {
        return switch (d.getResourceType()) {
            case "AWS::S3::Bucket" -> "S3 bucket";
            case "AWS::DynamoDB::Table" -> "DynamoDB table";
            case "AWS::RDS::DBCluster" -> "RDS cluster";
            case "AWS::RDS::DBInstance" -> "RDS instance";
            default -> d.getResourceType();
        };
    }

    /**
     * Why the regions holding copies of {@code d} cannot be known, or null: the store's own service
     * or AWS Backup could not be read in its account and region, or an enabled S3 replication rule's
     * destination region was not resolved.
     */
    public static String residencyGap(Resource d, io.failready.facts.GapIndex g) {
        String svc = switch (d.getResourceType()) {
            case "AWS::S3::Bucket" -> "s3";
            case "AWS::DynamoDB::Table" -> "dynamodb";
            default -> "rds";
        };
        if (g.missingFor(d, svc)) return g.why(d, svc);
        if (g.missing(d.getAccountId(), d.getAwsRegion(), "backup")) return g.why(d.getAccountId(), d.getAwsRegion(), "backup");
        String unresolved = unresolvedReplication(d);
        return unresolved == null ? null : "the region of replication destination " + unresolved + " is unknown";
    }

    /** An enabled S3 replication rule whose destination region the collector could not resolve, or null. */
    public static String unresolvedReplication(Resource d) {
        for (Map<String, Object> rule : d.maps("replication.rules")) {
            if (!"Disabled".equalsIgnoreCase(String.valueOf(rule.get("status"))) && rule.get("destinationRegion") == null) {
                return String.valueOf(rule.getOrDefault("destinationBucketArn", rule.get("id")));
            }
        }
        return null;
    }

    /** Whether a backup plan's selections pick {@code d}: by ARN (wildcards allowed) or by tag, minus notResources. */
    public static boolean planSelects(Resource plan, Resource d) {
        for (Map<String, Object> sel : plan.maps("selections")) {
            boolean picked = false;
            for (Object arn : asList(sel.get("resources"))) if (Scope.glob(String.valueOf(arn)).matcher(d.getResourceId()).matches()) picked = true;
            for (Object t : asList(sel.get("tags"))) {
                if (t instanceof Map<?, ?> m && m.get("key") != null && String.valueOf(m.get("value")).equals(d.tag(String.valueOf(m.get("key"))))) picked = true;
            }
            for (Object arn : asList(sel.get("notResources"))) if (Scope.glob(String.valueOf(arn)).matcher(d.getResourceId()).matches()) picked = false;
            if (picked) return true;
        }
        return false;
    }

    private static List<?> asList(Object o) { return o instanceof List<?> l ? l : List.of(); }

    /**
     * Null when every region is approved for {@code dataClass} by an unexpired approval; otherwise
     * what is wrong, e.g. "us-west-2 has no approval for pii-eu" or "approval DPA-1 for pci in
     * eu-west-1 expired on 2026-01-31". An approval without an expiry date counts as expired.
     */
    public static String residencyProblem(Workload w, AsOf asOf, String dataClass, Collection<String> regions) {
        List<String> problems = new ArrayList<>();
        for (String region : regions) {
            Workload.ResidencyApproval valid = null;
            Workload.ResidencyApproval lapsed = null;
            for (Workload.ResidencyApproval a : w.residencyApprovals) {
                if (!dataClass.equals(a.dataClass) || !a.regions.contains(region)) continue;
                if (asOf.expired(a.expires)) {
                    if (lapsed == null) lapsed = a;
                } else {
                    valid = a;
                    break;
                }
            }
            if (valid != null) continue;
            if (lapsed != null) {
                String ref = lapsed.reference == null ? "" : " " + lapsed.reference;
                problems.add(lapsed.expires == null ? "approval" + ref + " for " + region + " has no expiry date"
                        : "approval" + ref + " for " + region + " expired on " + lapsed.expires);
            } else {
                problems.add(region + " has no approval");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Sorted, comma-separated. */
    public static String join(Collection<?> items) {
        List<String> s = new ArrayList<>();
        for (Object o : items) s.add(String.valueOf(o));
        s.sort(Comparator.naturalOrder());
        return String.join(", ", s);
    }

    /** Fits an annotation into AWS Config's 256 characters, keeping the final period. */
    public static String fit(String annotation) {
        if (annotation.length() <= 256) return annotation;
        return annotation.substring(0, 241) + " [truncated].";
    }
}

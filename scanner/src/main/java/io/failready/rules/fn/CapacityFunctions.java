package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.facts.CollectionGap;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.Links;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Verdict;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Arithmetic, wording and decisions for the capacity rules (rules/capacity/*), imported into DRL
 * with {@code import function io.failready.rules.fn.CapacityFunctions.x}. Each
 * {@code Verdict}-returning function is one rule's decision list, in the order its DRL header
 * gives: collection gaps first (so a gap can never turn into a pass), then applicability and the
 * counterpart, then the comparison. The rule calls it once per subject from its consequence,
 * instead of one outcome sibling per scenario each re-joining the subject. Every helper is
 * null-safe: an attribute that was not collected reads as "unknown" ({@code -1} or {@code null}),
 * never as zero, so the decision can turn it into INSUFFICIENT_DATA.
 */
public final class CapacityFunctions {
    private CapacityFunctions() {}

    public static final String LAMBDA_CONCURRENCY_QUOTA = "L-B99A9384";

    /** Annotation limit of AWS Config (and of our report). */
    public static final int MAX_ANNOTATION = 256;

    // ---------------------------------------------------------------- general

    /** "0.5", "1", "0.25": ratios as people write them. */
    public static String ratio(double r) {
        return new BigDecimal(Double.toString(r)).stripTrailingZeros().toPlainString();
    }

    /** Whole number, or "?" when unknown. */
    public static String n(double v) {
        if (v < 0 || Double.isNaN(v)) return "?";
        return v == Math.rint(v) ? Long.toString((long) v) : new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** ceil(value of {@code attr} x ratio), or -1 when the attribute is missing. */
    public static long needed(Resource primary, String attr, double ratio) {
        Double v = primary.num(attr);
        if (v == null) return -1;
        return ceil(v * ratio);
    }

    static long ceil(double v) {
        // 12 x 0.1 is 1.2000000000000002 in binary floating point: round away that noise first
        return (long) Math.ceil(Math.round(v * 1e6) / 1e6);
    }

    /** Hot-standby and active-active keep the recovery side running, not just able to scale. */
    public static boolean runsHot(Workload w) {
        String s = w.getStrategyName();
        return "hot-standby".equals(s) || "active-active".equals(s);
    }

    /** Cuts a sentence to the annotation limit; the result still ends with a period. */
    public static String fit(String s) {
        if (s.length() <= MAX_ANNOTATION) return s;
        return s.substring(0, MAX_ANNOTATION - 4).trim() + "...";
    }

    /**
     * Why {@code service} could not be read for the subject, or in the recovery region of its
     * account (where its counterpart would be); null when both were read.
     */
    static String gapWhy(Resource r, String recovery, GapIndex g, String service) {
        if (g.missingFor(r, service)) return g.why(r, service);
        if (g.missing(r.getAccountId(), recovery, service)) return g.why(r.getAccountId(), recovery, service);
        return null;
    }

    /** INSUFFICIENT_DATA that still names the counterpart: the twin was found, only a value is unknown. */
    static Verdict insufficientData(String annotation, Resource counterpart) {
        return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, annotation, counterpart);
    }

    private static long whole(Resource r, String attr) {
        Double v = r == null ? null : r.num(attr);
        return v == null ? -1 : (long) Math.floor(v);
    }

    // ---------------------------------------------------------------- Auto Scaling

    /**
     * AUTOSCALING_RECOVERY_CAPACITY_SUFFICIENT. Order: Auto Scaling unreadable for the group or in
     * the recovery region; no counterpart group; a size the comparison needs not collected; then
     * what the counterpart offers ({@link #asgCapacity}) against primary desired x ratio.
     */
    public static Verdict asgRecoveryCapacity(Resource r, RegionPair p, Workload w, double ratio, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String blind = gapWhy(r, rec, g, "autoscaling");
        if (blind != null) {
            return Verdict.insufficientData("Auto Scaling group " + r.getName() + ": cannot tell the capacity available in " + rec + " (" + blind + ").");
        }
        Resource c = cps.of(r, rec);
        if (c == null) {
            return Verdict.nonCompliant("Auto Scaling group " + r.getName() + " has no counterpart in " + rec + " to take over its "
                    + n(r.numOr("desiredCapacity", -1)) + " instances.", null);
        }
        if (launchSuspended(c)) {
            return Verdict.nonCompliant("Auto Scaling group " + c.getName() + " in " + rec + " has its Launch process suspended, so it cannot add"
                    + " instances to take over " + r.getName() + " (resume it: aws autoscaling resume-processes --scaling-processes Launch).", c);
        }
        String unknown = asgUnknown(r, c, w);
        if (unknown != null) {
            return insufficientData("Auto Scaling group " + r.getName() + ": cannot compare with " + c.getName() + " in " + rec
                    + " because the " + unknown + " was not collected.", c);
        }
        if (asgCapacity(c, w) >= needed(r, "desiredCapacity", ratio)) {
            return Verdict.compliant("Auto Scaling group " + c.getName() + " in " + rec + " " + asgOffer(c, w) + "; " + asgNeed(r, ratio, w) + ".", c);
        }
        return Verdict.nonCompliant("Auto Scaling group " + c.getName() + " in " + rec + " falls short: it " + asgOffer(c, w) + "; "
                + asgNeed(r, ratio, w) + ".", c);
    }

    /**
     * The group cannot launch instances: Launch is suspended (by a person, or by Auto Scaling
     * itself after a day of failed launches). A suspended Terminate only stops scale-in, which
     * does not take capacity away, so it is not judged here.
     */
    public static boolean launchSuspended(Resource group) {
        return group.list("suspendedProcesses").stream().anyMatch("Launch"::equals);
    }

    /**
     * What the recovery group can provide: its max size, and under hot-standby / active-active the
     * smaller of max size and desired capacity (instances must already run). -1 when unknown.
     */
    public static long asgCapacity(Resource recovery, Workload w) {
        long max = whole(recovery, "maxSize");
        if (!runsHot(w)) return max;
        long desired = whole(recovery, "desiredCapacity");
        if (max < 0 || desired < 0) return -1;
        return Math.min(max, desired);
    }

    /** Names the attribute that was not collected, or null when everything needed is known. */
    public static String asgUnknown(Resource primary, Resource recovery, Workload w) {
        if (!primary.has("desiredCapacity")) return "desired capacity of " + primary.getName();
        if (!recovery.has("maxSize")) return "max size of " + recovery.getName();
        if (runsHot(w) && !recovery.has("desiredCapacity")) return "desired capacity of " + recovery.getName();
        return null;
    }

    /** "can scale to 4 instances" / "runs 2 instances (max 12)". */
    public static String asgOffer(Resource recovery, Workload w) {
        if (runsHot(w)) {
            return "runs " + n(whole(recovery, "desiredCapacity")) + " instances (max " + n(whole(recovery, "maxSize")) + ")";
        }
        return "can scale to " + n(whole(recovery, "maxSize")) + " instances";
    }

    /** "payments-api-use1 runs 12 x 0.5 = 6 needed" (plus "running" under hot strategies). */
    public static String asgNeed(Resource primary, double ratio, Workload w) {
        return primary.getName() + " runs " + n(whole(primary, "desiredCapacity")) + " x " + ratio(ratio) + " = "
                + needed(primary, "desiredCapacity", ratio) + (runsHot(w) ? " needed running under " + w.getStrategyName() : " needed");
    }

    // ---------------------------------------------------------------- ECS

    /**
     * ECS_RECOVERY_CAPACITY_SUFFICIENT. Order: ECS unreadable for the service or in the recovery
     * region; no counterpart service; a count the comparison needs not collected; then what the
     * counterpart can run ({@link #ecsCapacity}) against primary desired x ratio.
     */
    public static Verdict ecsRecoveryCapacity(Resource r, RegionPair p, Workload w, double ratio, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String blind = gapWhy(r, rec, g, "ecs");
        if (blind != null) {
            return Verdict.insufficientData("ECS service " + r.getName() + ": cannot tell the task capacity available in " + rec + " (" + blind + ").");
        }
        Resource c = cps.of(r, rec);
        if (c == null) {
            return Verdict.nonCompliant("ECS service " + r.getName() + " has no counterpart in " + rec + " to take over its "
                    + n(r.numOr("desiredCount", -1)) + " tasks.", null);
        }
        String unknown = ecsUnknown(r, c, w);
        if (unknown != null) {
            return insufficientData("ECS service " + r.getName() + ": cannot compare with " + c.getName() + " in " + rec
                    + " because the " + unknown + " was not collected.", c);
        }
        if (ecsCapacity(c, w) >= needed(r, "desiredCount", ratio)) {
            return Verdict.compliant("ECS service " + c.getName() + " in " + rec + " " + ecsOffer(c, w) + "; " + ecsNeed(r, ratio, w) + ".", c);
        }
        return Verdict.nonCompliant("ECS service " + c.getName() + " in " + rec + " falls short: it " + ecsOffer(c, w) + "; "
                + ecsNeed(r, ratio, w) + ".", c);
    }

    /**
     * Under hot-standby / active-active the recovery service's desired count; otherwise its
     * Application Auto Scaling max capacity, or its desired count when it has no scalable target
     * (a fixed-size service cannot grow). -1 when unknown.
     */
    public static long ecsCapacity(Resource recovery, Workload w) {
        if (runsHot(w) || !recovery.has("autoScaling")) return whole(recovery, "desiredCount");
        return whole(recovery, "autoScaling.maxCapacity");
    }

    public static String ecsUnknown(Resource primary, Resource recovery, Workload w) {
        if (!primary.has("desiredCount")) return "desired count of " + primary.getName();
        if (runsHot(w) || !recovery.has("autoScaling")) {
            return recovery.has("desiredCount") ? null : "desired count of " + recovery.getName();
        }
        return recovery.has("autoScaling.maxCapacity") ? null : "auto scaling max capacity of " + recovery.getName();
    }

    public static String ecsOffer(Resource recovery, Workload w) {
        if (runsHot(w)) return "runs " + n(whole(recovery, "desiredCount")) + " tasks";
        if (!recovery.has("autoScaling")) return "has no auto scaling and a fixed desired count of " + n(whole(recovery, "desiredCount"));
        return "can scale to " + n(whole(recovery, "autoScaling.maxCapacity")) + " tasks";
    }

    public static String ecsNeed(Resource primary, double ratio, Workload w) {
        return primary.getName() + " runs " + n(whole(primary, "desiredCount")) + " x " + ratio(ratio) + " = "
                + needed(primary, "desiredCount", ratio) + (runsHot(w) ? " needed running under " + w.getStrategyName() : " needed");
    }

    // ---------------------------------------------------------------- DynamoDB

    /**
     * DYNAMODB_RECOVERY_CAPACITY_SUFFICIENT. Order: DynamoDB unreadable for the table or in the
     * recovery region (before "global table?": a table that could not be described lists no
     * replicas and would pass for a regional one); not a global table; no replica; billing mode or
     * capacity not collected; then {@link #dynamoShortfall}.
     */
    public static Verdict dynamoRecoveryCapacity(Resource t, RegionPair p, double ratio, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String blind = gapWhy(t, rec, g, "dynamodb");
        if (blind != null) {
            return Verdict.insufficientData("DynamoDB table " + t.getName() + ": cannot tell the replica capacity in " + rec + " (" + blind + ").");
        }
        if (!isGlobalTable(t)) {
            return Verdict.notApplicable("DynamoDB table " + t.getName()
                    + " is not a global table; DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION judges its missing replica in " + rec + ".");
        }
        Resource c = cps.of(t, rec);
        if (c == null) {
            return Verdict.nonCompliant("DynamoDB global table " + t.getName() + " has no counterpart in " + rec
                    + ", so no capacity there serves it.", null);
        }
        String unknown = dynamoUnknown(t, c);
        if (unknown != null) {
            return insufficientData(fit("DynamoDB table " + t.getName() + ": cannot compare with its replica in " + rec
                    + " because the " + unknown + " was not collected."), c);
        }
        String shortfall = dynamoShortfall(t, c, ratio);
        if (shortfall == null) {
            return Verdict.compliant(fit("DynamoDB table " + t.getName() + ": the replica in " + rec + " " + dynamoSummary(t, c, ratio) + "."), c);
        }
        return Verdict.nonCompliant(fit("DynamoDB table " + t.getName() + ": the replica in " + rec + " " + shortfall + "."), c);
    }

    /** A global table: it lists replicas, links to copies, or reports a global table version. */
    public static boolean isGlobalTable(Resource t) {
        return !t.list("replicas").isEmpty() || !t.maps("replicaLinks").isEmpty() || t.has("globalTableVersion");
    }

    public static boolean onDemand(Resource t) { return "PAY_PER_REQUEST".equals(t.str("billingMode")); }

    /** Provisioned read or write ceiling: the auto-scaling maximum when larger than the current setting. */
    public static long tableCeiling(Resource t, String kind) {
        long cur = whole(t, kind + "Capacity");
        long max = whole(t, "autoScaling.max" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
        return Math.max(cur, max);
    }

    public static String dynamoUnknown(Resource primary, Resource replica) {
        if (!primary.has("billingMode")) return "billing mode of " + primary.getName();
        if (!replica.has("billingMode")) return "billing mode of the replica in " + replica.getAwsRegion();
        if (!onDemand(primary) && (!primary.has("readCapacity") || !primary.has("writeCapacity"))) {
            return "provisioned capacity of " + primary.getName();
        }
        if (!onDemand(replica) && !onDemand(primary) && (tableCeiling(replica, "read") < 0 || tableCeiling(replica, "write") < 0)) {
            return "provisioned capacity of the replica in " + replica.getAwsRegion();
        }
        return null;
    }

    /**
     * The on-demand maximum of an on-demand table for {@code kind} ("read"/"write"), or -1 when it
     * is unlimited (no OnDemandThroughput, or -1 as AWS reports a removed maximum). For the replica
     * of {@code primary}, the primary's replica entry may carry an OnDemandThroughputOverride (read
     * only: writes are replicated to every replica, so a replica keeps the table's write maximum).
     */
    public static long onDemandMax(Resource table, Resource primary, String kind) {
        String cap = "max" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        if (primary != null && "read".equals(kind)) {
            for (Map<String, Object> r : primary.maps("replicas")) {
                if (table.getAwsRegion().equals(r.get("regionName")) && r.get("onDemandMaxRead") instanceof Number n && n.longValue() > 0) {
                    return n.longValue();
                }
            }
        }
        long own = whole(table, "onDemandThroughput." + cap);
        if (own > 0) return own;
        // a replica described without its own maximum inherits the source table's
        if (primary != null && !table.has("onDemandThroughput")) {
            long src = whole(primary, "onDemandThroughput." + cap);
            if (src > 0) return src;
        }
        return -1;
    }

    /** "read max 1000 < 4000", for each kind the on-demand replica caps below what the primary can do x ratio. */
    static List<String> onDemandShortfall(Resource primary, Resource replica, double ratio) {
        List<String> out = new ArrayList<>();
        for (String kind : List.of("read", "write")) {
            long have = onDemandMax(replica, primary, kind);
            if (have < 0) continue;   // unlimited
            long need = onDemand(primary) ? onDemandMax(primary, null, kind) : tableCeiling(primary, kind);
            if (need < 0) {
                out.add(kind + " max " + have + " request units while the primary's is unlimited");
            } else if (have < ceil(need * ratio)) {
                out.add(kind + " max " + have + " < " + ceil(need * ratio) + " request units needed (primary x " + ratio(ratio) + ")");
            }
        }
        return out;
    }

    /** What is short, or null when the replica can take the primary's load x ratio. Call only when nothing is unknown. */
    public static String dynamoShortfall(Resource primary, Resource replica, double ratio) {
        if (onDemand(replica)) {
            List<String> capped = onDemandShortfall(primary, replica, ratio);
            return capped.isEmpty() ? null : "is on-demand but capped by its maximum throughput: " + String.join(", ", capped);
        }
        if (onDemand(primary)) {
            return "is provisioned (read " + n(tableCeiling(replica, "read")) + ", write " + n(tableCeiling(replica, "write"))
                    + ") while the primary is on-demand, so its ceiling cannot be shown to carry the primary's traffic";
        }
        long needR = needed(primary, "readCapacity", ratio);
        long needW = needed(primary, "writeCapacity", ratio);
        long haveR = tableCeiling(replica, "read");
        long haveW = tableCeiling(replica, "write");
        List<String> short_ = new ArrayList<>();
        if (haveR < needR) short_.add("read " + haveR + " < " + needR);
        if (haveW < needW) short_.add("write " + haveW + " < " + needW);
        return short_.isEmpty() ? null : "tops out at " + String.join(", ", short_) + " needed (primary x " + ratio(ratio) + ")";
    }

    public static String dynamoSummary(Resource primary, Resource replica, double ratio) {
        if (onDemand(replica) && onDemand(primary)) {
            long r = onDemandMax(replica, primary, "read"), w = onDemandMax(replica, primary, "write");
            return r < 0 && w < 0 ? "is on-demand, like the primary"
                    : "is on-demand, like the primary, with maximum throughput read " + (r < 0 ? "unlimited" : r) + ", write " + (w < 0 ? "unlimited" : w)
                      + " (primary " + maxText(onDemandMax(primary, null, "read")) + "/" + maxText(onDemandMax(primary, null, "write")) + ")";
        }
        if (onDemand(replica)) return "is on-demand and scales past the primary's provisioned capacity";
        return "can reach read " + tableCeiling(replica, "read") + " and write " + tableCeiling(replica, "write")
                + " (primary " + n(whole(primary, "readCapacity")) + "/" + n(whole(primary, "writeCapacity")) + " x " + ratio(ratio) + ")";
    }

    private static String maxText(long m) { return m < 0 ? "unlimited" : Long.toString(m); }

    // ---------------------------------------------------------------- Lambda

    /** The primary reserves concurrency and the counterpart reserves less, or none. */
    public static boolean reservedShortfall(Resource primary, Resource recovery) {
        Double p = primary.num("reservedConcurrency");
        if (p == null) return false;
        Double c = recovery.num("reservedConcurrency");
        return c == null || c < p;
    }

    public static String reserved(Resource fn) {
        Double v = fn.num("reservedConcurrency");
        return v == null ? "none" : n(v);
    }

    public static final String LAMBDA_ACCOUNT_SETTINGS = "AWS::Lambda::AccountSettings";

    /**
     * The Lambda concurrency limit of each account and region, built once per region pair, so each
     * function's lookup is a hash read rather than a scan: Lambda's own GetAccountSettings
     * (AWS::Lambda::AccountSettings, the limit in force) first, else the Service Quotas value of
     * L-B99A9384. Keys "account|region" hold the limit, "account|region|unreserved" what is left
     * for unreserved functions (GetAccountSettings only).
     */
    public static Map<String, Double> concurrencyLimits(List<?> quotasAndSettings) {
        Map<String, Double> out = new HashMap<>();
        for (Object o : quotasAndSettings) {
            if (o instanceof Resource s && LAMBDA_ACCOUNT_SETTINGS.equals(s.getResourceType())) {
                if (s.num("concurrentExecutions") != null) out.put(place(s.getAccountId(), s.getAwsRegion()), s.num("concurrentExecutions"));
                if (s.num("unreservedConcurrentExecutions") != null) {
                    out.put(place(s.getAccountId(), s.getAwsRegion()) + "|unreserved", s.num("unreservedConcurrentExecutions"));
                }
            }
        }
        for (Object o : quotasAndSettings) {
            if (o instanceof Resource q && LAMBDA_CONCURRENCY_QUOTA.equals(q.str("quotaCode")) && q.num("value") != null) {
                out.putIfAbsent(place(q.getAccountId(), q.getAwsRegion()), q.num("value"));
            }
        }
        return out;
    }

    /** The concurrency limit of the function's account and region, or null when not collected. */
    public static Double accountLimit(Map<String, Double> limits, Resource fn) {
        return limits.get(place(fn.getAccountId(), fn.getAwsRegion()));
    }

    /** What the account leaves to unreserved functions in the function's region, or null when not collected. */
    public static Double unreservedPool(Map<String, Double> limits, Resource fn) {
        return limits.get(place(fn.getAccountId(), fn.getAwsRegion()) + "|unreserved");
    }

    private static String place(String accountId, String region) { return accountId + "|" + region; }

    /** Why neither GetAccountSettings nor the Service Quotas value tells the concurrency limit there. */
    static String concurrencyWhy(GapIndex g, String accountId, String region) {
        if (g.missing(accountId, region, "lambda")) return g.why(accountId, region, "lambda");
        CollectionGap settings = g.resourceTypeGap(accountId, region, LAMBDA_ACCOUNT_SETTINGS);
        String quota = quotaWhy(g, accountId, region, LAMBDA_CONCURRENCY_QUOTA);
        return settings == null ? quota : GapIndex.describe(settings) + "; " + quota;
    }

    /**
     * LAMBDA_RECOVERY_CONCURRENCY_SUFFICIENT. Order: Lambda unreadable for the function or in the
     * recovery region; no counterpart; the counterpart reserves 0 (every invocation throttled);
     * reserved concurrency short (before the account limits: a known failure does not wait for
     * missing quota data); a counterpart reservation that caps an unreserved primary below the
     * pool the primary can draw on; an account limit unknown, the recovery side's reason first;
     * the recovery account limit against the primary's; for an unreserved function, the
     * recovery unreserved pool against the primary's.
     */
    public static Verdict lambdaRecoveryConcurrency(Resource f, RegionPair p, GapIndex g, Counterparts cps, Map<String, Double> limits) {
        String rec = p.getRecovery();
        String blind = gapWhy(f, rec, g, "lambda");
        if (blind != null) {
            return Verdict.insufficientData("Lambda function " + f.getName() + ": cannot tell whether it can run in " + rec + " (" + blind + ").");
        }
        Resource c = cps.of(f, rec);
        if (c == null) return Verdict.nonCompliant("Lambda function " + f.getName() + " has no counterpart in " + rec + ".", null);
        Double theirReserved = c.num("reservedConcurrency");
        Double myReserved = f.num("reservedConcurrency");
        if (theirReserved != null && theirReserved == 0 && (myReserved == null || myReserved > 0)) {
            return Verdict.nonCompliant(fit("Lambda function " + c.getName() + " in " + rec + " has reserved concurrency 0, which throttles every"
                    + " invocation; " + f.getName() + " reserves " + reserved(f) + "."), c);
        }
        if (reservedShortfall(f, c)) {
            return Verdict.nonCompliant("Lambda function " + c.getName() + " in " + rec + " has reserved concurrency "
                    + reserved(c) + "; " + f.getName() + " reserves " + reserved(f) + ".", c);
        }
        Double myPool = unreservedPool(limits, f);
        if (myReserved == null && theirReserved != null && myPool != null && theirReserved < myPool) {
            return Verdict.nonCompliant(fit("Lambda function " + c.getName() + " in " + rec + " is capped by its reserved concurrency of "
                    + reserved(c) + ", while " + f.getName() + " is unreserved and can use up to " + n(myPool)
                    + " (the unreserved pool in " + p.getPrimary() + ")."), c);
        }
        Double mine = accountLimit(limits, f);
        Double theirs = accountLimit(limits, c);
        if (mine == null || theirs == null) {
            String why = theirs == null ? concurrencyWhy(g, c.getAccountId(), c.getAwsRegion()) : concurrencyWhy(g, f.getAccountId(), f.getAwsRegion());
            return insufficientData(fit("Lambda function " + f.getName() + ": cannot compare account concurrency limits with "
                    + rec + " (" + why + ")."), c);
        }
        if (theirs < mine) {
            return Verdict.nonCompliant("Lambda function " + c.getName() + ": account " + c.getAccountId() + " allows "
                    + n(theirs) + " concurrent executions in " + rec + ", below the " + n(mine)
                    + " that " + f.getName() + " has in " + p.getPrimary() + ".", c);
        }
        Double theirPool = unreservedPool(limits, c);
        if (theirReserved == null && myPool != null && theirPool != null && theirPool < myPool) {
            return Verdict.nonCompliant(fit("Lambda function " + c.getName() + " is unreserved and shares the " + n(theirPool)
                    + " unreserved concurrent executions left in " + rec + " by other functions' reservations, below the " + n(myPool)
                    + " that " + f.getName() + " can use in " + p.getPrimary() + "."), c);
        }
        return Verdict.compliant(fit("Lambda function " + c.getName() + " in " + rec + " has reserved concurrency "
                + reserved(c) + " (primary " + reserved(f) + ") and an account limit of " + n(theirs)
                + " (primary " + n(mine) + ")."), c);
    }

    // ---------------------------------------------------------------- Service Quotas

    /**
     * The quota's value in that account and region, or null when it was not collected. Lambda
     * concurrent executions (L-B99A9384) comes from Lambda's GetAccountSettings when the list holds
     * it (the limit in force), else from Service Quotas.
     */
    public static Double quotaValue(List<?> quotas, String accountId, String region, String quotaCode) {
        if (LAMBDA_CONCURRENCY_QUOTA.equals(quotaCode)) {
            for (Object o : quotas) {
                if (o instanceof Resource s && LAMBDA_ACCOUNT_SETTINGS.equals(s.getResourceType()) && s.getAccountId().equals(accountId)
                        && s.getAwsRegion().equals(region) && s.num("concurrentExecutions") != null) {
                    return s.num("concurrentExecutions");
                }
            }
        }
        Resource q = quota(quotas, accountId, region, quotaCode);
        return q == null ? null : q.num("value");
    }

    static Resource quota(List<?> quotas, String accountId, String region, String quotaCode) {
        for (Object o : quotas) {
            if (o instanceof Resource q && q.getAccountId().equals(accountId) && q.getAwsRegion().equals(region)
                    && quotaCode.equals(q.str("quotaCode")) && q.num("value") != null) {
                return q;
            }
        }
        return null;
    }

    /** Why a quota value is unknown: the collection gap, or that it simply was not collected. */
    public static String quotaWhy(GapIndex gaps, String accountId, String region, String quotaCode) {
        if (gaps.missing(accountId, region, "servicequotas")) return gaps.why(accountId, region, "servicequotas");
        return "quota " + quotaCode + " was not collected in " + accountId + "/" + region;
    }

    /** Codes whose recovery value is below the primary's, described; null when none is (known) short. */
    public static String quotaShortfall(List<?> quotas, List<String> codes, String accountId, String primary, String recovery) {
        List<String> out = new ArrayList<>();
        for (String code : codes) {
            Double p = quotaValue(quotas, accountId, primary, code);
            Double r = quotaValue(quotas, accountId, recovery, code);
            if (p != null && r != null && r < p) out.add(label(quotas, accountId, primary, code) + " " + n(r) + " < " + n(p));
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** The first code whose value is unknown in either region, with the reason; null when all are known. */
    public static String quotaUnknown(List<?> quotas, List<String> codes, String accountId, String primary, String recovery, GapIndex gaps) {
        for (String code : codes) {
            if (quotaValue(quotas, accountId, primary, code) == null) return code + " in " + primary + ": " + unknownWhy(gaps, accountId, primary, code);
            if (quotaValue(quotas, accountId, recovery, code) == null) return code + " in " + recovery + ": " + unknownWhy(gaps, accountId, recovery, code);
        }
        return null;
    }

    private static String unknownWhy(GapIndex gaps, String accountId, String region, String code) {
        return LAMBDA_CONCURRENCY_QUOTA.equals(code) ? concurrencyWhy(gaps, accountId, region) : quotaWhy(gaps, accountId, region, code);
    }

    public static String quotaSummary(List<?> quotas, List<String> codes, String accountId, String primary, String recovery) {
        List<String> out = new ArrayList<>();
        for (String code : codes) {
            out.add(label(quotas, accountId, primary, code) + " " + n(nz(quotaValue(quotas, accountId, recovery, code)))
                    + " >= " + n(nz(quotaValue(quotas, accountId, primary, code))));
        }
        return String.join("; ", out);
    }

    private static double nz(Double d) { return d == null ? -1 : d; }

    /** "L-1216C47A (Running On-Demand Standard instances)" when the name was collected. */
    static String label(List<?> quotas, String accountId, String region, String code) {
        Resource q = quota(quotas, accountId, region, code);
        String name = q == null ? null : q.str("quotaName");
        return name == null ? code : code + " (" + name + ")";
    }

    // ---------------------------------------------------------------- RDS

    /**
     * The instance class a database runs on: a DB instance's class; for an Aurora cluster its
     * writer's class, else the largest member class (a secondary cluster has readers only).
     * Null when the cluster has no instances (headless) or nothing was collected.
     */
    public static String dbClass(Resource db) {
        if ("AWS::RDS::DBInstance".equals(db.getResourceType())) return db.str("dbInstanceClass");
        String writer = db.str("writerInstanceClass");
        if (writer != null) return writer;
        String best = null;
        for (Object o : db.list("instanceClasses")) {
            String c = String.valueOf(o);
            if (best == null || classSize(c) > classSize(best)) best = c;
        }
        return best;
    }

    /**
     * A database that is the source of its replication (judged), not a copy: a DB instance that
     * is neither an Aurora member nor a read replica; a cluster that is neither a cross-region
     * replica nor a global-database secondary.
     */
    public static boolean replicationSource(Resource db) {
        if ("AWS::RDS::DBInstance".equals(db.getResourceType())) {
            return !db.has("dbClusterIdentifier") && !db.has("readReplicaSourceDBInstanceIdentifier");
        }
        return !db.has("replicationSourceIdentifier") && !(db.has("isGlobalWriter") && !db.bool("isGlobalWriter"));
    }

    /** "Aurora cluster" or "RDS DB instance", for annotations. */
    public static String dbKind(Resource db) {
        return "AWS::RDS::DBCluster".equals(db.getResourceType()) ? "Aurora cluster" : "RDS DB instance";
    }

    /** A secondary Aurora cluster with no DB instances: it holds the data but serves nothing until instances are added. */
    public static boolean headless(Resource db) {
        return "AWS::RDS::DBCluster".equals(db.getResourceType()) && db.has("instanceClasses")
                && db.list("instanceClasses").isEmpty() && !db.has("writerInstanceClass");
    }

    /**
     * Relative size of an instance class ("db.r6g.2xlarge"): vCPU-like units from the size
     * suffix, and a small bonus for memory-optimised (r, x, z) over general (m) over burstable (t)
     * families so that same-size downgrades count as smaller. -1 when the class is not of the
     * db.family.size form (for example db.serverless).
     */
    public static double classSize(String cls) {
        if (cls == null) return -1;
        String[] parts = cls.toLowerCase(Locale.ROOT).split("\\.");
        if (parts.length != 3 || !parts[0].equals("db") || parts[1].isEmpty()) return -1;
        double size = switch (parts[2]) {
            case "nano" -> 0.125;
            case "micro" -> 0.25;
            case "small" -> 0.5;
            case "medium" -> 1;
            case "large" -> 2;
            case "xlarge" -> 4;
            case "metal" -> 96;
            default -> parts[2].matches("\\d+xlarge") ? 4 * Double.parseDouble(parts[2].substring(0, parts[2].length() - 6)) : -1;
        };
        if (size < 0) return -1;
        char fam = parts[1].charAt(0);
        double tier = fam == 't' ? 0 : (fam == 'r' || fam == 'x' || fam == 'z') ? 0.2 : 0.1;
        return size + tier;
    }

    /** Both classes are comparable and the recovery one is smaller. */
    public static boolean classSmaller(String primary, String recovery) {
        double p = classSize(primary), r = classSize(recovery);
        return p >= 0 && r >= 0 && r < p;
    }

    /**
     * RDS_RECOVERY_INSTANCE_CLASS_SUFFICIENT. Order: RDS unreadable for the database or in the
     * recovery region; no counterpart (NON_COMPLIANT when the database lists a replica there, else
     * NOT_APPLICABLE: not replicated at all); a headless secondary (before the class checks: it
     * has no class, and that is the finding, not missing data); a class unknown or not comparable;
     * then the classes by size.
     */
    public static Verdict rdsRecoveryInstanceClass(Resource db, RegionPair p, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String who = dbKind(db) + " " + db.getName();
        String blind = gapWhy(db, rec, g, "rds");
        if (blind != null) return Verdict.insufficientData(who + ": cannot tell what its copy in " + rec + " runs on (" + blind + ").");
        Resource c = cps.of(db, rec);
        if (c == null) {
            if (Links.linkedTo(db, rec)) {
                return Verdict.nonCompliant(who + " lists a replica in " + rec + " but has no counterpart in " + rec + " in the snapshot.", null);
            }
            return Verdict.notApplicable(who + " has no copy in " + rec + " to size; RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION judges its replication.");
        }
        if (headless(c)) {
            // a headless primary has no class to name either (moto creates clusters that way)
            String cls = dbClass(db);
            return Verdict.nonCompliant(who + (cls == null ? ":" : " runs " + cls + " but") + " its secondary " + c.getName() + " in " + rec
                    + " has no DB instances to promote.", c);
        }
        if (SERVERLESS.equals(dbClass(db)) && SERVERLESS.equals(dbClass(c))) return serverlessCapacity(db, c, who, rec);
        String unknown = classUnknown(db, c);
        if (unknown != null) return insufficientData(who + ": cannot compare with " + c.getName() + " in " + rec + " because the " + unknown + ".", c);
        if (classSmaller(dbClass(db), dbClass(c))) {
            return Verdict.nonCompliant(who + " runs " + dbClass(db) + " but its copy " + c.getName() + " in " + rec
                    + " runs the smaller " + dbClass(c) + ".", c);
        }
        return Verdict.compliant(who + " runs " + dbClass(db) + "; its copy " + c.getName() + " in " + rec + " runs " + dbClass(c) + ".", c);
    }

    static final String SERVERLESS = "db.serverless";

    /**
     * Aurora Serverless v2 on both sides: the class name says nothing about size, the clusters'
     * ServerlessV2ScalingConfiguration does. The recovery maximum must reach the primary's maximum
     * (the ceiling is what the load can grow to). The minimum is reported, not judged: Serverless v2
     * scales up in place within seconds, so a lower floor delays nothing a failover waits for.
     */
    static Verdict serverlessCapacity(Resource db, Resource c, String who, String rec) {
        Double pMax = db.num("serverlessV2MaxCapacity"), rMax = c.num("serverlessV2MaxCapacity");
        Double pMin = db.num("serverlessV2MinCapacity"), rMin = c.num("serverlessV2MinCapacity");
        if (pMax == null || rMax == null) {
            return insufficientData(who + ": both run db.serverless, but the Serverless v2 capacity range of "
                    + (pMax == null ? db.getName() : c.getName()) + " was not collected.", c);
        }
        String range = "Serverless v2 " + acu(pMin) + "-" + acu(pMax) + " ACUs; its copy " + c.getName() + " in " + rec + " scales "
                + acu(rMin) + "-" + acu(rMax) + " ACUs";
        if (rMax < pMax) return Verdict.nonCompliant(who + " runs " + range + ", a lower maximum.", c);
        return Verdict.compliant(who + " runs " + range
                + (rMin != null && pMin != null && rMin < pMin ? " (a lower minimum only means it starts smaller and scales up)" : "") + ".", c);
    }

    private static String acu(Double v) { return v == null ? "?" : n(v); }

    /** Names what keeps the comparison from being made, or null. */
    public static String classUnknown(Resource primary, Resource recovery) {
        if (headless(recovery)) return null;   // known: it has no instances at all
        String p = dbClass(primary), r = dbClass(recovery);
        if (p == null) return "instance class of " + primary.getName() + " was not collected";
        if (r == null) return "instance class of " + recovery.getName() + " was not collected";
        if (p.equals(r) && !SERVERLESS.equals(p)) return null;
        if (classSize(p) < 0 || classSize(r) < 0) return "instance classes " + p + " and " + r + " cannot be compared";
        return null;
    }
}

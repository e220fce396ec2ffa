package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.evaluate.Scope;
import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.Links;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.facts.WorkloadAccount;
import io.failready.facts.derived.DataIndex;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decision functions of the rules in sections {@code requirements} and {@code data}, imported into
 * DRL with {@code import function}. Each {@code Verdict}-returning function is one rule's decision
 * list, written in the order its DRL header lists the scenarios: missing data first (so a gap can
 * never turn into a pass), then applicability, then the checks. Lookups go through
 * {@link DataIndex} hash maps, so every judgement is constant work per subject.
 */
public final class DataFunctions {
    private DataFunctions() {}

    public static final String S3 = "AWS::S3::Bucket";
    public static final String DDB = "AWS::DynamoDB::Table";
    public static final String CLUSTER = "AWS::RDS::DBCluster";
    public static final String INSTANCE = "AWS::RDS::DBInstance";
    /** DocumentDB and Neptune clusters: RDS-style clusters with global clusters, judged like Aurora's. */
    public static final String DOCDB_CLUSTER = "AWS::DocDB::DBCluster";
    public static final String NEPTUNE_CLUSTER = "AWS::Neptune::DBCluster";

    static boolean isCluster(Resource r) {
        String t = r.getResourceType();
        return CLUSTER.equals(t) || DOCDB_CLUSTER.equals(t) || NEPTUNE_CLUSTER.equals(t);
    }

    // ------------------------------------------------------------------ subjects and naming

    /**
     * A data store judged as a primary copy: buckets and tables; Aurora clusters that are not
     * cross-region replica clusters; DB instances that are neither Aurora members (judged through
     * their cluster) nor read replicas.
     */
    public static boolean isPrimaryDataStore(Resource r) {
        return switch (r.getResourceType()) {
            case S3, DDB -> true;
            case CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER -> !r.has("replicationSourceIdentifier");
            case INSTANCE -> !r.has("dbClusterIdentifier") && !r.has("readReplicaSourceDBInstanceIdentifier");
            default -> false;
        };
    }

    /** Whether {@link #isPrimaryDataStore} judges this resource as a database (RDS rules). */
    public static boolean isPrimaryDatabase(Resource r) {
        return (isCluster(r) || INSTANCE.equals(r.getResourceType())) && isPrimaryDataStore(r);
    }

    static String label(Resource r) {
        String kind = switch (r.getResourceType()) {
            case S3 -> "S3 bucket";
            case DDB -> "DynamoDB table";
            case CLUSTER -> "Aurora cluster";
            case DOCDB_CLUSTER -> "DocumentDB cluster";
            case NEPTUNE_CLUSTER -> "Neptune cluster";
            case INSTANCE -> "RDS instance";
            case "AWS::ECR::Repository" -> "ECR repository";
            default -> r.getResourceType();
        };
        return kind + " " + r.getResourceName();
    }

    static String service(Resource r) {
        return switch (r.getResourceType()) {
            case S3 -> "s3";
            case DDB -> "dynamodb";
            case CLUSTER, INSTANCE, DOCDB_CLUSTER, NEPTUNE_CLUSTER -> "rds";
            case "AWS::ECR::Repository" -> "ecr";
            default -> "*";
        };
    }

    /** Last ':' or '/' segment of an ARN ("arn:aws:rds:eu-west-1:1:db:orders" -> "orders"); ids pass through. */
    static String shortName(String arnOrId) {
        if (arnOrId == null) return null;
        int i = Math.max(arnOrId.lastIndexOf(':'), arnOrId.lastIndexOf('/'));
        return i < 0 ? arnOrId : arnOrId.substring(i + 1);
    }

    /** Region of an ARN, or null when it is not a regional ARN. */
    static String arnRegion(String arn) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] p = arn.split(":", 6);
        return p.length > 3 && !p[3].isEmpty() ? p[3] : null;
    }

    static String arnAccount(String arn) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] p = arn.split(":", 6);
        return p.length > 4 && !p[4].isEmpty() ? p[4] : null;
    }

    static String s(Object o) { return o == null ? null : String.valueOf(o); }

    // ------------------------------------------------------------------ replication links

    /** A copy of a data store in another region, as the service itself reports it. */
    public static final class Copy {
        public final String id;          // ARN or name of the copy
        public final String status;      // service status, "" when none
        public final Resource resource;  // the copy when it is in the snapshot

        Copy(String id, String status, Resource resource) { this.id = id; this.status = status; this.resource = resource; }
    }

    /** Enabled S3 replication rules, each with the destination region resolved (null when unknown). */
    public static List<Map<String, Object>> enabledS3Rules(Resource b) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> rule : b.maps("replication.rules")) {
            if ("Enabled".equalsIgnoreCase(s(rule.get("status")))) out.add(rule);
        }
        return out;
    }

    public static String s3DestinationRegion(Map<String, Object> rule, DataIndex ix) {
        String region = s(rule.get("destinationRegion"));
        if (region != null) return region;
        Resource dest = ix.byId(s(rule.get("destinationBucketArn")));
        return dest == null ? null : dest.getAwsRegion();
    }

    /** The service's own copies of {@code r} in {@code region} (S3 replication, DynamoDB replica, Aurora global member, RDS read replica). */
    public static List<Copy> copiesIn(Resource r, String region, DataIndex ix) {
        List<Copy> out = new ArrayList<>();
        switch (r.getResourceType()) {
            case S3 -> {
                for (Map<String, Object> rule : enabledS3Rules(r)) {
                    if (region.equals(s3DestinationRegion(rule, ix))) {
                        String arn = s(rule.get("destinationBucketArn"));
                        out.add(new Copy(arn, "Enabled", ix.byId(arn)));
                    }
                }
            }
            case DDB -> {
                for (Map<String, Object> rep : r.maps("replicas")) {
                    if (region.equals(rep.get("regionName"))) {
                        String st = s(rep.get("status"));
                        if (st == null) st = Links.statusIn(r, region);
                        out.add(new Copy(r.getResourceName(), st == null ? "" : st,
                                ix.byName(DDB, r.getAccountId(), region, r.getResourceName())));
                    }
                }
            }
            case CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER -> {
                for (Map<String, Object> m : r.maps("globalClusterMembers")) {
                    String arn = s(m.get("dbClusterArn"));
                    String reg = s(m.get("region"));
                    if (reg == null) reg = arnRegion(arn);
                    if (region.equals(reg) && !r.getResourceId().equals(arn)) out.add(new Copy(arn, "", ix.byId(arn)));
                }
            }
            case INSTANCE -> {
                for (Object o : r.list("readReplicaDBInstanceIdentifiers")) {
                    String id = s(o);
                    Resource rep = ix.byId(id);
                    String reg = rep != null ? rep.getAwsRegion() : arnRegion(id);
                    if (region.equals(reg)) out.add(new Copy(id, "", rep));
                }
            }
            default -> { }
        }
        if (out.isEmpty() && !S3.equals(r.getResourceType())) {
            // collectors also fill the standard replicaLinks (e.g. Aurora cross-region replica clusters)
            for (Map<String, Object> link : r.maps("replicaLinks")) {
                if (!region.equals(link.get("region"))) continue;
                String id = s(link.get("resourceId")) != null ? s(link.get("resourceId")) : s(link.get("resourceName"));
                Resource res = ix.byId(s(link.get("resourceId")));
                if (res == null && link.get("resourceName") != null) {
                    res = ix.byName(r.getResourceType(), r.getAccountId(), region, s(link.get("resourceName")));
                }
                out.add(new Copy(id, s(link.get("status")) == null ? "" : s(link.get("status")), res));
            }
        }
        return out;
    }

    static Resource firstSeen(List<Copy> copies) {
        for (Copy c : copies) if (c.resource != null) return c.resource;
        return null;
    }

    static String copyName(Copy c) { return c.resource != null ? c.resource.getResourceName() : shortName(c.id); }

    // ------------------------------------------------------------------ requirements

    /** What is missing from the workload's recovery objectives; empty when complete. */
    public static List<String> objectiveProblems(Workload w) {
        List<String> out = new ArrayList<>();
        if (w.rtoMinutes <= 0) out.add(w.rtoText == null ? "no RTO is declared" : "the RTO (" + w.rtoText + ") is not positive");
        if (w.rpoSeconds <= 0) out.add(w.rpoText == null ? "no RPO is declared" : "the RPO (" + w.rpoText + ") is not positive");
        if (w.owner == null || w.owner.isBlank()) out.add("no owner is named");
        if (w.criticalWorkflows == null || w.criticalWorkflows.stream().allMatch(x -> x == null || x.isBlank())) {
            out.add("no critical workflows are listed");
        }
        return out;
    }

    public static String firstAccount(Workload w) { return w.accounts.isEmpty() ? "" : w.accounts.get(0).id; }

    /** Parses "backup-restore=240,pilot-light=30,..." into strategy -> minimum RTO minutes (entries that do not parse are left out). */
    public static Map<String, Long> strategyTable(List<String> entries) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq <= 0) continue;
            try {
                out.put(e.substring(0, eq).trim().toLowerCase(Locale.ROOT), Long.parseLong(e.substring(eq + 1).trim()));
            } catch (NumberFormatException ignored) {
                // a malformed entry is simply absent: the rule then reports INSUFFICIENT_DATA for that strategy
            }
        }
        return out;
    }

    public static Verdict strategyMeetsRto(Workload w, List<String> table) {
        String who = "Workload " + w.name;
        Map<String, Long> min = strategyTable(table);
        String strategy = w.getStrategyName();
        if (w.rtoMinutes <= 0) {
            return Verdict.insufficientData(who + " declares no positive RTO, so strategy " + strategy + " cannot be checked against it.");
        }
        Long need = strategy == null ? null : min.get(strategy);
        if (need == null) {
            return Verdict.insufficientData(who + " uses strategy " + strategy
                    + ", which has no minimum RTO in parameter StrategyMinRtoMinutes.");
        }
        if (w.rtoMinutes >= need) {
            return Verdict.compliant(who + " declares " + strategy + " with an RTO of " + w.rtoMinutes
                    + " min; " + strategy + " can recover in " + need + " min or more.", null);
        }
        String better = null;
        long best = -1;
        for (Map.Entry<String, Long> e : min.entrySet()) {
            // the slowest (usually cheapest) strategy that still fits the RTO
            if (e.getValue() <= w.rtoMinutes && (better == null || e.getValue() > best)) {
                better = e.getKey();
                best = e.getValue();
            }
        }
        return Verdict.nonCompliant(who + " declares " + strategy + " with an RTO of " + w.rtoMinutes + " min, but "
                + strategy + " needs at least " + need + " min" + (better == null ? "" : "; " + better + " can meet it") + ".", null);
    }

    static final Set<String> OPTED_IN = Set.of("ENABLED", "ENABLED_BY_DEFAULT");

    /** ACCOUNT_RECOVERY_REGION_ENABLED for one account and pair. */
    public static Verdict recoveryRegionEnabled(WorkloadAccount a, RegionPair p, DataIndex ix, GapIndex g) {
        String acct = "Account " + a.accountId + (a.name == null ? "" : " (" + a.name + ")");
        if (p.recovery.equals(p.primary)) {
            return Verdict.nonCompliant(acct + ": the recovery region " + p.recovery + " is the primary region itself.", null);
        }
        Resource account = ix.byId(a.accountId);
        CollectionGap gap = g.whyGap(account != null ? account
                : new Resource("AWS::::Account", a.accountId, a.accountId, a.accountId, Resource.GLOBAL, null, null), "account");
        if (gap != null) {
            return Verdict.insufficientData(acct + ": cannot tell whether " + p.recovery + " is enabled (" + GapIndex.describe(gap) + ").");
        }
        if (account == null) {
            return Verdict.insufficientData(acct + ": its region opt-in status was not collected, so " + p.recovery + " cannot be checked.");
        }
        String status = account.str("regionOptStatus." + p.recovery);
        if (status == null) {
            return Verdict.insufficientData(acct + ": no opt-in status was reported for " + p.recovery + ".");
        }
        if (OPTED_IN.contains(status)) {
            return Verdict.compliant(acct + " has " + p.recovery + " enabled (" + status + ").", null);
        }
        return Verdict.nonCompliant(acct + " has " + p.recovery + " with opt-in status " + status
                + "; nothing can be deployed there until it is ENABLED.", null);
    }

    // ------------------------------------------------------------------ S3

    /** "prefix logs/ and tags tier=gold" for an S3 rule filter as the collector records it. */
    public static String describeS3Filter(Object filter) {
        if (!(filter instanceof Map<?, ?> f)) return "everything";
        List<String> parts = new ArrayList<>();
        if (f.get("prefix") != null) parts.add("prefix " + f.get("prefix"));
        if (f.get("tags") instanceof Map<?, ?> tags && !tags.isEmpty()) {
            List<String> kv = new ArrayList<>();
            tags.forEach((k, v) -> kv.add(k + "=" + v));
            parts.add((kv.size() == 1 ? "tag " : "tags ") + String.join(", ", kv));
        }
        return String.join(" and ", parts);
    }

    public static Verdict s3ReplicationMonitored(Resource b, RegionPair p, DataIndex ix, GapIndex g) {
        String who = label(b);
        if (g.missingFor(b, "s3")) {
            return Verdict.insufficientData(who + ": cannot read its replication configuration (" + g.why(b, "s3") + ").");
        }
        List<Map<String, Object>> toRecovery = new ArrayList<>();
        boolean unknown = false;
        for (Map<String, Object> rule : enabledS3Rules(b)) {
            String reg = s3DestinationRegion(rule, ix);
            if (p.recovery.equals(reg)) toRecovery.add(rule);
            else if (reg == null) unknown = true;
        }
        if (toRecovery.isEmpty()) {
            if (unknown) return Verdict.insufficientData(who + " replicates to a bucket whose region could not be determined.");
            return Verdict.notApplicable(who + " does not replicate to " + p.recovery + " (see S3_BUCKET_REPLICATED_TO_RECOVERY_REGION).");
        }
        Resource dest = null;
        List<String> missing = new ArrayList<>();
        boolean ruleOk = false;
        for (Map<String, Object> rule : toRecovery) {
            boolean rtc = Boolean.TRUE.equals(rule.get("replicationTimeControl"));
            boolean metrics = Boolean.TRUE.equals(rule.get("metrics"));
            if (dest == null) dest = ix.byId(s(rule.get("destinationBucketArn")));
            if (rtc && metrics) { ruleOk = true; break; }
            if (missing.isEmpty()) {
                if (!metrics) missing.add("replication metrics");
                if (!rtc) missing.add("Replication Time Control");
            }
        }
        // S3 publishes ReplicationLatency and the *Pending* metrics in the destination region and
        // OperationsFailedReplication in the source region, always in the source bucket owner's account:
        // an alarm anywhere else watches a metric that never gets a datapoint.
        String acct = b.getAccountId();
        Resource alarm = null;
        Resource silenced = null;
        Resource misplaced = null;
        for (String metric : S3_METRICS) {
            String home = S3_SOURCE_REGION_METRICS.contains(metric) ? b.getAwsRegion() : p.recovery;
            String away = home.equals(p.recovery) ? b.getAwsRegion() : p.recovery;
            for (Resource a : ix.alarms(acct, home, metric, "SourceBucket", b.getResourceName())) {
                if (alarm == null && alarmActive(a)) alarm = a;
                if (silenced == null && !alarmActive(a)) silenced = a;
            }
            for (Resource a : ix.alarms(acct, away, metric, "SourceBucket", b.getResourceName())) {
                if (misplaced == null) misplaced = a;
            }
        }
        if (ruleOk && alarm != null) {
            return Verdict.compliant(who + " replicates to " + p.recovery + " with Replication Time Control and metrics on; alarm "
                    + alarm.getResourceName() + " in " + alarm.getAwsRegion() + " watches " + alarm.str("metricName") + ".", dest);
        }
        if (alarm == null && ruleOk) {
            for (String r : List.of(p.recovery, b.getAwsRegion())) {
                if (g.missing(acct, r, "cloudwatch")) {
                    return Verdict.insufficientData(who + ": cannot tell whether an alarm watches its replication ("
                            + g.why(acct, r, "cloudwatch") + ").");
                }
            }
        }
        String noAlarm = "no alarm watches ReplicationLatency or *PendingReplication in " + p.recovery
                + " or OperationsFailedReplication in " + b.getAwsRegion();
        String why = silenced != null ? " (alarm " + silenced.getResourceName() + " has its actions disabled)" : "";
        if (silenced == null && misplaced != null) {
            noAlarm = "alarm " + misplaced.getResourceName() + " watches " + misplaced.str("metricName") + " in "
                    + misplaced.getAwsRegion() + ", where S3 does not publish it, and no alarm is where it is published";
        }
        if (!ruleOk) {
            return Verdict.nonCompliant(who + " replicates to " + p.recovery + " without " + String.join(" or ", missing)
                    + (alarm == null ? "; " + noAlarm + why : "") + ".", dest);
        }
        return Verdict.nonCompliant(who + " replicates to " + p.recovery + " but " + noAlarm + why + ".", dest);
    }

    /** S3 replication metrics an alarm may watch; the failure count is the one published in the source region. */
    static final List<String> S3_METRICS = List.of("ReplicationLatency", "BytesPendingReplication", "OperationsPendingReplication",
            "OperationsFailedReplication");
    static final Set<String> S3_SOURCE_REGION_METRICS = Set.of("OperationsFailedReplication");

    // ------------------------------------------------------------------ alarms

    static boolean alarmActive(Resource a) { return !(a.has("actionsEnabled") && !a.bool("actionsEnabled")); }

    static boolean firesAbove(Resource a) {
        String op = a.str("comparisonOperator");
        return op == null || op.startsWith("GreaterThan");
    }

    /** Result of looking for a lag alarm: the qualifying alarm, or the nearest miss and why. */
    static final class AlarmSearch {
        Resource good;
        Resource near;
        String nearWhy;
    }

    /**
     * Looks for an alarm on {@code metric} with {@code dimName = dimValue} (and, when given,
     * {@code extraDim = extraValue}) in the account and regions, firing above a threshold at or below
     * {@code limit} (in the metric's own unit), with actions enabled.
     */
    static AlarmSearch findLagAlarm(DataIndex ix, String account, List<String> regions, String metric, String dimName,
                                    List<String> dimValues, String extraDim, String extraValue, double limit, String unit) {
        AlarmSearch out = new AlarmSearch();
        for (String region : regions) {
            for (String v : dimValues) {
                for (Resource a : ix.alarms(account, region, metric, dimName, v)) {
                    if (extraDim != null && !extraValue.equals(dimensionOf(a, metric, extraDim))) continue;
                    Double t = a.num("threshold");
                    String why;
                    if (!firesAbove(a)) why = "alarm " + a.getResourceName() + " uses " + a.str("comparisonOperator");
                    else if (!alarmActive(a)) why = "alarm " + a.getResourceName() + " has its actions disabled";
                    else if (t == null) why = "alarm " + a.getResourceName() + " has no static threshold";
                    else if (t > limit) why = "alarm " + a.getResourceName() + " fires only above " + fmt(t) + " " + unit
                            + ", more than the RPO of " + fmt(limit) + " " + unit;
                    else { out.good = a; return out; }
                    if (out.near == null) { out.near = a; out.nearWhy = why; }
                }
            }
        }
        return out;
    }

    static String dimensionOf(Resource alarm, String metric, String dim) {
        if (metric.equals(alarm.str("metricName"))) return alarm.str("dimensions." + dim);
        for (Map<String, Object> m : alarm.maps("metrics")) {
            if (metric.equals(m.get("metricName")) && m.get("dimensions") instanceof Map<?, ?> d) return s(d.get(dim));
        }
        return null;
    }

    static String fmt(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }

    // ------------------------------------------------------------------ DynamoDB

    public static Verdict dynamoReplica(Resource t, RegionPair p, DataIndex ix, GapIndex g) {
        String who = label(t);
        if (g.missingFor(t, "dynamodb")) {
            return Verdict.insufficientData(who + ": cannot read its replicas (" + g.why(t, "dynamodb") + ").");
        }
        List<Copy> copies = copiesIn(t, p.recovery, ix);
        if (copies.isEmpty()) {
            List<String> others = new ArrayList<>();
            for (Map<String, Object> rep : t.maps("replicas")) if (!p.primary.equals(rep.get("regionName"))) others.add(s(rep.get("regionName")));
            // a legacy (2017.11.29) global table shows its replicas only through ListGlobalTables: when that
            // listing failed, "no replica" is a guess, and a guess is not a finding
            CollectionGap legacy = t.maps("replicas").isEmpty() && !t.has("globalTableVersion")
                    ? g.resourceTypeGap(t.getAccountId(), t.getAwsRegion(), "AWS::DynamoDB::GlobalTable") : null;
            if (legacy != null) {
                return Verdict.insufficientData(who + " shows no replica, but whether it belongs to a legacy global table is unknown ("
                        + legacy.getErrorCode() + " on dynamodb:" + legacy.getOperation() + ").");
            }
            return Verdict.nonCompliant(who + (others.isEmpty() ? " is not a global table and has no replica in " + p.recovery + "."
                    : " has no replica in " + p.recovery + " (replicas: " + String.join(", ", others) + ")."), null);
        }
        Copy c = copies.get(0);
        if (c.status == null || c.status.isEmpty()) {
            return Verdict.insufficientData(who + " has a replica in " + p.recovery + " whose status was not reported.");
        }
        if ("ACTIVE".equals(c.status)) {
            return Verdict.compliant(who + " has an ACTIVE replica in " + p.recovery + ".", c.resource);
        }
        return Verdict.nonCompliant(who + " has a replica in " + p.recovery + " with status " + c.status + ", not ACTIVE.", c.resource);
    }

    public static Verdict dynamoReplicationMonitored(Resource t, RegionPair p, Workload w, DataIndex ix, GapIndex g) {
        String who = label(t);
        if (g.missingFor(t, "dynamodb")) {
            return Verdict.insufficientData(who + ": cannot tell whether it is a global table (" + g.why(t, "dynamodb") + ").");
        }
        List<Copy> copies = copiesIn(t, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " has no replica in " + p.recovery + ", so there is no replication to monitor.");
        }
        if (w.rpoSeconds <= 0) {
            return Verdict.insufficientData(who + ": the workload declares no positive RPO to compare alarm thresholds with.");
        }
        double limitMs = w.rpoSeconds * 1000.0;
        AlarmSearch a = findLagAlarm(ix, t.getAccountId(), List.of(t.getAwsRegion()), "ReplicationLatency", "TableName",
                List.of(t.getResourceName()), "ReceivingRegion", p.recovery, limitMs, "ms");
        Resource cp = firstSeen(copies);
        if (a.good != null) {
            return Verdict.compliant(who + ": alarm " + a.good.getResourceName() + " fires when ReplicationLatency to " + p.recovery
                    + " exceeds " + fmt(a.good.num("threshold")) + " ms, within the RPO of " + w.rpoSeconds + " s.", cp);
        }
        if (a.near == null && g.missing(t.getAccountId(), t.getAwsRegion(), "cloudwatch")) {
            return Verdict.insufficientData(who + ": cannot list its CloudWatch alarms ("
                    + g.why(t.getAccountId(), t.getAwsRegion(), "cloudwatch") + ").");
        }
        if (a.near != null) return Verdict.nonCompliant(who + ": " + a.nearWhy + " (ReplicationLatency to " + p.recovery + ").", cp);
        return Verdict.nonCompliant(who + " has no CloudWatch alarm on ReplicationLatency to " + p.recovery + ".", cp);
    }

    public static Verdict dynamoPitrBothRegions(Resource t, RegionPair p, DataIndex ix, GapIndex g) {
        String who = label(t);
        if (g.missingFor(t, "dynamodb")) {
            return Verdict.insufficientData(who + ": cannot read its backup settings (" + g.why(t, "dynamodb") + ").");
        }
        List<Copy> copies = copiesIn(t, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " has no replica in " + p.recovery + " (see DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION).");
        }
        Resource rep = firstSeen(copies);
        if (rep == null) {
            String why = g.missing(t.getAccountId(), p.recovery, "dynamodb") ? " (" + g.why(t.getAccountId(), p.recovery, "dynamodb") + ")"
                    : " (the replica table was not collected)";
            return Verdict.insufficientData(who + ": cannot read the point-in-time recovery setting of its " + p.recovery + " replica" + why + ".");
        }
        if (g.missingFor(rep, "dynamodb")) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": cannot read the point-in-time recovery setting of its "
                    + p.recovery + " replica (" + g.why(rep, "dynamodb") + ").", rep);
        }
        if (!t.has("pitr") || !rep.has("pitr")) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": the point-in-time recovery setting was not collected in "
                    + (!t.has("pitr") ? p.primary : p.recovery) + ".", rep);
        }
        boolean here = t.bool("pitr");
        boolean there = rep.bool("pitr");
        if (here && there) {
            return Verdict.compliant(who + " has point-in-time recovery on in " + p.primary + " and in its " + p.recovery + " replica.", rep);
        }
        String off = !here && !there ? "in " + p.primary + " and in its " + p.recovery + " replica"
                : !here ? "in " + p.primary + " (its " + p.recovery + " replica has it on)" : "in its " + p.recovery + " replica";
        return Verdict.nonCompliant(who + " has point-in-time recovery off " + off + ".", rep);
    }

    // ------------------------------------------------------------------ RDS

    public static Verdict rdsReplicated(Resource db, RegionPair p, Workload w, DataIndex ix, GapIndex g) {
        String who = label(db);
        if (g.missingFor(db, "rds")) {
            return Verdict.insufficientData(who + ": cannot read its replication settings (" + g.why(db, "rds") + ").");
        }
        List<Copy> copies = copiesIn(db, p.recovery, ix);
        if (!copies.isEmpty()) {
            // a copy counts only when healthy; an unreadable one keeps the answer open
            String problem = null, unknown = null;
            Copy bad = null;
            for (Copy c : copies) {
                String how = isCluster(db) && db.has("globalClusterIdentifier")
                        ? "is in global cluster " + db.str("globalClusterIdentifier") + " with secondary cluster " + copyName(c)
                        : isCluster(db) ? "has replica cluster " + copyName(c)
                        : "has cross-region read replica " + copyName(c);
                String sick = rdsCopyProblem(db, c);
                if (sick == null && c.resource == null) {
                    if (unknown == null) unknown = how + " in " + p.recovery + ", whose state could not be read ("
                            + (g.missing(db.getAccountId(), p.recovery, "rds") ? g.why(db.getAccountId(), p.recovery, "rds") : "it was not collected") + ")";
                } else if (sick == null && g.missingFor(c.resource, "rds")) {
                    if (unknown == null) unknown = how + " in " + p.recovery + ", whose state could not be read (" + g.why(c.resource, "rds") + ")";
                } else if (sick == null) {
                    return Verdict.compliant(who + " " + how + " in " + p.recovery + ".", c.resource);
                } else if (problem == null) {
                    problem = how + " in " + p.recovery + ", but " + sick;
                    bad = c;
                }
            }
            if (unknown != null) return Verdict.insufficientData(who + " " + unknown + ".");
            return Verdict.nonCompliant(who + " " + problem + ".", bad.resource);
        }
        if (isCluster(db)) {
            if (db.has("globalClusterIdentifier")) {
                return Verdict.nonCompliant(who + " is in global cluster " + db.str("globalClusterIdentifier")
                        + ", which has no secondary cluster in " + p.recovery + ".", null);
            }
            return Verdict.nonCompliant(who + " is not in a global cluster and has no replica cluster in " + p.recovery + ".", null);
        }
        boolean backupsThere = false;
        for (Map<String, Object> abr : db.maps("automatedBackupReplications")) {
            String reg = s(abr.get("region"));
            if (reg == null) reg = arnRegion(s(abr.get("arn")));
            if (p.recovery.equals(reg)) backupsThere = true;
        }
        boolean backupRestore = "backup-restore".equals(w.getStrategyName());
        if (backupsThere && backupRestore) {
            return Verdict.compliant(who + " replicates its automated backups to " + p.recovery + ", enough for backup-restore.", null);
        }
        if (backupsThere) {
            return Verdict.nonCompliant(who + " only replicates automated backups to " + p.recovery + "; " + w.getStrategyName()
                    + " needs a cross-region read replica there.", null);
        }
        return Verdict.nonCompliant(who + " has no cross-region read replica in " + p.recovery
                + (backupRestore ? " and no automated backup replication there" : "") + ".", null);
    }

    /**
     * Why a database copy cannot take over, or null when nothing says so: a global member's
     * SynchronizationStatus other than connected; a cluster or instance status other than available;
     * a read replica's "read replication" StatusInfo that is not replicating or not normal.
     */
    static String rdsCopyProblem(Resource db, Copy c) {
        for (Map<String, Object> m : db.maps("globalClusterMembers")) {
            String sync = s(m.get("synchronizationStatus"));
            if (c.id.equals(m.get("dbClusterArn")) && sync != null && !"connected".equals(sync)) {
                return "its synchronization status is " + sync + ", not connected";
            }
        }
        Resource r = c.resource;
        if (r == null) return null;
        String status = r.str("status");
        if (status != null && !"available".equals(status)) return "its status is " + status + ", not available";
        for (Map<String, Object> info : r.maps("statusInfos")) {
            if (!"read replication".equalsIgnoreCase(s(info.get("statusType")))) continue;
            String st = s(info.get("status"));
            if (!"replicating".equals(st) || Boolean.FALSE.equals(info.get("normal"))) {
                return "read replication is " + st + (info.get("message") == null ? "" : " (" + info.get("message") + ")");
            }
        }
        return null;
    }

    public static Verdict rdsReplicationMonitored(Resource db, RegionPair p, Workload w, DataIndex ix, GapIndex g) {
        String who = label(db);
        if (g.missingFor(db, "rds")) {
            return Verdict.insufficientData(who + ": cannot read its replication settings (" + g.why(db, "rds") + ").");
        }
        List<Copy> copies = copiesIn(db, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " has no replica in " + p.recovery + ", so there is no replication lag to alarm on.");
        }
        if (w.rpoSeconds <= 0) {
            return Verdict.insufficientData(who + ": the workload declares no positive RPO to compare alarm thresholds with.");
        }
        boolean aurora = CLUSTER.equals(db.getResourceType());
        List<String> ids = new ArrayList<>();
        if (aurora) ids.add(db.getResourceName());
        for (Copy c : copies) ids.add(copyName(c));
        String metric = aurora ? "AuroraGlobalDBReplicationLag" : "ReplicaLag";
        // AuroraGlobalDBReplicationLag is in milliseconds, ReplicaLag in seconds
        double limit = aurora ? w.rpoSeconds * 1000.0 : w.rpoSeconds;
        String unit = aurora ? "ms" : "s";
        List<String> regions = aurora ? List.of(p.recovery, p.primary) : List.of(p.recovery);
        AlarmSearch a = findLagAlarm(ix, db.getAccountId(), regions, metric, aurora ? "DBClusterIdentifier" : "DBInstanceIdentifier",
                ids, null, null, limit, unit);
        Resource cp = firstSeen(copies);
        if (a.good != null) {
            return Verdict.compliant(who + ": alarm " + a.good.getResourceName() + " fires when " + metric + " exceeds "
                    + fmt(a.good.num("threshold")) + " " + unit + ", within the RPO of " + w.rpoSeconds + " s.", cp);
        }
        if (a.near == null) {
            for (String r : regions) {
                if (g.missing(db.getAccountId(), r, "cloudwatch")) {
                    return Verdict.insufficientData(who + ": cannot list CloudWatch alarms on " + metric + " ("
                            + g.why(db.getAccountId(), r, "cloudwatch") + ").");
                }
            }
            return Verdict.nonCompliant(who + " has no CloudWatch alarm on " + metric + " for its replica in " + p.recovery + ".", cp);
        }
        return Verdict.nonCompliant(who + ": " + a.nearWhy + " (" + metric + " in " + p.recovery + ").", cp);
    }

    // ------------------------------------------------------------------ lag

    public static Verdict lagWithinRpo(Resource r, RegionPair p, Workload w, int lookbackMinutes, DataIndex ix, GapIndex g) {
        String who = label(r);
        String svc = service(r);
        if (g.missingFor(r, svc)) {
            return Verdict.insufficientData(who + ": cannot read its replication settings (" + g.why(r, svc) + ").");
        }
        List<Copy> copies = copiesIn(r, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " does not replicate to " + p.recovery + ", so it has no replication lag.");
        }
        Resource cp = firstSeen(copies);
        if (w.rpoSeconds <= 0) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": the workload declares no positive RPO to compare the lag with.", cp);
        }
        String metricId = r.getResourceId() + "#" + p.recovery;
        Resource m = ix.byId(metricId);
        // DynamoDB publishes lag in the source region; S3 (ReplicationLatency), Aurora and RDS in the recovery region
        String metricRegion = DDB.equals(r.getResourceType()) ? r.getAwsRegion() : p.recovery;
        Resource probe = m != null ? m
                : new Resource("Failready::CloudWatch::ReplicationLag", metricId, metricId, r.getAccountId(), metricRegion, null, null);
        if (g.missingFor(probe, "cloudwatch")) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": cannot read its replication lag to " + p.recovery
                    + " (" + g.why(probe, "cloudwatch") + ").", cp);
        }
        if (m == null) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": no replication lag metric to " + p.recovery + " was collected.", cp);
        }
        double window = m.numOr("lookbackMinutes", 0);
        if (window < lookbackMinutes) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": the lag metric to " + p.recovery + " covers " + fmt(window)
                    + " min, less than the " + lookbackMinutes + "-min lookback.", cp);
        }
        Double max = m.num("maxSeconds");
        if (max == null || m.numOr("datapoints", 1) <= 0) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": " + m.str("metricName") + " to " + p.recovery
                    + " has no datapoints in the last " + fmt(window) + " min.", cp);
        }
        String seen = "maximum " + m.str("metricName") + " to " + p.recovery + " over the last " + fmt(window) + " min was "
                + fmt(max) + " s";
        if (max <= w.rpoSeconds) return Verdict.compliant(who + ": " + seen + ", within the RPO of " + w.rpoSeconds + " s.", cp);
        return Verdict.nonCompliant(who + ": " + seen + ", above the RPO of " + w.rpoSeconds + " s.", cp);
    }

    // ------------------------------------------------------------------ ECR

    public static Verdict ecrReplicated(Resource repo, RegionPair p, DataIndex ix, GapIndex g) {
        String who = label(repo);
        // service-wide only: a gap on listing this repository's own images does not hide its replication
        if (g.missing(repo.getAccountId(), repo.getAwsRegion(), "ecr")) {
            return Verdict.insufficientData(who + ": cannot read the registry replication configuration ("
                    + g.why(repo.getAccountId(), repo.getAwsRegion(), "ecr") + ").");
        }
        Resource cfg = ix.ecrReplicationConfiguration(repo.getAccountId(), repo.getAwsRegion());
        if (cfg != null && g.missingFor(cfg, "ecr")) {
            return Verdict.insufficientData(who + ": cannot read the registry replication configuration (" + g.why(cfg, "ecr") + ").");
        }
        String name = repo.str("repositoryName") != null ? repo.str("repositoryName") : repo.getResourceName();
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
                    destRegistry = dm.get("registryId") == null ? repo.getAccountId() : s(dm.get("registryId"));
                }
            }
            if (destRegistry == null) continue;
            toRecovery = true;
            List<String> prefixes = new ArrayList<>();
            for (Object f : rule.get("repositoryFilters") instanceof List<?> l ? l : List.of()) {
                if (f instanceof Map<?, ?> fm && (fm.get("filterType") == null || "PREFIX_MATCH".equals(fm.get("filterType")))) {
                    prefixes.add(s(fm.get("filter")));
                }
            }
            boolean covered = prefixes.isEmpty() || prefixes.stream().anyMatch(x -> x != null && name.startsWith(x));
            if (covered) {
                Resource cp = ix.byName("AWS::ECR::Repository", destRegistry, p.recovery, name);
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
                Verdict images = ecrDeployedImagesPresent(repo, cp, p, ix, g, who);
                if (images != null) return images;
                return Verdict.compliant(who + " is replicated to " + p.recovery + " (registry " + destRegistry + ")"
                        + (prefixes.isEmpty() ? "" : " by prefix filter " + String.join(", ", prefixes))
                        + ecrDigestNote(repo, ix) + ".", cp);
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
    static Verdict ecrDeployedImagesPresent(Resource repo, Resource cp, RegionPair p, DataIndex ix, GapIndex g, String who) {
        String registryId = repo.str("registryId") != null ? repo.str("registryId") : repo.getAccountId();
        String name = repo.str("repositoryName") != null ? repo.str("repositoryName") : repo.getResourceName();
        java.util.SortedMap<String, java.util.SortedSet<String>> deployed = ix.deployedDigests(registryId, repo.getAwsRegion(), name);
        if (deployed.isEmpty()) return null;
        String where = "the repository in " + p.recovery;
        if (g.missingFor(cp, "ecr")) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + " is replicated, but the images of " + where
                    + " could not be listed (" + g.why(cp, "ecr") + "), so the deployed digest cannot be checked.", cp);
        }
        if (!cp.has("imageDigests")) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + " is replicated, but the images of " + where
                    + " were not collected, so the deployed digest cannot be checked.", cp);
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Object d : cp.list("imageDigests")) present.add(String.valueOf(d));
        List<String> absent = new ArrayList<>();
        for (String d : deployed.keySet()) if (!present.contains(d)) absent.add(d);
        if (absent.isEmpty()) return null;
        String first = absent.get(0);
        java.util.SortedSet<String> services = deployed.get(first);
        String by = "run by ECS service " + services.first() + (services.size() > 1 ? " +" + (services.size() - 1) : "");
        if (cp.bool("imageDigestsCapped")) {
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, who + ": the image listing in " + p.recovery
                    + " hit the per-repository cap and does not show deployed digest " + first + " (" + by + ").", cp);
        }
        return Verdict.nonCompliant(who + ": deployed digest " + first + " (" + by + ") is missing from " + where
                + (absent.size() > 1 ? " (+" + (absent.size() - 1) + " more)" : "")
                + "; replication copies only pushes made after it was configured.", cp);
    }

    private static String ecrDigestNote(Resource repo, DataIndex ix) {
        String registryId = repo.str("registryId") != null ? repo.str("registryId") : repo.getAccountId();
        String name = repo.str("repositoryName") != null ? repo.str("repositoryName") : repo.getResourceName();
        int n = ix.deployedDigests(registryId, repo.getAwsRegion(), name).size();
        return n == 0 ? "" : "; the " + (n == 1 ? "deployed digest is" : n + " deployed digests are") + " present there";
    }

    // ------------------------------------------------------------------ backup

    /** Whether a backup selection picks {@code r}: by ARN or ARN wildcard, or by tag, minus notResources. */
    static boolean selects(Map<String, Object> selection, Resource r) {
        boolean hit = false;
        for (Object o : selection.get("resources") instanceof List<?> l ? l : List.of()) {
            if (o != null && Scope.glob(String.valueOf(o)).matcher(r.getResourceId()).matches()) hit = true;
        }
        for (Object o : selection.get("tags") instanceof List<?> l ? l : List.of()) {
            if (o instanceof Map<?, ?> t && t.get("key") != null && s(t.get("value")) != null
                    && s(t.get("value")).equals(r.tag(s(t.get("key"))))) hit = true;
        }
        if (!hit) return false;
        for (Object o : selection.get("notResources") instanceof List<?> l ? l : List.of()) {
            if (o != null && Scope.glob(String.valueOf(o)).matcher(r.getResourceId()).matches()) return false;
        }
        return true;
    }

    static boolean lockedOrAirGapped(Resource vault) {
        return vault != null && (vault.bool("locked") || "LOGICALLY_AIR_GAPPED_BACKUP_VAULT".equals(vault.str("vaultType")));
    }

    public static Verdict backupIndependent(Resource r, RegionPair p, DataIndex ix, GapIndex g) {
        String who = label(r);
        if (g.missing(r.getAccountId(), r.getAwsRegion(), "backup")) {
            return Verdict.insufficientData(who + ": cannot list AWS Backup plans (" + g.why(r.getAccountId(), r.getAwsRegion(), "backup") + ").");
        }
        String weak = null;
        Resource unread = null;
        for (Resource plan : ix.plans(r.getAccountId(), r.getAwsRegion())) {
            // a plan whose selections could not be read may cover this store: only an independent
            // copy found elsewhere decides; otherwise the answer is unknown, not "uncovered"
            if (g.missingFor(plan, "backup")) {
                if (unread == null) unread = plan;
                continue;
            }
            if (plan.maps("selections").stream().noneMatch(sel -> selects(sel, r))) continue;
            String planName = plan.str("planName") != null ? plan.str("planName") : plan.getResourceName();
            for (Map<String, Object> rule : plan.maps("rules")) {
                for (Object o : rule.get("copyActions") instanceof List<?> l ? l : List.of()) {
                    if (!(o instanceof Map<?, ?> ca)) continue;
                    String dest = s(ca.get("destinationVaultArn"));
                    String reg = arnRegion(dest);
                    String acct = arnAccount(dest);
                    boolean otherPlace = (reg != null && !reg.equals(r.getAwsRegion())) || (acct != null && !acct.equals(r.getAccountId()));
                    if (otherPlace || lockedOrAirGapped(ix.byId(dest))) {
                        String where = reg != null && !reg.equals(r.getAwsRegion()) ? reg
                                : acct != null && !acct.equals(r.getAccountId()) ? "account " + acct : "a locked vault";
                        return Verdict.compliant(who + " is backed up by plan " + planName + " with a copy to vault "
                                + shortName(dest) + " in " + where + ".", null);
                    }
                }
                String vaultName = s(rule.get("targetVault"));
                Resource vault = ix.byId("arn:aws:backup:" + plan.getAwsRegion() + ":" + plan.getAccountId() + ":backup-vault:" + vaultName);
                if (vault == null) vault = ix.byName("AWS::Backup::BackupVault", plan.getAccountId(), plan.getAwsRegion(), vaultName);
                if (lockedOrAirGapped(vault)) {
                    return Verdict.compliant(who + " is backed up by plan " + planName + " to vault " + vaultName + ", which is "
                            + (vault.bool("locked") ? "locked" : "logically air-gapped") + ".", null);
                }
                if (weak == null) weak = "plan " + planName + " only to vault " + vaultName + " in " + plan.getAwsRegion();
            }
        }
        if (unread != null) {
            return Verdict.insufficientData(who + ": cannot read backup plan " + unread.getResourceName() + " (" + g.why(unread, "backup") + ").");
        }
        boolean replicated = !copiesIn(r, p.recovery, ix).isEmpty();
        if (weak != null) {
            return Verdict.nonCompliant(who + " is backed up by " + weak + ", which is neither locked nor copied to another region or account.", null);
        }
        return Verdict.nonCompliant(who + (replicated
                ? " relies on replication to " + p.recovery + " alone: no AWS Backup plan covers it, and replication copies deletions and corruption too."
                : " is not covered by any AWS Backup plan, so nothing protects it against deletion or corruption."), null);
    }
}

package io.failready.rules.capacity;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.Links;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.RecoverySide;
import io.failready.rules.api.Verdict;

import java.util.Locale;

import static io.failready.rules.api.CapacityMath.amount;

/**
 * RDS_RECOVERY_INSTANCE_CLASS_SUFFICIENT: the decision for one replication source in the primary
 * region. Scenarios are checked in the order the rule's DRL header lists them: a headless
 * secondary comes before the class checks, because it has no class and that is the finding, not
 * missing data.
 */
public final class RdsRecoveryInstanceClassSufficient {
    private RdsRecoveryInstanceClassSufficient() {}

    static final String SERVERLESS = "db.serverless";

    public static Verdict decide(Resource db, RegionPair p, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String who = Labels.of(db);
        String blind = RecoverySide.blind(db, rec, g, "rds");
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
        if (unknown != null) return Verdict.insufficientData(who + ": cannot compare with " + c.getName() + " in " + rec + " because the " + unknown + ".", c);
        if (classSmaller(dbClass(db), dbClass(c))) {
            return Verdict.nonCompliant(who + " runs " + dbClass(db) + " but its copy " + c.getName() + " in " + rec
                    + " runs the smaller " + dbClass(c) + ".", c);
        }
        return Verdict.compliant(who + " runs " + dbClass(db) + "; its copy " + c.getName() + " in " + rec + " runs " + dbClass(c) + ".", c);
    }

    /**
     * A database that is the source of its replication (judged), not a copy: a DB instance that
     * is neither an Aurora member nor a read replica; a cluster that is neither a cross-region
     * replica nor a global-database secondary. The DRL selects its subjects with it.
     */
    public static boolean replicationSource(Resource db) {
        if ("AWS::RDS::DBInstance".equals(db.getResourceType())) {
            return !db.has("dbClusterIdentifier") && !db.has("readReplicaSourceDBInstanceIdentifier");
        }
        return !db.has("replicationSourceIdentifier") && !(db.has("isGlobalWriter") && !db.bool("isGlobalWriter"));
    }

    /**
     * The instance class a database runs on: a DB instance's class; for an Aurora cluster its
     * writer's class, else the largest member class (a secondary cluster has readers only).
     * Null when the cluster has no instances (headless) or nothing was collected.
     */
    static String dbClass(Resource db) {
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

    /** A secondary Aurora cluster with no DB instances: it holds the data but serves nothing until instances are added. */
    static boolean headless(Resource db) {
        return "AWS::RDS::DBCluster".equals(db.getResourceType()) && db.has("instanceClasses")
                && db.list("instanceClasses").isEmpty() && !db.has("writerInstanceClass");
    }

    /**
     * Relative size of an instance class ("db.r6g.2xlarge"): vCPU-like units from the size
     * suffix, and a small bonus for memory-optimised (r, x, z) over general (m) over burstable (t)
     * families so that same-size downgrades count as smaller. -1 when the class is not of the
     * db.family.size form (for example db.serverless).
     */
    static double classSize(String cls) {
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
    static boolean classSmaller(String primary, String recovery) {
        double p = classSize(primary), r = classSize(recovery);
        return p >= 0 && r >= 0 && r < p;
    }

    /**
     * Aurora Serverless v2 on both sides: the class name says nothing about size, the clusters'
     * ServerlessV2ScalingConfiguration does. The recovery maximum must reach the primary's maximum
     * (the ceiling is what the load can grow to). The minimum is reported, not judged: Serverless v2
     * scales up in place within seconds, so a lower floor delays nothing a failover waits for.
     */
    private static Verdict serverlessCapacity(Resource db, Resource c, String who, String rec) {
        Double pMax = db.num("serverlessV2MaxCapacity"), rMax = c.num("serverlessV2MaxCapacity");
        Double pMin = db.num("serverlessV2MinCapacity"), rMin = c.num("serverlessV2MinCapacity");
        if (pMax == null || rMax == null) {
            return Verdict.insufficientData(who + ": both run db.serverless, but the Serverless v2 capacity range of "
                    + (pMax == null ? db.getName() : c.getName()) + " was not collected.", c);
        }
        String range = "Serverless v2 " + acu(pMin) + "-" + acu(pMax) + " ACUs; its copy " + c.getName() + " in " + rec + " scales "
                + acu(rMin) + "-" + acu(rMax) + " ACUs";
        if (rMax < pMax) return Verdict.nonCompliant(who + " runs " + range + ", a lower maximum.", c);
        return Verdict.compliant(who + " runs " + range
                + (rMin != null && pMin != null && rMin < pMin ? " (a lower minimum only means it starts smaller and scales up)" : "") + ".", c);
    }

    private static String acu(Double v) { return v == null ? "?" : amount(v); }

    /** Names what keeps the comparison from being made, or null. */
    private static String classUnknown(Resource primary, Resource recovery) {
        String p = dbClass(primary), r = dbClass(recovery);
        if (p == null) return "instance class of " + primary.getName() + " was not collected";
        if (r == null) return "instance class of " + recovery.getName() + " was not collected";
        if (p.equals(r) && !SERVERLESS.equals(p)) return null;
        if (classSize(p) < 0 || classSize(r) < 0) return "instance classes " + p + " and " + r + " cannot be compared";
        return null;
    }
}

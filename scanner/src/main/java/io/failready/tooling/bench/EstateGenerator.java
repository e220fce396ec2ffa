package io.failready.tooling.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.shard.Shard;
import io.failready.snapshot.Snapshot;
import io.failready.util.AtomicFiles;
import io.failready.util.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A synthetic estate for benchmarks: {@code accounts} accounts of exactly {@code perAccount}
 * resources each, primary us-east-1 and recovery eu-west-1, covering every resource type in
 * docs/resource-types.md with counterparts, replica links, alarms and lag metrics.
 *
 * <p>About 80% of the replicated units are healthy and 20% carry one planted problem (missing or
 * failed replica, lag over the RPO, missing alarm, smaller standby capacity, drifted version, a
 * Region switch plan needing action, a failed FIS experiment), plus a sprinkle of per-resource
 * collection gaps, so every compliance type shows up.
 *
 * <p>Deterministic: each account draws from its own random stream seeded by (seed, account
 * index), so the same seed gives byte-identical files, and an account's content does not depend
 * on how many other accounts there are. Written account by account in the canonical snapshot
 * order ({@link Snapshot#RESOURCE_ORDER}) with the same mapper as {@code SnapshotIO.write}, so a
 * 1M-resource file never has to be held in memory and reads back to the same bytes.
 */
public final class EstateGenerator {
    public static final String PRIMARY = "us-east-1";
    public static final String RECOVERY = "eu-west-1";
    public static final String COLLECTED_AT = "2026-11-20T06:00:00Z";
    public static final String WORKLOAD = "bench";
    /** Share of replicated units that carry a planted problem. */
    public static final double NON_COMPLIANT_SHARE = 0.20;
    /** Share of in-scope primaries whose detail call "failed" (a per-resource gap). */
    public static final double GAP_SHARE = 0.01;
    /** The per-account baseline (account, security services, DNS, roles, quotas) needs this many. */
    public static final int MIN_PER_ACCOUNT = 40;

    private final int accounts;
    private final int perAccount;
    private final long seed;

    public EstateGenerator(int accounts, int perAccount, long seed) {
        if (accounts < 1) throw new IllegalArgumentException("--accounts must be at least 1");
        if (perAccount < MIN_PER_ACCOUNT) {
            throw new IllegalArgumentException("--resources-per-account must be at least " + MIN_PER_ACCOUNT
                    + " (the per-account baseline: account, security services, DNS, roles, quotas)");
        }
        this.accounts = accounts;
        this.perAccount = perAccount;
        this.seed = seed;
    }

    public static String accountId(int index) { return String.format("%012d", 210_000_000_000L + index); }

    public List<String> accountIds() {
        List<String> ids = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) ids.add(accountId(i));
        return ids;
    }

    /** Only the accounts of this shard (null = all), as {@code collect --shard} would collect them. */
    public EstateGenerator shard(Shard s) {
        this.shard = s;
        return this;
    }

    private Shard shard;

    private boolean selected(int i) { return shard == null || shard.contains(accountId(i)); }

    /** One account's resources and gaps, sorted canonically. */
    public record Account(List<Resource> resources, List<CollectionGap> gaps) {}

    public Account account(int index) {
        AccountBuilder b = new AccountBuilder(index, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index));
        b.build();
        b.resources.sort(Snapshot.RESOURCE_ORDER);
        b.gaps.sort(Snapshot.GAP_ORDER);
        return new Account(b.resources, b.gaps);
    }

    /** Writes the snapshot (gzip when the name ends in .gz) atomically; returns the resource count. */
    public long write(Path file) throws IOException {
        boolean gz = file.getFileName().toString().endsWith(".gz");
        long[] count = {0};
        AtomicFiles.write(file, raw -> {
            OutputStream o = gz ? new GZIPOutputStream(raw, 1 << 16) : raw;
            JsonGenerator g = Json.MAPPER.createGenerator(o);
            g.setPrettyPrinter(Json.snapshotPrinter());  // the same bytes SnapshotIO.write gives
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("schemaVersion", Snapshot.SCHEMA_VERSION);
            g.writeFieldName("tool");
            Json.MAPPER.writeValue(g, new Snapshot.Tool("failready-bench", "1"));
            g.writeStringField("collectedAt", COLLECTED_AT);
            g.writeFieldName("collectionWindow");
            Json.MAPPER.writeValue(g, new Snapshot.Window("2026-11-20T05:41:07Z", COLLECTED_AT));
            g.writeFieldName("accounts");
            Json.MAPPER.writeValue(g, shard == null ? accountIds() : shard.select(accountIds()));
            g.writeFieldName("regions");
            Json.MAPPER.writeValue(g, List.of(RECOVERY, PRIMARY));
            List<CollectionGap> gaps = new ArrayList<>();
            g.writeArrayFieldStart("resources");
            for (int i = 0; i < accounts; i++) {
                if (!selected(i)) continue;
                Account a = account(i);
                for (Resource r : a.resources()) Json.MAPPER.writeValue(g, r);
                count[0] += a.resources().size();
                gaps.addAll(a.gaps());
            }
            g.writeEndArray();
            g.writeFieldName("collectionGaps");
            Json.MAPPER.writeValue(g, gaps);
            g.writeEndObject();
            g.flush();
            if (gz) ((GZIPOutputStream) o).finish();
        });
        return count[0];
    }

    /** The matching workload configuration: every account, scope by tag, the planted RPO and regions. */
    public String config() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Synthetic benchmark estate: ").append(accounts).append(" accounts x ").append(perAccount)
                .append(" resources, seed ").append(seed).append(" (failready bench generate).\n");
        sb.append("version: 1\nworkloads:\n  - name: ").append(WORKLOAD).append('\n');
        sb.append("    owner: bench@example.com\n");
        sb.append("    criticalWorkflows: [checkout, settlement]\n");
        sb.append("    accounts:\n");
        for (int i = 0; i < accounts; i++) {
            sb.append("      - {id: \"").append(accountId(i)).append("\", name: bench-").append(i).append(", roleName: failready-audit}\n");
        }
        sb.append("""
                    primaryRegion: us-east-1
                    recoveryRegions: [eu-west-1]
                    strategy: warm-standby
                    rto: 30m
                    rpo: 5m
                    scope:
                      tags:
                        app: [bench]
                    endpoints: [api.bench.example.com, web.bench.example.com]
                    matching:
                      logicalIdTag: failready:logical-id
                    classification:
                      tagKey: data-classification
                      required: false
                    residencyApprovals:
                      - dataClass: pci
                        regions: [us-east-1, eu-west-1]
                        approver: dpo@example.com
                        date: 2026-02-01
                        reference: DPA-BENCH-1
                        expires: 2099-02-01
                      - dataClass: internal
                        regions: [us-east-1, eu-west-1]
                        approver: dpo@example.com
                        date: 2026-02-01
                        reference: DPA-BENCH-2
                        expires: 2099-02-01
                    drills:
                      - date: 2026-10-01
                        observedRto: 25m
                        observedRpo: 2m
                        direction: us-east-1->eu-west-1
                    runbooks:
                      failover: https://wiki.example.com/bench/runbooks/failover
                    gate:
                      failOn: HIGH
                """);
        return sb.toString();
    }

    /** Builds one account. Unit kinds are drawn by weight until the account is full. */
    private final class AccountBuilder {
        final int index;
        final String acct;
        final SplittableRandom rnd;
        final List<Resource> resources = new ArrayList<>();
        final List<CollectionGap> gaps = new ArrayList<>();
        int unit;

        AccountBuilder(int index, SplittableRandom rnd) {
            this.index = index;
            this.acct = accountId(index);
            this.rnd = rnd;
        }

        /** Restore jobs of the account's restore testing plan, filled in as tables are generated. */
        final List<Map<String, Object>> restoreJobs = new ArrayList<>();
        int restorePlanAt = -1;

        Resource restoreTestingPlan() {
            return new Resource("AWS::Backup::RestoreTestingPlan", arn("backup", RECOVERY, "restore-testing-plan:bench_restores-" + index), "bench_restores",
                    acct, RECOVERY, Map.of(), cfg("planName", "bench_restores", "algorithm", "LATEST_WITHIN_WINDOW",
                            "includeVaults", List.of(arn("backup", RECOVERY, "backup-vault:bench-vault-euw1")), "recoveryPointTypes", List.of("SNAPSHOT"),
                            "selections", List.of(cfg("name", "tables", "protectedResourceType", "DynamoDB", "protectedResourceArns", List.of("*"),
                                    "stringEquals", List.of(cfg("key", "aws:ResourceTag/app", "value", "bench")))),
                            "restoreJobs", List.copyOf(restoreJobs)));
        }

        int left() { return perAccount - resources.size(); }

        void build() {
            baseline();
            // weights favour the common types; sizes are how many resources one unit adds
            while (left() > 0) {
                int room = left();
                int pick = rnd.nextInt(100);
                unit++;
                if (pick < 14 && room >= 4) s3();
                else if (pick < 26 && room >= 4) dynamodb();
                else if (pick < 32 && room >= 6) aurora();
                else if (pick < 36 && room >= 3) rdsInstance();
                else if (pick < 48 && room >= 2) secret();
                else if (pick < 56 && room >= 2) kms();
                else if (pick < 66 && room >= 2) lambda();
                else if (pick < 74 && room >= 2) ecs();
                else if (pick < 78 && room >= 2) asg();
                else if (pick < 84 && room >= 2) ecr();
                else if (pick < 86 && room >= 2) ssm();
                else if (pick < 89 && room >= 2) messagingOrCache();
                else if (pick < 91 && room >= 15) edge();
                else if (pick < 95 && room >= 1) outOfScope();
                else if (room >= 1) alarmOnly();
            }
            if (restorePlanAt >= 0) resources.set(restorePlanAt, restoreTestingPlan());
        }

        boolean bad() { return rnd.nextDouble() < NON_COMPLIANT_SHARE; }

        String name(String kind) { return "bench-" + kind + "-" + index + "-" + unit; }

        String arn(String service, String region, String rest) { return "arn:aws:" + service + ":" + region + ":" + acct + ":" + rest; }

        Map<String, String> tags(String logicalId, boolean pci) {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("app", "bench");
            t.put("failready:logical-id", logicalId);
            t.put("data-classification", pci ? "pci" : "internal");
            t.put("team", "team-" + (index % 7));
            return t;
        }

        Resource add(String type, String id, String name, String region, Map<String, String> tags, Map<String, Object> cfg) {
            Resource r = new Resource(type, id, name, acct, region, tags, cfg);
            resources.add(r);
            return r;
        }

        void maybeGap(String service, String op, String type, String id) {
            if (rnd.nextDouble() < GAP_SHARE) {
                gaps.add(new CollectionGap(acct, id.contains(":" + RECOVERY + ":") ? RECOVERY : PRIMARY, service, op, type, id,
                        "AccessDenied", "User is not authorized to perform " + service + ":" + op + " on " + id));
            }
        }

        /**
         * Measured failover evidence: an ARC Region switch plan with its evaluation and a completed
         * failover execution, and an FIS cross-region experiment with its template. Planted by account
         * index (no random draw, so the units after the baseline stay as they were): one account in ten
         * has a plan evaluation that requires action (an active warning), one in ten an evaluation of an
         * older plan version, one in ten a failed FIS experiment and one in ten only a dry run. Failures
         * are dated before the successes, so the workload's drill evidence stays good while each
         * planted plan problem shows in REGION_SWITCH_PLAN_READY.
         */
        void recoveryEvidence() {
            String plan = "bench-failover-" + index;
            String planArn = "arn:aws:arc-region-switch::" + acct + ":plan/" + plan + ":" + Integer.toHexString(0x100000 + index);
            boolean warned = index % 10 == 2, olderVersion = index % 10 == 7;
            List<Map<String, Object>> warnings = warned
                    ? List.of(cfg("workflow", "activate-" + RECOVERY, "workflowAction", "activate", "step", "scale-web",
                            "resourceArn", arn("autoscaling", RECOVERY, "autoScalingGroup:0:autoScalingGroupName/bench-web-" + index),
                            "status", "active", "updatedTime", "2026-11-20T05:30:00Z",
                            "message", "Maximum capacity 4 of the Auto Scaling group is below the 12 instances the step requests"))
                    : List.of();
            List<String> blocks = List.of("ManualApproval", "AuroraGlobalDatabase", "EC2AutoScaling", "Route53HealthCheck");
            add("AWS::ARCRegionSwitch::Plan", planArn, plan, Resource.GLOBAL, tags("rs-plan", false),
                    cfg("regions", List.of(PRIMARY, RECOVERY), "primaryRegion", PRIMARY, "recoveryApproach", "activePassive", "version", "3",
                            "updatedAt", "2026-11-01T10:00:00Z", "recoveryTimeObjectiveMinutes", 30,
                            "workflows", List.of(cfg("action", "activate", "targetRegion", RECOVERY, "executionBlocks", blocks),
                                    cfg("action", "activate", "targetRegion", PRIMARY, "executionBlocks", blocks)),
                            "evaluation", cfg("state", warned ? "actionRequired" : "passed", "lastEvaluationTime", "2026-11-20T05:30:00Z",
                                    "lastEvaluatedVersion", olderVersion ? "2" : "3", "region", RECOVERY, "warnings", warnings),
                            "executions", List.of(cfg("executionId", "rs-" + index + "-drill", "mode", "graceful", "state", "completed",
                                    "action", "activate", "region", RECOVERY, "version", "3", "startTime", "2026-11-05T09:00:00Z",
                                    "endTime", "2026-11-05T09:19:00Z", "actualRecoveryTime", "PT22M", "actualRecoverySeconds", 1320))));
            String template = "EXT" + Integer.toString(1_000_000 + index, 36);
            add("AWS::FIS::ExperimentTemplate", arn("fis", RECOVERY, "experiment-template/" + template), "bench-cross-region-cut", RECOVERY,
                    tags("fis-template", false), cfg("templateId", template,
                            "description", "Cut " + RECOVERY + " subnets off from " + PRIMARY + " for 10 minutes", "lastUpdateTime", "2026-10-01T08:00:00Z"));
            boolean failed = index % 10 == 3, dryRun = index % 10 == 8;
            String experiment = "EXP" + Integer.toString(2_000_000 + index, 36);
            String day = failed ? "2026-10-25" : "2026-11-10";
            add("AWS::FIS::Experiment", arn("fis", RECOVERY, "experiment/" + experiment), experiment, RECOVERY, tags("fis-experiment", false),
                    cfg("experimentId", experiment, "experimentTemplateId", template, "status", failed ? "failed" : "completed",
                            "reason", failed ? "Experiment failed: no target subnets matched the template's tags" : "Experiment completed.",
                            "creationTime", day + "T13:00:00Z", "actionsMode", dryRun ? "skip-all" : "run-all", "accountTargeting", "single-account",
                            "startTime", day + "T13:00:05Z", "endTime", day + "T13:12:40Z", "regions", List.of(RECOVERY, PRIMARY),
                            "targetResourceTypes", List.of("aws:ec2:subnet"), "actions", List.of("aws:network:route-table-disrupt-cross-region-connectivity")));
        }

        // ---- baseline: one of each account/region-level type, DNS, roles, quotas --------------

        void baseline() {
            Map<String, Object> opt = new LinkedHashMap<>();
            opt.put(PRIMARY, "ENABLED_BY_DEFAULT");
            opt.put(RECOVERY, index % 25 == 7 ? "DISABLED" : "ENABLED_BY_DEFAULT");
            add("AWS::::Account", acct, "bench-" + index, Resource.GLOBAL, Map.of(), cfg("accountName", "bench-" + index, "regionOptStatus", opt));
            for (String region : List.of(PRIMARY, RECOVERY)) {
                boolean rec = region.equals(RECOVERY);
                String det = "d" + Integer.toHexString(index * 31 + region.length());
                add("AWS::GuardDuty::Detector", arn("guardduty", region, "detector/" + det), det, region, Map.of(),
                        cfg("detectorId", det, "status", rec && index % 10 == 3 ? "DISABLED" : "ENABLED"));
                add("AWS::Config::ConfigurationRecorder", arn("config", region, "config-recorder/default"), "default", region, Map.of(),
                        cfg("name", "default", "recording", !(rec && index % 10 == 5), "allSupported", true));
                add("AWS::SecurityHub::Hub", arn("securityhub", region, "hub/default"), "default", region, Map.of(),
                        cfg("subscribedAt", "2025-01-01T00:00:00Z"));
                // some accounts also run the current Security Hub beside Security Hub CSPM
                if (index % 4 == 0) add("AWS::SecurityHub::HubV2", arn("securityhub", region, "hubv2/default"), "hubv2", region, Map.of(),
                        cfg("subscribedAt", "2026-01-01T00:00:00Z"));
                add("AWS::Lambda::AccountSettings", arn("lambda", region, "account-settings"), "account-settings", region, Map.of(),
                        cfg("concurrentExecutions", 1000, "unreservedConcurrentExecutions", 900));
                add("AWS::ECR::ReplicationConfiguration", "registry/" + acct, "registry", region, Map.of(),
                        rec ? cfg("rules", List.of())
                            : cfg("rules", List.of(cfg("destinations", List.of(cfg("region", RECOVERY, "registryId", acct)),
                                "repositoryFilters", List.of(cfg("filter", "bench-", "filterType", "PREFIX_MATCH"))))));
                String vault = "bench-vault-" + (rec ? "euw1" : "use1");
                add("AWS::Backup::BackupVault", arn("backup", region, "backup-vault:" + vault), vault, region, Map.of(),
                        cfg("vaultName", vault, "locked", true, "vaultType", "BACKUP_VAULT"));
                add("AWS::ServiceQuotas::Quota", arn("servicequotas", region, "ec2/L-1216C47A"), "L-1216C47A", region, Map.of(),
                        cfg("serviceCode", "ec2", "quotaCode", "L-1216C47A", "quotaName", "Running On-Demand Standard instances",
                                "value", rec && index % 8 == 1 ? 64 : 2048));
                add("AWS::ServiceQuotas::Quota", arn("servicequotas", region, "lambda/L-B99A9384"), "L-B99A9384", region, Map.of(),
                        cfg("serviceCode", "lambda", "quotaCode", "L-B99A9384", "quotaName", "Concurrent executions", "value", 1000));
                add("AWS::CloudWatch::Alarm", arn("cloudwatch", region, "alarm:bench-" + index + "-5xx"), "bench-" + index + "-5xx", region,
                        tags("alarm-5xx", false), cfg("namespace", "AWS/ApplicationELB", "metricName", "HTTPCode_Target_5XX_Count",
                                "dimensions", Map.of("LoadBalancer", "app/bench-" + index), "threshold", 10, "comparisonOperator",
                                "GreaterThanThreshold", "period", 60, "evaluationPeriods", 3, "actionsEnabled", true));
            }
            add("AWS::Backup::BackupPlan", arn("backup", PRIMARY, "backup-plan:bench-" + index), "bench-plan-" + index, PRIMARY, Map.of(),
                    cfg("planName", "bench-plan-" + index,
                            "rules", List.of(cfg("ruleName", "daily", "targetVault", "bench-vault-use1",
                                    "copyActions", index % 9 == 4 ? List.of()
                                            : List.of(cfg("destinationVaultArn", arn("backup", RECOVERY, "backup-vault:bench-vault-euw1"))))),
                            "selections", List.of(cfg("name", "tagged", "resources", List.of("*"), "notResources", List.of(),
                                    "tags", List.of(cfg("key", "app", "value", "bench"))))));
            // restore testing of the copies in the recovery region: its jobs are known once the tables are (end of build())
            restorePlanAt = resources.size();
            resources.add(restoreTestingPlan());
            recoveryEvidence();
            String trail = "bench-trail";
            add("AWS::CloudTrail::Trail", arn("cloudtrail", PRIMARY, "trail/" + trail), trail, PRIMARY, Map.of(),
                    cfg("homeRegion", PRIMARY, "isMultiRegionTrail", index % 12 != 6, "isOrganizationTrail", false, "isLogging", true,
                            "logFileValidationEnabled", true, "s3BucketName", "bench-trail-logs-" + acct));
            // IAM: a replication role and an application role whose policy names regions
            String role = "arn:aws:iam::" + acct + ":role/";
            add("AWS::IAM::Role", role + "bench-replication", "bench-replication", Resource.GLOBAL, tags("role-replication", false),
                    cfg("roleName", "bench-replication", "policies", List.of(cfg("name", "replicate", "kind", "inline",
                            "document", policy("s3:Replicate*", "*", null)))));
            add("AWS::IAM::Role", role + "bench-app", "bench-app", Resource.GLOBAL, tags("role-app", false),
                    cfg("roleName", "bench-app", "policies", List.of(cfg("name", "app", "kind", "inline",
                            "document", policy("dynamodb:*", "*", index % 11 == 2 ? List.of(PRIMARY) : List.of(PRIMARY, RECOVERY))))));
            // Route 53: a zone, two endpoints each with a PRIMARY/SECONDARY failover pair and health checks
            String zone = "Z" + String.format("%012d", 7_000_000_000L + index);
            add("AWS::Route53::HostedZone", zone, "bench-" + index + ".example.com", Resource.GLOBAL, Map.of(),
                    cfg("name", "bench-" + index + ".example.com", "privateZone", false));
            for (String ep : List.of("api", "web")) {
                String fqdn = ep + ".bench-" + index + ".example.com";
                for (String region : List.of(PRIMARY, RECOVERY)) {
                    boolean rec = region.equals(RECOVERY);
                    String hc = "hc-" + index + "-" + ep + "-" + (rec ? "euw1" : "use1");
                    add("AWS::Route53::HealthCheck", hc, hc, Resource.GLOBAL, tags("hc-" + ep, false),
                            cfg("type", "HTTPS", "fqdn", ep + "-" + region + ".lb.example.com", "resourcePath", "/health",
                                    "requestInterval", 30, "failureThreshold", 3, "inverted", false,
                                    "disabled", rec && index % 13 == 9, "targetRegion", region));
                    String set = rec ? "secondary" : "primary";
                    Map<String, Object> rc = cfg("hostedZoneId", zone, "name", fqdn, "type", "A", "setIdentifier", set,
                            "failover", rec ? "SECONDARY" : "PRIMARY",
                            "aliasTarget", cfg("dnsName", ep + "-" + region + ".lb.example.com", "evaluateTargetHealth", true, "hostedZoneId", "ZLB" + region.length()),
                            "targetRegion", region);
                    if (!(rec && index % 17 == 5)) rc.put("healthCheckId", hc);
                    add("AWS::Route53::RecordSet", zone + "/" + fqdn + "/A/" + set, fqdn, Resource.GLOBAL, tags("dns-" + ep, false), rc);
                }
            }
            // a plain CNAME with a long TTL now and then (TTL rule)
            String cname = "status.bench-" + index + ".example.com";
            add("AWS::Route53::RecordSet", zone + "/" + cname + "/CNAME/-", cname, Resource.GLOBAL, tags("dns-status", false),
                    cfg("hostedZoneId", zone, "name", cname, "type", "CNAME", "ttl", index % 5 == 0 ? 3600 : 60,
                            "resourceRecords", List.of("status.example.net"), "targetRegion", PRIMARY));
        }

        Map<String, Object> policy(String action, String resource, List<String> regions) {
            Map<String, Object> stmt = cfg("Effect", "Allow", "Action", action, "Resource", resource);
            if (regions != null) stmt.put("Condition", cfg("StringEquals", cfg("aws:RequestedRegion", regions)));
            return cfg("Version", "2012-10-17", "Statement", List.of(stmt));
        }

        // ---- units: a primary resource, its counterpart, and what watches the link -----------

        void s3() {
            String n = name("s3");
            boolean bad = bad();
            int flaw = rnd.nextInt(4);
            String src = "arn:aws:s3:::" + n + "-use1";
            String dst = "arn:aws:s3:::" + n + "-euw1";
            Map<String, Object> p = cfg("versioning", "Enabled", "encryption", cfg("sseAlgorithm", "aws:kms",
                    "kmsMasterKeyId", arn("kms", PRIMARY, "key/mrk-" + n)));
            if (!(bad && flaw == 0)) {
                p.put("replication", cfg("role", "arn:aws:iam::" + acct + ":role/bench-replication",
                        "rules", List.of(cfg("id", "to-dr", "status", "Enabled", "priority", 1, "destinationBucketArn", dst,
                                "destinationAccount", acct, "destinationRegion", RECOVERY,
                                "replicationTimeControl", !(bad && flaw == 1), "metrics", !(bad && flaw == 1),
                                "sseKmsEncryptedObjects", "Enabled", "replicaKmsKeyId", arn("kms", RECOVERY, "key/mrk-" + n)))));
                p.put("replicaLinks", List.of(cfg("region", RECOVERY, "resourceId", dst, "resourceName", n + "-euw1", "kind", "s3-replication")));
            }
            add("AWS::S3::Bucket", src, n + "-use1", PRIMARY, tags(n, rnd.nextBoolean()), p);
            add("AWS::S3::Bucket", dst, n + "-euw1", RECOVERY, tags(n, false), cfg("versioning", "Enabled",
                    "encryption", cfg("sseAlgorithm", "aws:kms", "kmsMasterKeyId", arn("kms", RECOVERY, "key/mrk-" + n))));
            maybeGap("s3", "GetBucketReplication", "AWS::S3::Bucket", src);
            lag(src, n, "AWS/S3", "ReplicationLatency", bad && flaw == 2 ? 1800 : 12 + rnd.nextInt(60));
            if (!(bad && flaw == 3)) {
                // S3 publishes ReplicationLatency in the destination region
                alarm(n + "-replication-latency", RECOVERY, "AWS/S3", "ReplicationLatency", Map.of("SourceBucket", n + "-use1", "DestinationBucket", n + "-euw1"));
            } else {
                outOfScope();
            }
        }

        void dynamodb() {
            String n = name("ddb");
            boolean bad = bad();
            int flaw = rnd.nextInt(4);
            String p = arn("dynamodb", PRIMARY, "table/" + n);
            String r = arn("dynamodb", RECOVERY, "table/" + n);
            String status = bad && flaw == 0 ? "CREATION_FAILED" : "ACTIVE";
            Map<String, Object> pc = cfg("tableStatus", "ACTIVE", "billingMode", "PROVISIONED", "readCapacity", 200, "writeCapacity", 100,
                    "autoScaling", cfg("maxRead", 4000, "maxWrite", 2000), "globalTableVersion", "2019.11.21",
                    "replicas", List.of(cfg("regionName", RECOVERY, "status", status)), "pitr", true, "sseType", "KMS",
                    "replicaLinks", List.of(cfg("region", RECOVERY, "resourceId", r, "resourceName", n, "status", status, "kind", "dynamodb-replica")));
            add("AWS::DynamoDB::Table", p, n, PRIMARY, tags(n, rnd.nextBoolean()), pc);
            boolean restoreFailed = unit % 5 == 0;
            restoreJobs.add(cfg("restoreJobId", n + "-restore", "sourceResourceArn", p, "resourceType", "DynamoDB",
                    "status", restoreFailed ? "FAILED" : "COMPLETED",
                    "statusMessage", restoreFailed ? "Restore failed: the restore role may not use the table's KMS key" : null,
                    "creationDate", "2026-11-14T03:00:00Z", "completionDate", "2026-11-14T03:40:00Z"));
            add("AWS::DynamoDB::Table", r, n, RECOVERY, tags(n, false), cfg("tableStatus", "ACTIVE", "billingMode", "PROVISIONED",
                    "readCapacity", 200, "writeCapacity", 100,
                    "autoScaling", cfg("maxRead", bad && flaw == 1 ? 400 : 4000, "maxWrite", 2000),
                    "globalTableVersion", "2019.11.21", "replicas", List.of(cfg("regionName", PRIMARY, "status", "ACTIVE")),
                    "pitr", !(bad && flaw == 2), "sseType", "KMS"));
            maybeGap("dynamodb", "DescribeContinuousBackups", "AWS::DynamoDB::Table", p);
            lag(p, n, "AWS/DynamoDB", "ReplicationLatency", bad && flaw == 3 ? 900 : 1 + rnd.nextInt(5));
            alarm(n + "-replication-latency", "AWS/DynamoDB", "ReplicationLatency", Map.of("TableName", n, "ReceivingRegion", RECOVERY));
        }

        void aurora() {
            String n = name("aurora");
            boolean bad = bad();
            int flaw = rnd.nextInt(3);
            String pc = arn("rds", PRIMARY, "cluster:" + n + "-use1");
            String rc = arn("rds", RECOVERY, "cluster:" + n + "-euw1");
            String global = n + "-global";
            boolean member = !(bad && flaw == 0);
            add("AWS::RDS::DBCluster", pc, n + "-use1", PRIMARY, tags(n, true), cfg("engine", "aurora-postgresql",
                    "globalClusterIdentifier", member ? global : null,
                    "globalClusterMembers", member ? List.of(cfg("dbClusterArn", pc, "isWriter", true, "region", PRIMARY),
                            cfg("dbClusterArn", rc, "isWriter", false, "region", RECOVERY)) : List.of(),
                    "isGlobalWriter", member, "storageEncrypted", true, "kmsKeyId", arn("kms", PRIMARY, "key/mrk-" + n),
                    "writerInstanceClass", "db.r6g.2xlarge", "instanceClasses", List.of("db.r6g.2xlarge"), "backupRetentionPeriod", 7,
                    "replicaLinks", member ? List.of(cfg("region", RECOVERY, "resourceId", rc, "status", "available", "kind", "aurora-global")) : List.of()));
            add("AWS::RDS::DBCluster", rc, n + "-euw1", RECOVERY, tags(n, true), cfg("engine", "aurora-postgresql",
                    "globalClusterIdentifier", member ? global : null, "isGlobalWriter", false, "storageEncrypted", true,
                    "kmsKeyId", arn("kms", RECOVERY, "key/mrk-" + n),
                    "writerInstanceClass", bad && flaw == 1 ? "db.r6g.large" : "db.r6g.2xlarge",
                    "instanceClasses", List.of(bad && flaw == 1 ? "db.r6g.large" : "db.r6g.2xlarge"), "backupRetentionPeriod", 7));
            add("AWS::RDS::DBInstance", arn("rds", PRIMARY, "db:" + n + "-use1-1"), n + "-use1-1", PRIMARY, tags(n + "-i1", true),
                    cfg("engine", "aurora-postgresql", "dbInstanceClass", "db.r6g.2xlarge", "dbClusterIdentifier", n + "-use1",
                            "storageEncrypted", true));
            add("AWS::RDS::DBInstance", arn("rds", RECOVERY, "db:" + n + "-euw1-1"), n + "-euw1-1", RECOVERY, tags(n + "-i1", true),
                    cfg("engine", "aurora-postgresql", "dbInstanceClass", "db.r6g.2xlarge", "dbClusterIdentifier", n + "-euw1",
                            "storageEncrypted", true));
            lag(pc, n, "AWS/RDS", "AuroraGlobalDBReplicationLag", bad && flaw == 2 ? 720 : 1 + rnd.nextInt(3));
            alarm(n + "-global-lag", "AWS/RDS", "AuroraGlobalDBReplicationLag", Map.of("DBClusterIdentifier", n + "-use1"));
        }

        void rdsInstance() {
            String n = name("rds");
            boolean bad = bad();
            String p = arn("rds", PRIMARY, "db:" + n);
            String r = arn("rds", RECOVERY, "db:" + n + "-replica");
            Map<String, Object> pc = cfg("engine", "postgres", "dbInstanceClass", "db.m6g.xlarge", "storageEncrypted", true,
                    "kmsKeyId", arn("kms", PRIMARY, "key/mrk-" + n), "backupRetentionPeriod", 7,
                    "automatedBackupReplications", List.of(cfg("region", RECOVERY, "arn", arn("rds", RECOVERY, "auto-backup:" + n))));
            if (!bad) {
                pc.put("readReplicaDBInstanceIdentifiers", List.of(r));
                pc.put("replicaLinks", List.of(cfg("region", RECOVERY, "resourceId", r, "status", "replicating", "kind", "rds-read-replica")));
            } else {
                pc.put("readReplicaDBInstanceIdentifiers", List.of());
            }
            add("AWS::RDS::DBInstance", p, n, PRIMARY, tags(n, true), pc);
            add("AWS::RDS::DBInstance", r, n + "-replica", RECOVERY, tags(n, true), cfg("engine", "postgres", "dbInstanceClass", "db.m6g.xlarge",
                    "readReplicaSourceDBInstanceIdentifier", bad ? null : p, "storageEncrypted", true,
                    "kmsKeyId", arn("kms", RECOVERY, "key/mrk-" + n), "backupRetentionPeriod", 7));
            lag(p, n, "AWS/RDS", "ReplicaLag", 1 + rnd.nextInt(20));
        }

        void secret() {
            String n = "bench/" + index + "/secret-" + unit;
            boolean bad = bad();
            int flaw = rnd.nextInt(2);
            String id = arn("secretsmanager", PRIMARY, "secret:" + n + "-AbCdEf");
            String rid = arn("secretsmanager", RECOVERY, "secret:" + n + "-AbCdEf");
            String status = bad && flaw == 0 ? "Failed" : "InSync";
            Map<String, Object> pc = cfg("name", n, "kmsKeyId", arn("kms", PRIMARY, "key/mrk-" + index), "rotationEnabled", true);
            if (!(bad && flaw == 1)) {
                pc.put("replicationStatus", List.of(cfg("region", RECOVERY, "status", status, "kmsKeyId", arn("kms", RECOVERY, "key/mrk-" + index))));
                pc.put("replicaLinks", List.of(cfg("region", RECOVERY, "resourceId", rid, "resourceName", n, "status", status, "kind", "secretsmanager-replica")));
            }
            add("AWS::SecretsManager::Secret", id, n, PRIMARY, tags("secret-" + unit, rnd.nextBoolean()), pc);
            if (bad && flaw == 1) {
                // no replica: the recovery region holds something unrelated instead
                add("AWS::SecretsManager::Secret", arn("secretsmanager", RECOVERY, "secret:" + n + "-old-XyZ"), n + "-old", RECOVERY,
                        Map.of("app", "other"), cfg("name", n + "-old", "rotationEnabled", false));
            } else {
                add("AWS::SecretsManager::Secret", rid, n, RECOVERY, tags("secret-" + unit, false),
                        cfg("name", n, "kmsKeyId", arn("kms", RECOVERY, "key/mrk-" + index), "primaryRegion", PRIMARY, "rotationEnabled", true));
            }
            maybeGap("secretsmanager", "DescribeSecret", "AWS::SecretsManager::Secret", id);
        }

        void kms() {
            String n = name("key");
            boolean bad = bad();
            int flaw = rnd.nextInt(2);
            String keyId = "mrk-" + Long.toHexString(rnd.nextLong() & 0xffffffffffffL);
            String p = arn("kms", PRIMARY, "key/" + keyId);
            String r = arn("kms", RECOVERY, "key/" + keyId);
            String pol = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Admin\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + acct
                    + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
            add("AWS::KMS::Key", p, n, PRIMARY, tags(n, false), cfg("keyId", keyId, "keyManager", "CUSTOMER", "keyState", "Enabled",
                    "multiRegion", true, "multiRegionKeyType", "PRIMARY", "replicaKeyArns", List.of(r), "aliases", List.of("alias/" + n),
                    "policy", pol, "replicaLinks", List.of(cfg("region", RECOVERY, "resourceId", r, "kind", "kms-replica"))));
            add("AWS::KMS::Key", r, n, RECOVERY, tags(n, false), cfg("keyId", keyId, "keyManager", "CUSTOMER",
                    "keyState", bad && flaw == 0 ? "PendingDeletion" : "Enabled", "multiRegion", true, "multiRegionKeyType", "REPLICA",
                    "primaryKeyArn", p, "aliases", List.of("alias/" + n),
                    "policy", bad && flaw == 1 ? pol.replace("kms:*", "kms:Describe*") : pol));
        }

        void lambda() {
            String n = name("fn");
            boolean bad = bad();
            int flaw = rnd.nextInt(3);
            String sha = Long.toHexString(rnd.nextLong());
            Map<String, Object> env = cfg("TABLE", n + "-table", "REGION_HINT", "us-east-1", "DB_PASSWORD", "[REDACTED]");
            add("AWS::Lambda::Function", arn("lambda", PRIMARY, "function:" + n), n, PRIMARY, tags(n, false), cfg("runtime", "java17",
                    "codeSha256", sha, "version", "$LATEST", "versionTag", "1.4." + unit % 10, "reservedConcurrency", 100,
                    "role", "arn:aws:iam::" + acct + ":role/bench-app", "environment", env));
            Map<String, Object> renv = new LinkedHashMap<>(env);
            renv.put("REGION_HINT", bad && flaw == 2 ? "us-east-1" : RECOVERY);
            add("AWS::Lambda::Function", arn("lambda", RECOVERY, "function:" + n), n, RECOVERY, tags(n, false), cfg("runtime", "java17",
                    "codeSha256", bad && flaw == 0 ? Long.toHexString(rnd.nextLong()) : sha, "version", "$LATEST",
                    "versionTag", bad && flaw == 0 ? "1.3.9" : "1.4." + unit % 10, "reservedConcurrency", bad && flaw == 1 ? 5 : 100,
                    "role", "arn:aws:iam::" + acct + ":role/bench-app", "environment", renv));
        }

        void ecs() {
            String n = name("svc");
            boolean bad = bad();
            int flaw = rnd.nextInt(2);
            String digest = "sha256:" + Long.toHexString(rnd.nextLong());
            for (String region : List.of(PRIMARY, RECOVERY)) {
                boolean rec = region.equals(RECOVERY);
                String d = rec && bad && flaw == 0 ? "sha256:" + Long.toHexString(rnd.nextLong()) : digest;
                add("AWS::ECS::Service", arn("ecs", region, "service/bench-" + index + "/" + n), n, region, tags(n, false),
                        cfg("clusterArn", arn("ecs", region, "cluster/bench-" + index), "desiredCount", rec ? 2 : 6, "runningCount", rec ? 2 : 6,
                                "taskDefinition", arn("ecs", region, "task-definition/" + n + ":3"),
                                "images", List.of(cfg("container", "app", "image", acct + ".dkr.ecr." + region + ".amazonaws.com/" + n + ":1.4", "digest", d)),
                                "autoScaling", cfg("minCapacity", 2, "maxCapacity", rec && bad && flaw == 1 ? 3 : 12)));
            }
        }

        /** A load-balanced, certificate-fronted, API- and CDN-exposed service in its VPC; a bad unit misses a piece in the recovery region. */
        void edge() {
            String n = name("edge");
            boolean bad = bad();
            int flaw = rnd.nextInt(4);
            String vpcP = "vpc-" + Long.toHexString(0x1000000L + index * 10000L + unit), vpcR = vpcP + "r";
            List<String> eps = List.of("ecr.api", "ecr.dkr", "sqs");
            for (String region : List.of(PRIMARY, RECOVERY)) {
                boolean rec = region.equals(RECOVERY);
                List<String> zones = rec && bad && flaw == 0 ? List.of(region + "a") : List.of(region + "a", region + "b", region + "c");
                add("AWS::EC2::VPC", arn("ec2", region, "vpc/" + (rec ? vpcR : vpcP)), n, region, tags(n, false),
                        cfg("vpcId", rec ? vpcR : vpcP, "isDefault", false, "zones", zones, "egressZones", zones, "natGatewayZones", zones,
                                "interfaceEndpointServices", eps));
                String cert = arn("acm", region, "certificate/" + n);
                add("AWS::CertificateManager::Certificate", cert, n + ".example.com", region, Map.of(),
                        cfg("domainName", n + ".example.com", "subjectAlternativeNames", List.of(n + ".example.com"),
                                "status", rec && bad && flaw == 1 ? "PENDING_VALIDATION" : "ISSUED", "type", "AMAZON_ISSUED",
                                "notAfter", "2027-10-01T00:00:00Z", "renewalEligibility", "ELIGIBLE", "inUseBy", List.of()));
                String lb = arn("elasticloadbalancing", region, "loadbalancer/app/" + n + "/" + unit);
                add("AWS::ElasticLoadBalancingV2::LoadBalancer", lb, n, region, tags(n, false),
                        cfg("type", "application", "state", "active", "vpcId", rec ? vpcR : vpcP,
                                "listeners", List.of(cfg("port", 443, "protocol", "HTTPS", "certificateArns", List.of(cert)))));
                add("AWS::ElasticLoadBalancingV2::TargetGroup", arn("elasticloadbalancing", region, "targetgroup/" + n + "/" + unit), n, region, tags(n, false),
                        cfg("loadBalancerArns", List.of(lb), "registeredTargets", rec && bad && flaw == 2 ? 0 : 3, "healthyTargets", rec && bad && flaw == 2 ? 0 : 3));
                String api = (rec ? "r" : "p") + Long.toHexString(unit);
                add("AWS::ApiGateway::RestApi", "arn:aws:apigateway:" + region + "::/restapis/" + api, n, region, tags(n, false), cfg("apiId", api));
                add("AWS::ApiGatewayV2::DomainName", "arn:aws:apigateway:" + region + "::/domainnames/api." + n + ".example.com", "api." + n + ".example.com",
                        region, Map.of(), cfg("domainName", "api." + n + ".example.com", "endpointType", "REGIONAL", "certificateArn", cert, "status", "AVAILABLE",
                                "apiMappings", List.of(cfg("apiId", api, "apiName", n, "stage", rec && bad && flaw == 3 ? "staging" : "prod", "apiMappingKey", ""))));
            }
            add("AWS::ApiGatewayV2::Api", "arn:aws:apigateway:" + PRIMARY + "::/apis/h" + Long.toHexString(unit), n + "-http", PRIMARY, tags(n, false),
                    cfg("apiId", "h" + Long.toHexString(unit), "protocolType", "HTTP"));
            add("AWS::CloudFront::Distribution", "arn:aws:cloudfront::" + acct + ":distribution/E" + Long.toHexString(unit).toUpperCase() + index, n, Resource.GLOBAL,
                    tags(n, false), cfg("origins", List.of(cfg("id", "p", "region", PRIMARY), cfg("id", "r", "region", RECOVERY)),
                            "originGroups", bad ? List.of() : List.of(cfg("id", "g", "members", List.of("p", "r"), "failoverStatusCodes", List.of(500, 502, 503, 504))),
                            "cacheBehaviors", List.of(cfg("pathPattern", "*", "targetOriginId", bad ? "p" : "g"))));
        }

        void asg() {
            String n = name("asg");
            boolean bad = bad();
            add("AWS::AutoScaling::AutoScalingGroup", arn("autoscaling", PRIMARY, "autoScalingGroup:" + unit + ":autoScalingGroupName/" + n), n,
                    PRIMARY, tags(n, false), cfg("minSize", 4, "maxSize", 12, "desiredCapacity", 6));
            add("AWS::AutoScaling::AutoScalingGroup", arn("autoscaling", RECOVERY, "autoScalingGroup:" + unit + ":autoScalingGroupName/" + n), n,
                    RECOVERY, tags(n, false), cfg("minSize", 1, "maxSize", bad ? 2 : 12, "desiredCapacity", 1));
        }

        void ecr() {
            String n = name("repo");
            boolean bad = bad();
            // a repository outside the replication filter prefix ("bench-") is not replicated
            String repo = bad ? "legacy-" + n : n;
            // image digests as the collector lists them (DescribeImages, capped); no ECS service runs these
            // repositories here, so the digest check has nothing to compare and the verdicts are unchanged
            String digest = "sha256:" + Long.toHexString(rnd.nextLong());
            add("AWS::ECR::Repository", arn("ecr", PRIMARY, "repository/" + repo), repo, PRIMARY, tags(n, false),
                    cfg("repositoryName", repo, "registryId", acct, "imageDigests", List.of(digest), "imageDigestsCapped", false));
            add("AWS::ECR::Repository", arn("ecr", RECOVERY, "repository/" + repo), repo, RECOVERY, tags(n, false),
                    cfg("repositoryName", repo, "registryId", acct, "imageDigests", List.of(digest), "imageDigestsCapped", false));
        }

        void ssm() {
            String n = "/bench/" + index + "/param-" + unit;
            boolean bad = bad();
            add("AWS::SSM::Parameter", arn("ssm", PRIMARY, "parameter" + n), n, PRIMARY, tags("param-" + unit, false),
                    cfg("name", n, "type", "String", "value", "endpoint-" + PRIMARY));
            String rn = bad ? n + "-stale" : n;
            add("AWS::SSM::Parameter", arn("ssm", RECOVERY, "parameter" + rn), rn, RECOVERY,
                    bad ? Map.of("app", "other") : tags("param-" + unit, false),
                    cfg("name", rn, "type", "String", "value", "endpoint-" + RECOVERY));
        }

        /** One primary/recovery pair of a catalog-2 type (queue, topic, rule, file system, cache, cluster), by turns. */
        void messagingOrCache() {
            boolean bad = bad();
            switch (unit % 8) {
                case 0 -> {
                    String n = name("queue");
                    for (String region : List.of(PRIMARY, RECOVERY)) {
                        add("AWS::SQS::Queue", arn("sqs", region, n), n, region, tags(n, false), cfg("queueName", n, "fifo", false,
                                "messageRetentionPeriod", bad && region.equals(RECOVERY) ? 3600 : 345600, "visibilityTimeout", 60,
                                "sqsManagedSseEnabled", true));
                    }
                }
                case 1 -> {
                    String n = name("topic");
                    for (String region : List.of(PRIMARY, RECOVERY)) {
                        add("AWS::SNS::Topic", arn("sns", region, n), n, region, tags(n, false), cfg("topicName", n, "fifo", false,
                                "subscriptions", List.of(cfg("protocol", "sqs", "confirmed", !(bad && region.equals(RECOVERY))))));
                    }
                }
                case 2 -> {
                    String n = name("rule");
                    for (String region : List.of(PRIMARY, RECOVERY)) {
                        String target = bad ? PRIMARY : region;
                        add("AWS::Events::Rule", arn("events", region, "rule/bench/" + n), n, region, tags(n, false), cfg("ruleName", n,
                                "eventBusName", "bench", "eventBusArn", arn("events", region, "event-bus/bench"), "state", "ENABLED",
                                "scheduleExpression", "rate(5 minutes)", "targets", List.of(cfg("id", "t", "arn", arn("lambda", target, "function:" + n),
                                        "region", target, "service", "lambda"))));
                    }
                    // a global endpoint over another bus: listed, but it serves none of these rules
                    if (left() > 0) add("AWS::Events::Endpoint", arn("events", PRIMARY, "endpoint/" + n), n, PRIMARY, Map.of(), cfg("state", "ACTIVE",
                            "secondaryRegion", RECOVERY, "eventBusArns", List.of(arn("events", PRIMARY, "event-bus/archive"),
                                    arn("events", RECOVERY, "event-bus/archive")), "regions", List.of(PRIMARY, RECOVERY)));
                }
                case 3 -> {
                    String src = "fs-" + String.format("%017x", (long) index * 100_000 + unit);
                    String dst = "fs-" + String.format("%017x", (long) index * 100_000 + unit + 50_000);
                    String n = name("fs");
                    String dstArn = arn("elasticfilesystem", RECOVERY, "file-system/" + dst);
                    add("AWS::EFS::FileSystem", arn("elasticfilesystem", PRIMARY, "file-system/" + src), n + "-use1", PRIMARY, tags(n, false),
                            cfg("fileSystemId", src, "lifeCycleState", "available", "encrypted", true,
                                    "replicationDestinations", List.of(cfg("fileSystemId", dst, "fileSystemArn", dstArn, "region", RECOVERY,
                                            "ownerId", acct, "status", bad ? "PAUSED" : "ENABLED")),
                                    "replicaLinks", List.of(cfg("region", RECOVERY, "resourceId", dstArn, "status", bad ? "PAUSED" : "ENABLED", "kind", "efs-replication"))));
                    add("AWS::EFS::FileSystem", dstArn, n + "-euw1", RECOVERY, tags(n, false), cfg("fileSystemId", dst, "lifeCycleState", "available",
                            "encrypted", true, "replicationOverwriteProtection", "REPLICATING", "replicationDestinations", List.of(),
                            "replicationSource", cfg("fileSystemId", src, "region", PRIMARY)));
                }
                case 4 -> {
                    String n = name("cache");
                    String gd = "ldgnf-" + n;
                    List<Map<String, Object>> members = List.of(
                            cfg("replicationGroupId", n + "-use1", "region", PRIMARY, "role", "PRIMARY", "status", "associated"),
                            cfg("replicationGroupId", n + "-euw1", "region", RECOVERY, "role", "SECONDARY", "status", bad ? "associating" : "associated"));
                    for (String region : List.of(PRIMARY, RECOVERY)) {
                        String id = n + (region.equals(PRIMARY) ? "-use1" : "-euw1");
                        add("AWS::ElastiCache::ReplicationGroup", arn("elasticache", region, "replicationgroup:" + id), id, region, tags(n, false),
                                cfg("replicationGroupId", id, "status", "available", "engine", "valkey", "globalReplicationGroupId", gd,
                                        "globalReplicationGroupMemberRole", region.equals(PRIMARY) ? "PRIMARY" : "SECONDARY",
                                        "globalDatastore", cfg("id", gd, "members", members)));
                    }
                }
                case 6, 7 -> {
                    boolean docdb = unit % 8 == 6;
                    String type = docdb ? "AWS::DocDB::DBCluster" : "AWS::Neptune::DBCluster";
                    String n = name(docdb ? "docs" : "graph");
                    String pArn = arn("rds", PRIMARY, "cluster:" + n + "-use1");
                    String rArn = arn("rds", bad ? "us-west-2" : RECOVERY, "cluster:" + n + "-dr");
                    List<Map<String, Object>> members = List.of(cfg("dbClusterArn", pArn, "isWriter", true, "region", PRIMARY),
                            cfg("dbClusterArn", rArn, "isWriter", false, "region", bad ? "us-west-2" : RECOVERY));
                    add(type, pArn, n + "-use1", PRIMARY, tags(n, false), cfg("engine", docdb ? "docdb" : "neptune", "status", "available",
                            "globalClusterIdentifier", n, "globalClusterMembers", members, "isGlobalWriter", true,
                            "replicaLinks", List.of(cfg("region", bad ? "us-west-2" : RECOVERY, "resourceId", rArn, "kind", "global-cluster-member"))));
                    if (!bad) {
                        add(type, rArn, n + "-dr", RECOVERY, tags(n, false), cfg("engine", docdb ? "docdb" : "neptune", "status", "available",
                                "globalClusterIdentifier", n, "globalClusterMembers", members, "isGlobalWriter", false, "replicationSourceIdentifier", pArn));
                    } else {
                        add(type, arn("rds", RECOVERY, "cluster:" + n + "-stale"), n + "-stale", RECOVERY, tags(n + "-stale", false),
                                cfg("engine", docdb ? "docdb" : "neptune", "status", "available"));
                    }
                }
                default -> {
                    String n = name("eks");
                    for (String region : List.of(PRIMARY, RECOVERY)) {
                        int max = region.equals(PRIMARY) ? 40 : bad ? 2 : 20;
                        add("AWS::EKS::Cluster", arn("eks", region, "cluster/" + n), n, region, tags(n, false), cfg("clusterName", n,
                                "status", "ACTIVE", "version", "1.31", "fargateProfiles", List.of(), "nodegroups", List.of(cfg("name", "general",
                                        "status", "ACTIVE", "minSize", 1, "maxSize", max, "desiredSize", region.equals(PRIMARY) ? 10 : 2))));
                    }
                }
            }
        }

        /** Something in the accounts that belongs to another team: never evaluated for this workload. */
        void outOfScope() {
            String n = "other-" + index + "-" + unit;
            add("AWS::SSM::Parameter", arn("ssm", unit % 2 == 0 ? PRIMARY : RECOVERY, "parameter/other/" + n), "/other/" + n,
                    unit % 2 == 0 ? PRIMARY : RECOVERY, Map.of("app", "other"), cfg("name", "/other/" + n, "type", "String", "value", "x"));
        }

        void alarmOnly() {
            String n = name("alarm");
            String region = rnd.nextBoolean() ? PRIMARY : RECOVERY;
            add("AWS::CloudWatch::Alarm", arn("cloudwatch", region, "alarm:" + n), n, region, tags(n, false),
                    cfg("namespace", "AWS/Lambda", "metricName", "Errors", "dimensions", Map.of("FunctionName", n), "threshold", 1,
                            "comparisonOperator", "GreaterThanOrEqualToThreshold", "period", 60, "evaluationPeriods", 1, "actionsEnabled", true));
        }

        void lag(String source, String n, String ns, String metric, int maxSeconds) {
            add("Failready::CloudWatch::ReplicationLag", source + "#" + RECOVERY, n + "-lag", PRIMARY, Map.of("app", "bench"),
                    cfg("sourceResourceId", source, "destinationRegion", RECOVERY, "namespace", ns, "metricName", metric,
                            "unit", "Seconds", "maxSeconds", maxSeconds, "datapoints", 60, "lookbackMinutes", 60));
        }

        void alarm(String n, String ns, String metric, Map<String, String> dims) { alarm(n, PRIMARY, ns, metric, dims); }

        void alarm(String n, String region, String ns, String metric, Map<String, String> dims) {
            add("AWS::CloudWatch::Alarm", arn("cloudwatch", region, "alarm:" + n), n, region, tags(n, false),
                    cfg("namespace", ns, "metricName", metric, "dimensions", dims, "threshold", 300, "comparisonOperator",
                            "GreaterThanThreshold", "period", 60, "evaluationPeriods", 5, "actionsEnabled", true));
        }
    }

    /** An insertion-ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}

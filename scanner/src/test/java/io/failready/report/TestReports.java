package io.failready.report;

import io.failready.model.Report;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.evaluate.Scoring;
import io.failready.model.Severity;
import io.failready.evaluate.WorkloadResult;
import io.failready.facts.CollectionGap;
import io.failready.facts.RegionPair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Synthetic reports for the report-stage tests: every compliance type, section and severity,
 * waived findings, collection gaps, and (on request) AWS-derived values crafted to break out of
 * HTML, JSON, XML, Markdown and CSV.
 */
final class TestReports {
    private TestReports() {}

    static final String ACCOUNT_A = "111122223333";
    static final String ACCOUNT_B = "444455556666";
    static final String PRIMARY = "us-east-1";
    static final String RECOVERY = "eu-west-1";
    static final String GENERATED_AT = "2026-03-01T12:00:00Z";

    static final String XSS_SCRIPT = "<script>alert(1)</script>";
    static final String XSS_IMG = "\"><img src=x onerror=alert(1)>";
    static final String XSS_CLOSE = "</script><script>alert(2)</script><!--";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    /** id, section, severity, resource type: a cross-section of docs/checklist.md. */
    static final String[][] RULES = {
            {"WORKLOAD_RECOVERY_OBJECTIVES_DEFINED", "requirements", "HIGH", "AWS::Failready::Workload"},
            {"ACCOUNT_RECOVERY_REGION_ENABLED", "requirements", "CRITICAL", "AWS::Account::Account"},
            {"S3_BUCKET_REPLICATED_TO_RECOVERY_REGION", "data", "CRITICAL", "AWS::S3::Bucket"},
            {"DYNAMODB_TABLE_PITR_BOTH_REGIONS", "data", "MEDIUM", "AWS::DynamoDB::Table"},
            {"REPLICATION_LAG_WITHIN_RPO", "data", "CRITICAL", "AWS::RDS::DBCluster"},
            {"SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION", "security", "CRITICAL", "AWS::SecretsManager::Secret"},
            {"KMS_KEY_POLICY_EQUIVALENT", "security", "HIGH", "AWS::KMS::Key"},
            {"SECURITYHUB_ENABLED_IN_BOTH_REGIONS", "security", "MEDIUM", "AWS::SecurityHub::Hub"},
            {"DATA_RESIDENCY_RECOVERY_REGION_APPROVED", "compliance", "CRITICAL", "AWS::S3::Bucket"},
            {"ROUTE53_RECORD_TTL_WITHIN_LIMIT", "traffic", "MEDIUM", "AWS::Route53::RecordSet"},
            {"ROUTE53_HEALTH_CHECK_EFFECTIVE", "traffic", "HIGH", "AWS::Route53::HealthCheck"},
            {"LAMBDA_RECOVERY_CONCURRENCY_SUFFICIENT", "capacity", "HIGH", "AWS::Lambda::Function"},
            {"RDS_RECOVERY_INSTANCE_CLASS_SUFFICIENT", "capacity", "MEDIUM", "AWS::RDS::DBInstance"},
            {"CLOUDWATCH_ALARMS_PRESENT_IN_RECOVERY_REGION", "operations", "MEDIUM", "AWS::CloudWatch::Alarm"},
            {"RUNBOOKS_DEFINED", "operations", "LOW", "AWS::Failready::Workload"},
    };

    static final ComplianceType[] CYCLE = {ComplianceType.COMPLIANT, ComplianceType.NON_COMPLIANT, ComplianceType.COMPLIANT,
            ComplianceType.INSUFFICIENT_DATA, ComplianceType.COMPLIANT, ComplianceType.NOT_APPLICABLE,
            ComplianceType.NON_COMPLIANT, ComplianceType.COMPLIANT};

    static Report small() { return build(2, true, 0); }

    /** About {@code n} evaluations across two workloads. */
    static Report large(int n) { return build(Math.max(1, (n + 2 * RULES.length - 1) / RULES.length / 2), false, 0); }

    /**
     * @param resourcesPerRule resources per rule and workload
     * @param hostile          whether some AWS-derived values carry injection payloads
     * @param variant          0 = baseline; 1 = a later scan with some findings fixed, some regressed
     */
    static Report build(int resourcesPerRule, boolean hostile, int variant) {
        List<Report.WorkloadReport> workloads = new ArrayList<>();
        List<Evaluation> all = new ArrayList<>();
        for (String wl : List.of("orders", "payments")) {
            Workload w = new Workload();
            w.name = wl;
            w.owner = "team-" + wl + "@example.com";
            w.primaryRegion = PRIMARY;
            w.recoveryRegions = new ArrayList<>(List.of(RECOVERY));
            w.strategy = DrStrategy.WARM_STANDBY;
            w.rtoMinutes = 60;
            w.rpoMinutes = 15;
            for (String id : List.of(ACCOUNT_A, ACCOUNT_B)) {
                Workload.AccountRef a = new Workload.AccountRef();
                a.id = id;
                w.accounts.add(a);
            }
            List<Evaluation> evals = new ArrayList<>();
            int k = wl.equals("orders") ? 0 : 3;
            for (String[] r : RULES) {
                for (int i = 0; i < resourcesPerRule; i++) {
                    String account = i % 2 == 0 ? ACCOUNT_A : ACCOUNT_B;
                    ComplianceType t = CYCLE[(k++) % CYCLE.length];
                    if (variant == 1 && i == 0) t = t == ComplianceType.NON_COMPLIANT ? ComplianceType.COMPLIANT
                            : t == ComplianceType.COMPLIANT ? ComplianceType.NON_COMPLIANT : t;
                    String name = wl + "-" + r[0].toLowerCase().replace('_', '-').substring(0, 12) + "-" + i;
                    String annotation = annotation(r, name, t);
                    if (hostile && i == 0 && r[2].equals("CRITICAL")) {
                        name = XSS_SCRIPT;
                        annotation = "Resource " + XSS_IMG + " has " + XSS_CLOSE + " & \u2028 no replica.";
                    }
                    if (hostile && i == 1 && r[0].startsWith("S3")) name = FORMULA;
                    String id = "arn:aws:" + r[3].split("::")[1].toLowerCase() + ":" + PRIMARY + ":" + account + ":" + name;
                    if (hostile && i == 0 && r[0].startsWith("KMS")) id = XSS_IMG;
                    Evaluation.Counterpart cp = t == ComplianceType.COMPLIANT
                            ? new Evaluation.Counterpart(id.replace(PRIMARY, RECOVERY), RECOVERY) : null;
                    Evaluation.WaiverRef waiver = null;
                    if (i == 1 && (r[0].startsWith("KMS") || r[0].startsWith("ROUTE53_RECORD"))) {
                        waiver = new Evaluation.WaiverRef(hostile ? "Accepted <b>risk</b> until migration" : "Accepted risk until migration",
                                "cso@example.com", "platform@example.com", "2026-06-30", "waivers.yaml:12");
                    }
                    boolean perRegion = r[0].endsWith("BOTH_REGIONS") || r[0].startsWith("ACCOUNT");
                    evals.add(new Evaluation(r[0], r[1], Severity.valueOf(r[2]), t, r[3], id,
                            name, account, PRIMARY, perRegion ? null : RECOVERY, cp, annotation, waiver));
                }
            }
            evals.sort(Evaluation.REPORT_ORDER);
            all.addAll(evals);
            List<String> notices = hostile && wl.equals("payments")
                    ? List.of("Waiver for " + XSS_SCRIPT + " expired on 2026-01-31 and no longer applies.") : List.of();
            workloads.add(ReportBuilder.workload(new WorkloadResult(w, List.of(new RegionPair(wl, PRIMARY, RECOVERY)), evals, notices)));
        }
        List<Report.RuleRef> rules = new ArrayList<>();
        for (String[] r : RULES) {
            rules.add(new Report.RuleRef(r[0], title(r[0]), r[1], r[2], r[3], new TreeMap<>(), List.of("REL10-BP01")));
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        List<CollectionGap> gaps = new ArrayList<>(List.of(
                new CollectionGap(ACCOUNT_A, RECOVERY, "rds", "DescribeDBClusters", null, null, "AccessDeniedException",
                        "User: arn:aws:sts::" + ACCOUNT_A + ":assumed-role/failready is not authorized"),
                new CollectionGap(ACCOUNT_B, PRIMARY, "*", null, null, null, "OptInRequired",
                        hostile ? "Region " + XSS_SCRIPT + " not enabled" : "Region not enabled")));
        Report.Summary summary = new Report.Summary(all.size(), Scoring.count(all, e -> e.getComplianceType().name()),
                Scoring.count(all, e -> e.getSeverity().name()), gaps.size());
        Report.Sources sources = new Report.Sources(new Report.Source("snapshot.json.gz", "a".repeat(64), "2026-03-01T11:55:00Z"),
                new Report.Source("failready.yaml", "b".repeat(64), null), null, new TreeMap<>(Map.of("startedAt", "2026-03-01T11:50:00Z")));
        String generated = variant == 0 ? GENERATED_AT : "2026-04-01T12:00:00Z";
        return new Report(Report.SCHEMA_VERSION, new Report.Tool("failready", "0.1.0"), generated, "2026-03-01T11:55:00Z",
                sources, rules, workloads, gaps, summary);
    }

    static String title(String id) {
        String t = id.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1) + ".";
    }

    static String annotation(String[] r, String name, ComplianceType t) {
        return switch (t) {
            case COMPLIANT -> "Resource " + name + " has a counterpart in " + RECOVERY + ".";
            case NON_COMPLIANT -> "Resource " + name + " has no counterpart in " + RECOVERY + ".";
            case INSUFFICIENT_DATA -> "Could not read " + r[3] + " " + name + " in " + RECOVERY + ": AccessDenied.";
            case NOT_APPLICABLE -> "Resource " + name + " is out of scope.";
        };
    }

    static final Function<String, String> DOCS = id -> id.startsWith("SECRETSMANAGER")
            ? "# " + id + "\n\n## Rationale\nSecrets must exist in the recovery region <script>alert(3)</script>.\n\n"
            + "## Remediation\n```\naws secretsmanager replicate-secret-to-regions --secret-id x\n```\n- one\n- two `code`\n"
            : "# " + id + "\n\n## Rationale\nWhy " + id + " matters.\n";
}

package io.failready.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.rules.Frameworks.Framework;
import io.failready.util.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * findings.asff.json: the evaluations in the AWS Security Finding Format, laid out as the request
 * bodies of Security Hub BatchImportFindings. The file is a JSON array of batches, each
 * {@code {"Findings": [...]}} with at most 100 findings (the API's limit) of one account and one
 * region, because a custom integration's product ARN
 * ({@code arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default}) names both and Security Hub
 * accepts a batch only in that region. failready never calls Security Hub itself; import with
 * {@code aws securityhub batch-import-findings --region REGION --cli-input-json "$batch"}.
 *
 * <p>Outcome to {@code Compliance.Status}: COMPLIANT PASSED, NON_COMPLIANT FAILED,
 * INSUFFICIENT_DATA WARNING (information is missing), NOT_APPLICABLE NOT_AVAILABLE. Passing and
 * not-applicable findings are severity INFORMATIONAL, as Security Hub's own controls report them.
 * Ids are stable per workload, rule, account, region pair and resource, so a re-import updates a
 * finding rather than duplicating it.
 */
public final class AsffWriter {
    private AsffWriter() {}

    public static final int MAX_BATCH = 100;
    static final String TYPE = "Software and Configuration Checks/Industry and Regulatory Standards/Failover Readiness";

    public static void write(Report report, Framework framework, OutputStream out) throws IOException {
        Map<String, List<ObjectNode>> byAccountRegion = new TreeMap<>();
        Map<String, String> titles = SecurityFindings.titles(report);
        String at = SecurityFindings.generatedAt(report);
        if (report.workloads() != null) {
            for (Report.WorkloadReport w : report.workloads()) {
                for (Evaluation e : ReportFacts.evaluations(w)) {
                    String region = SecurityFindings.regionOf(w, e);
                    byAccountRegion.computeIfAbsent(SecurityFindings.nz(e.getAccountId()) + " " + region, k -> new ArrayList<>())
                            .add(finding(w, e, region, titles, at, framework));
                }
            }
        }
        ArrayNode batches = Json.MAPPER.createArrayNode();
        for (List<ObjectNode> findings : byAccountRegion.values()) {
            for (int i = 0; i < findings.size(); i += MAX_BATCH) {
                ArrayNode b = batches.addObject().putArray("Findings");
                findings.subList(i, Math.min(findings.size(), i + MAX_BATCH)).forEach(b::add);
            }
        }
        Json.MAPPER.writeValue(new ReportWriters.NonClosing(out), batches);
    }

    public static String productArn(String region, String account) {
        return "arn:aws:securityhub:" + region + ":" + account + ":product/" + account + "/default";
    }

    static ObjectNode finding(Report.WorkloadReport w, Evaluation e, String region, Map<String, String> titles, String at, Framework framework) {
        String account = SecurityFindings.nz(e.getAccountId());
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("SchemaVersion", "2018-10-08");
        f.put("Id", "failready/" + e.getRuleId() + "/" + SecurityFindings.stableId(w, e));
        f.put("ProductArn", productArn(region, account));
        f.put("GeneratorId", "failready/" + e.getRuleId());
        f.put("AwsAccountId", account);
        f.putArray("Types").add(TYPE);
        f.put("CreatedAt", at);
        f.put("UpdatedAt", at);
        ObjectNode sev = f.putObject("Severity");
        sev.put("Label", severityLabel(e));
        sev.put("Original", e.getSeverity() == null ? "" : e.getSeverity().name());
        f.put("Title", SecurityFindings.cut(titles.getOrDefault(e.getRuleId(), e.getRuleId()), 256));
        f.put("Description", SecurityFindings.cut(SecurityFindings.nz(e.getAnnotation()).isEmpty() ? e.getRuleId() : e.getAnnotation(), 1024));
        f.put("ProductName", "failready");
        f.put("CompanyName", "failready");
        f.put("Region", region);
        ObjectNode rec = f.putObject("Remediation").putObject("Recommendation");
        rec.put("Text", SecurityFindings.cut("Run 'failready rules explain " + e.getRuleId() + "' for the rationale and the CLI, CloudFormation and Terraform fix.", 512));

        ObjectNode comp = f.putObject("Compliance");
        comp.put("Status", complianceStatus(e));
        ArrayNode req = comp.putArray("RelatedRequirements");
        // the API takes at most 32 related requirements
        FrameworkView.requirements(e.getRuleId(), framework).stream().limit(32).forEach(req::add);
        comp.put("SecurityControlId", e.getRuleId());

        ArrayNode resources = f.putArray("Resources");
        resources.add(resource(e.getResourceId(), e.getResourceType(), e.getRegion() != null && SecurityFindings.REGION.matcher(e.getRegion()).matches() ? e.getRegion() : region));
        if (e.getCounterpart() != null && e.getCounterpart().resourceId() != null) {
            String cr = e.getCounterpart().region();
            resources.add(resource(e.getCounterpart().resourceId(), e.getResourceType(),
                    cr != null && SecurityFindings.REGION.matcher(cr).matches() ? cr : region));
        }
        f.put("RecordState", "ACTIVE");
        ObjectNode pf = f.putObject("ProductFields");
        pf.put("failready/ruleId", e.getRuleId());
        pf.put("failready/workload", SecurityFindings.cut(w.name(), 2048));
        pf.put("failready/section", SecurityFindings.nz(e.getSection()));
        pf.put("failready/resourceType", SecurityFindings.nz(e.getResourceType()));
        pf.put("failready/complianceType", e.getComplianceType().name());
        pf.put("failready/primaryRegion", SecurityFindings.nz(w.primaryRegion()));
        pf.put("failready/recoveryRegion", SecurityFindings.nz(e.getRecoveryRegion()));
        if (e.getWaiver() != null) {
            pf.put("failready/waived", "true");
            pf.put("failready/waiverReason", SecurityFindings.cut(e.getWaiver().reason(), 2048));
        }
        return f;
    }

    static ObjectNode resource(String id, String cfnType, String region) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("Type", asffType(cfnType));
        r.put("Id", SecurityFindings.nz(id));
        r.put("Partition", SecurityFindings.partition(id));
        r.put("Region", region);
        return r;
    }

    /**
     * Security Hub's own resource type names, which do not follow one rule from the CloudFormation
     * names (AwsRdsDbInstance, AwsElbv2LoadBalancer); any type not listed is "Other", as the ASFF
     * asks, and the CloudFormation type travels in ProductFields.
     */
    static final Map<String, String> ASFF_TYPES = Map.ofEntries(
            Map.entry("AWS::AutoScaling::AutoScalingGroup", "AwsAutoScalingAutoScalingGroup"),
            Map.entry("AWS::CertificateManager::Certificate", "AwsCertificateManagerCertificate"),
            Map.entry("AWS::CloudFront::Distribution", "AwsCloudFrontDistribution"),
            Map.entry("AWS::CloudWatch::Alarm", "AwsCloudWatchAlarm"),
            Map.entry("AWS::DynamoDB::Table", "AwsDynamoDbTable"),
            Map.entry("AWS::EC2::VPC", "AwsEc2Vpc"),
            Map.entry("AWS::ECR::Repository", "AwsEcrRepository"),
            Map.entry("AWS::ECS::Service", "AwsEcsService"),
            Map.entry("AWS::EKS::Cluster", "AwsEksCluster"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "AwsElbv2LoadBalancer"),
            Map.entry("AWS::IAM::Role", "AwsIamRole"),
            Map.entry("AWS::KMS::Key", "AwsKmsKey"),
            Map.entry("AWS::Lambda::Function", "AwsLambdaFunction"),
            Map.entry("AWS::RDS::DBCluster", "AwsRdsDbCluster"),
            Map.entry("AWS::RDS::DBInstance", "AwsRdsDbInstance"),
            Map.entry("AWS::S3::Bucket", "AwsS3Bucket"),
            Map.entry("AWS::SecretsManager::Secret", "AwsSecretsManagerSecret"),
            Map.entry("AWS::SNS::Topic", "AwsSnsTopic"),
            Map.entry("AWS::SQS::Queue", "AwsSqsQueue"));

    static String asffType(String cfnType) {
        return cfnType == null ? "Other" : ASFF_TYPES.getOrDefault(cfnType, "Other");
    }

    static String severityLabel(Evaluation e) {
        return switch (e.getComplianceType()) {
            case COMPLIANT, NOT_APPLICABLE -> "INFORMATIONAL";
            default -> e.getSeverity() == null ? "MEDIUM" : e.getSeverity().name();
        };
    }

    static String complianceStatus(Evaluation e) {
        return switch (e.getComplianceType()) {
            case COMPLIANT -> "PASSED";
            case NON_COMPLIANT -> "FAILED";
            case INSUFFICIENT_DATA -> "WARNING";
            case NOT_APPLICABLE -> "NOT_AVAILABLE";
        };
    }
}

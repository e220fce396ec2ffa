package io.failready.report;

import io.failready.config.Workload;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;

import java.util.List;
import java.util.Map;

/**
 * Why a section judged nothing, and what to configure: a section with no evaluation, or only
 * NOT_APPLICABLE ones, would otherwise show as an empty score that reads like a clean one.
 */
final class SectionNotes {
    private SectionNotes() {}

    /** What each section needs to find in the workload before it can judge anything. */
    private static final Map<String, String> NEEDS = Map.of(
            "requirements", "give the workload its rto:, rpo:, owner: and strategy: in the configuration",
            "data", "no S3 bucket, DynamoDB table, RDS database or ECR repository of the workload was found in "
                    + "the primary region; check the workload's accounts:, regions and scope: (tags or resource ids)",
            "security", "no account or region of the workload was judged; check its accounts: and regions",
            "compliance", "no data store of the workload carries a data classification that needs approval; set classification: "
                    + "and residencyApprovals: in the configuration if its data is regulated",
            "traffic", "no DNS endpoint was declared or found; declare the workload's endpoints: (DNS names) in the "
                    + "configuration, or give its Route 53 records failover, latency, weighted or geo routing",
            "capacity", "no Auto Scaling group, ECS service, Lambda function, DynamoDB global table or RDS database of "
                    + "the workload was found in the primary region; check its accounts:, regions and scope:",
            "operations", "no alarm, parameter, runbook or drill of the workload was found; check its scope: and "
                    + "declare runbooks: and drills: in the configuration");

    /** The note for {@code section}, or null when it judged something. */
    static String note(String section, List<Evaluation> in, Workload w) {
        boolean judged = in.stream().anyMatch(e -> e.getComplianceType() != ComplianceType.NOT_APPLICABLE);
        if (judged) return null;
        String what = in.isEmpty() ? "no rule of this section produced an evaluation"
                : "all " + in.size() + " evaluations are NOT_APPLICABLE";
        String need = NEEDS.getOrDefault(section, "check the workload's accounts:, regions and scope:");
        return what + (w == null || w.getName() == null ? "" : " for workload " + w.getName()) + ": " + need + ".";
    }
}

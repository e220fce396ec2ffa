package io.failready.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.failready.evaluate.GatePolicy;
import io.failready.model.Evaluation;
import io.failready.model.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * What one gate run decided and on what (schemas/gate-decision.schema.json; docs/reports.md): the
 * inputs with their SHA-256, the clock, the policy in force, the waivers applied and refused, the
 * verdict and the exit code. An auditor can tie a deployment or a failover back to the exact
 * evidence and rules that allowed it. Add fields freely; never rename or remove one without a new
 * major schemaVersion.
 */
@JsonPropertyOrder({"schemaVersion", "tool", "decidedAt", "asOf", "asOfFrom", "inputs", "inventory",
        "direction", "verdict", "exitCode", "workloads", "baseline"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DecisionRecord(String schemaVersion, Report.Tool tool, String decidedAt, String asOf, String asOfFrom,
                             List<Input> inputs, Inventory inventory, String direction, String verdict,
                             int exitCode, List<WorkloadDecision> workloads,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Report.BaselineSource baseline) {

    /**
     * 1.1 (additive): workloads gained direction (a workload gated both ways appears once per direction);
     * inputs gained the roles live and baseline, and the record gained baseline (the incident pre-check's stand-in).
     */
    public static final String SCHEMA_VERSION = "1.1";

    /** The default file name beside the reports in --out. */
    public static final String FILE_NAME = "gate-decision.json";

    /** One file the decision read; role is report, snapshot, config, waivers, demo, live (a collection from AWS, no file) or baseline. */
    @JsonPropertyOrder({"role", "path", "sha256"})
    public record Input(String role, String path, String sha256) {}

    /** When the evidence was collected and, for a report, written; age is measured on the gate's clock. */
    @JsonPropertyOrder({"collectedAt", "reportGeneratedAt", "ageSeconds", "maxAge", "maxAgeFrom"})
    public record Inventory(String collectedAt, String reportGeneratedAt, Long ageSeconds, String maxAge, String maxAgeFrom) {}

    @JsonPropertyOrder({"failOn", "minScore", "blockRules", "blockSections", "warnOnly", "allowUnknown"})
    public record Policy(String failOn, Double minScore, List<String> blockRules, List<String> blockSections,
                         List<String> warnOnly, boolean allowUnknown) {
        public static Policy of(GatePolicy p) {
            return new Policy(p.failOn().name(), p.minScore(), List.copyOf(p.blockRules()), List.copyOf(p.blockSections()),
                    List.copyOf(p.warnOnly()), p.allowUnknown());
        }
    }

    @JsonPropertyOrder({"ruleId", "severity", "accountId", "region", "resourceId"})
    public record Finding(String ruleId, String severity, String accountId, String region, String resourceId) {
        static Finding of(Evaluation e) {
            return new Finding(e.getRuleId(), e.getSeverity() == null ? null : e.getSeverity().name(), e.getAccountId(),
                    e.getRegion(), e.getResourceId());
        }
    }

    @JsonPropertyOrder({"ruleId", "accountId", "region", "resourceId", "approver", "expires", "source"})
    public record AppliedWaiver(String ruleId, String accountId, String region, String resourceId, String approver,
                                String expires, String source) {}

    /** policy: each workload is gated under its own (its gate block, or the one its report records, plus the flags). */
    /** {@code direction} (since 1.1): primary-to-recovery or recovery-to-primary, the way the gated entry judged. */
    @JsonPropertyOrder({"name", "direction", "policy", "verdict", "score", "blocking", "lackingData", "waiversApplied", "waiversRefused", "notices"})
    public record WorkloadDecision(String name, Policy policy, String verdict, Double score, List<Finding> blocking, List<Finding> lackingData,
                                   List<AppliedWaiver> waiversApplied, List<String> waiversRefused, List<String> notices, String direction) {

        public static WorkloadDecision of(Gate.Decision d, GatePolicy policy) {
            List<AppliedWaiver> applied = new ArrayList<>();
            for (Evaluation e : d.waived()) {
                Evaluation.WaiverRef w = e.getWaiver();
                applied.add(new AppliedWaiver(e.getRuleId(), e.getAccountId(), e.getRegion(), e.getResourceId(),
                        w.approver(), w.expires(), w.source()));
            }
            List<String> refused = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String n : d.notices()) (isWaiverRefusal(n) ? refused : other).add(n);
            return new WorkloadDecision(d.workload(), Policy.of(policy), d.verdict().name(), d.score(),
                    d.blocking().stream().map(Finding::of).toList(), d.lackingData().stream().map(Finding::of).toList(),
                    applied, refused, other, d.way().id);
        }
    }

    /** Gate and evaluation phrase every refused waiver as "Waiver for RULE on RESOURCE ... ". */
    static boolean isWaiverRefusal(String notice) { return notice.startsWith("Waiver for "); }
}

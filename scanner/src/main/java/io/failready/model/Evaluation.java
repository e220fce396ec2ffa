package io.failready.model;

import io.failready.model.Severity;

import io.failready.model.ComplianceType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Comparator;
import java.util.Objects;

/**
 * One rule's verdict on one resource for one region pair. Field names follow the JSON report
 * contract (schemas/report.schema.json); {@code waiver} is filled after evaluation when a valid waiver applies.
 */
@JsonPropertyOrder({"ruleId", "section", "severity", "complianceType", "resourceType", "resourceId", "resourceName",
        "accountId", "region", "recoveryRegion", "counterpart", "annotation", "waived", "waiver", "gaps", "baseline"})
public final class Evaluation {
    @JsonPropertyOrder({"resourceId", "region"})
    public record Counterpart(@JsonProperty("resourceId") String resourceId, @JsonProperty("region") String region) {}

    @JsonPropertyOrder({"reason", "approver", "owner", "expires", "source"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaiverRef(@JsonProperty("reason") String reason, @JsonProperty("approver") String approver,
                            @JsonProperty("owner") String owner, @JsonProperty("expires") String expires,
                            @JsonProperty("source") String source) {}

    /**
     * A collection gap behind an INSUFFICIENT_DATA evaluation (report schema 1.2): the same fields
     * that identify it in the report's {@code collectionGaps}, without the message.
     */
    @JsonPropertyOrder({"accountId", "region", "service", "operation", "resourceId", "errorCode"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GapRef(@JsonProperty("accountId") String accountId, @JsonProperty("region") String region,
                         @JsonProperty("service") String service, @JsonProperty("operation") String operation,
                         @JsonProperty("resourceId") String resourceId, @JsonProperty("errorCode") String errorCode) {
        public static GapRef of(io.failready.facts.CollectionGap g) {
            return new GapRef(g.getAccountId(), g.getRegion(), g.getService(), g.getOperation(), g.getResourceId(), g.getErrorCode());
        }
    }

    /**
     * Report schema 1.3: the evaluation read data of a baseline snapshot standing in for a source
     * region that did not answer (the incident pre-check): when that snapshot was collected and how
     * old it was when judged.
     */
    @JsonPropertyOrder({"collectedAt", "ageSeconds"})
    public record BaselineRef(@JsonProperty("collectedAt") String collectedAt, @JsonProperty("ageSeconds") long ageSeconds) {
        /** "from baseline, 26 h old": how every output marks such a finding. */
        public String label() { return "from baseline, " + (ageSeconds / 3600) + " h old"; }
    }

    public static final int MAX_ANNOTATION = 256;

    private final String ruleId;
    private String section;
    private Severity severity;
    private final ComplianceType complianceType;
    private final String resourceType;
    private final String resourceId;
    private final String resourceName;
    private final String accountId;
    private final String region;
    private final String recoveryRegion;
    private final Counterpart counterpart;
    private final String annotation;
    private WaiverRef waiver;
    private java.util.List<GapRef> gaps;
    private BaselineRef baseline;

    public Evaluation(@JsonProperty("ruleId") String ruleId,
                      @JsonProperty("section") String section,
                      @JsonProperty("severity") Severity severity,
                      @JsonProperty("complianceType") ComplianceType complianceType,
                      @JsonProperty("resourceType") String resourceType,
                      @JsonProperty("resourceId") String resourceId,
                      @JsonProperty("resourceName") String resourceName,
                      @JsonProperty("accountId") String accountId,
                      @JsonProperty("region") String region,
                      @JsonProperty("recoveryRegion") String recoveryRegion,
                      @JsonProperty("counterpart") Counterpart counterpart,
                      @JsonProperty("annotation") String annotation,
                      @JsonProperty("waiver") WaiverRef waiver) {
        this.ruleId = Objects.requireNonNull(ruleId);
        this.section = section;
        this.severity = severity;
        this.complianceType = Objects.requireNonNull(complianceType);
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.resourceName = resourceName;
        this.accountId = accountId;
        this.region = region;
        this.recoveryRegion = recoveryRegion;
        this.counterpart = counterpart;
        this.annotation = truncate(annotation);
        this.waiver = waiver;
    }

    /** rdklib's convention: 244 characters plus " [truncated]" keeps within AWS Config's 256. */
    public static String truncate(String s) {
        if (s == null) return "";
        return s.length() <= MAX_ANNOTATION ? s : s.substring(0, 244) + " [truncated]";
    }

    public String getRuleId() { return ruleId; }
    public String getSection() { return section; }
    public Severity getSeverity() { return severity; }
    public ComplianceType getComplianceType() { return complianceType; }
    public String getResourceType() { return resourceType; }
    public String getResourceId() { return resourceId; }
    public String getResourceName() { return resourceName; }
    public String getAccountId() { return accountId; }
    public String getRegion() { return region; }
    public String getRecoveryRegion() { return recoveryRegion; }
    @JsonInclude(JsonInclude.Include.ALWAYS) public Counterpart getCounterpart() { return counterpart; }
    public String getAnnotation() { return annotation; }
    public boolean isWaived() { return waiver != null; }
    @JsonInclude(JsonInclude.Include.NON_NULL) public WaiverRef getWaiver() { return waiver; }
    /** INSUFFICIENT_DATA only: the collection gaps behind it; empty when the missing data is not a collection failure. */
    @JsonInclude(JsonInclude.Include.NON_NULL) public java.util.List<GapRef> getGaps() { return gaps; }
    @JsonProperty("gaps") public void setGaps(java.util.List<GapRef> gaps) { this.gaps = gaps == null ? null : java.util.List.copyOf(gaps); }

    /** Set only when the evaluation used baseline data (see {@link BaselineRef}). */
    @JsonInclude(JsonInclude.Include.NON_NULL) public BaselineRef getBaseline() { return baseline; }
    @JsonProperty("baseline") public void setBaseline(BaselineRef baseline) { this.baseline = baseline; }

    /** Section and severity come from the catalog (and the workload's overrides), never from a file read back. */
    public void classify(String section, Severity severity) { this.section = section; this.severity = severity; }
    public void setWaiver(WaiverRef waiver) { this.waiver = waiver; }

    /** Key for the "exactly one evaluation per rule, resource and region pair" contract. */
    /** Same subject, outcome, counterpart and annotation. */
    public boolean sameJudgement(Evaluation o) {
        return complianceType == o.complianceType && Objects.equals(annotation, o.annotation)
                && Objects.equals(counterpart, o.counterpart) && Objects.equals(key(), o.key());
    }

    public String key() { return ruleId + "|" + resourceId + "|" + region + "|" + recoveryRegion; }

    public static final Comparator<Evaluation> REPORT_ORDER = Evaluation::reportOrder;

    /*
     * Written out rather than chained Comparator.comparing calls: the engine sorts every evaluation
     * (a million at a million resources), and the chain's boxed keys and lambdas made it the slowest
     * step after firing. Severity nulls last, then rule id, then account, region, resource and
     * recovery region with a missing value as "".
     */
    private static int reportOrder(Evaluation a, Evaluation b) {
        if (a.severity != b.severity) {
            if (a.severity == null) return 1;
            if (b.severity == null) return -1;
            return a.severity.compareTo(b.severity);
        }
        int c = a.getRuleId().compareTo(b.getRuleId());
        if (c != 0) return c;
        if ((c = orEmpty(a.getAccountId()).compareTo(orEmpty(b.getAccountId()))) != 0) return c;
        if ((c = orEmpty(a.getRegion()).compareTo(orEmpty(b.getRegion()))) != 0) return c;
        if ((c = orEmpty(a.getResourceId()).compareTo(orEmpty(b.getResourceId()))) != 0) return c;
        return orEmpty(a.getRecoveryRegion()).compareTo(orEmpty(b.getRecoveryRegion()));
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }
}

package io.failready.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.failready.model.Evaluation;
import io.failready.facts.CollectionGap;

import java.util.List;
import java.util.Map;

/**
 * The JSON report contract (schemas/report.schema.json). Consumers parse this:
 * add fields freely, but never rename or remove one without a new major schemaVersion.
 * Every list is pre-sorted so the same input serialises to the same bytes.
 */
@JsonPropertyOrder({"schemaVersion", "tool", "generatedAt", "asOf", "sources", "rules", "accounts", "workloads", "collectionGaps", "summary"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Report(String schemaVersion, Tool tool, String generatedAt, String asOf, Sources sources,
                     List<RuleRef> rules, List<WorkloadReport> workloads, List<CollectionGap> collectionGaps,
                     Summary summary, List<AccountName> accounts) {

    /** A report without account names (before 1.3, or a test's): accounts show by id alone. */
    public Report(String schemaVersion, Tool tool, String generatedAt, String asOf, Sources sources,
                  List<RuleRef> rules, List<WorkloadReport> workloads, List<CollectionGap> collectionGaps, Summary summary) {
        this(schemaVersion, tool, generatedAt, asOf, sources, rules, workloads, collectionGaps, summary, List.of());
    }

    /**
     * 1.1: Blocking gained blockRules, blockSections and warnOnly (additive).
     * 1.2: INSUFFICIENT_DATA evaluations gained gaps, the collection gaps behind them; Blocking gained
     * allowUnknown, severityOverrides, disabledRules and maxAge (the gate.maxAge limit on the
     * inventory's age, omitted when none), so it records each workload's whole policy, and warnOnlyWouldBlock, the findings that blocked but for warn-only; sections gained note, set when a
     * section judged nothing (all additive).
     * 1.3 (additive): workloads gained direction (primary-to-recovery or recovery-to-primary; a failback
     * check is an entry of its own, so a workload may appear twice, once per direction); evaluations gained
     * baseline and sources gained baseline (the incident pre-check); accounts, the display name of each
     * account the workloads cover, with where the name came from (absent in older reports, whose accounts
     * show by id).
     */
    public static final String SCHEMA_VERSION = "1.3";

    /**
     * An account's display name: {@code source} "config" (the workload's accounts[].name) or
     * "organizations" (the account's name as Organizations listed it during collection). Names are
     * labels only, never keys: everything is matched by accountId.
     */
    @JsonPropertyOrder({"accountId", "name", "source"})
    public record AccountName(String accountId, String name, String source) {}

    public record Tool(String name, String version) {}

    /**
     * When the inventory behind this report was collected: the snapshot's collectedAt (for a merged
     * snapshot, its oldest part), else the end of the collection window; null when the report does
     * not say. This, not generatedAt, is how old the evidence is: re-evaluating a month-old
     * snapshot today writes a new report about month-old resources. ({@code asOf} is yet another
     * time: the clock the rules judged dates by.)
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String inventoryAt() {
        if (sources == null) return null;
        if (sources.snapshot() != null && sources.snapshot().collectedAt() != null) return sources.snapshot().collectedAt();
        return sources.collectionWindow() == null ? null : sources.collectionWindow().get("finishedAt");
    }

    /** Where the report came from, with hashes so auditors can tie it to its evidence. */
    @JsonPropertyOrder({"snapshot", "config", "rules", "collectionWindow", "baseline"})
    public record Sources(Source snapshot, Source config, Source rules, Map<String, String> collectionWindow,
                          @JsonInclude(JsonInclude.Include.NON_NULL) BaselineSource baseline) {
        public Sources(Source snapshot, Source config, Source rules, Map<String, String> collectionWindow) {
            this(snapshot, config, rules, collectionWindow, null);
        }
    }

    /**
     * Since 1.3: the baseline snapshot of an incident pre-check ({@code --baseline}): where it came
     * from, when it was collected, how old it was (seconds) against the limit, and the account/regions
     * whose live data it replaced because they answered no call (empty: every region answered, and
     * the baseline was not used).
     */
    @JsonPropertyOrder({"path", "sha256", "collectedAt", "ageSeconds", "maxAge", "stoodInFor"})
    public record BaselineSource(String path, String sha256, String collectedAt, long ageSeconds, String maxAge,
                                 List<StoodIn> stoodInFor) {}

    /** One account's region the baseline stood in for, and why (the live collection's gap). */
    @JsonPropertyOrder({"accountId", "region", "reason"})
    public record StoodIn(String accountId, String region, String reason) {}

    @JsonPropertyOrder({"path", "sha256", "collectedAt"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String path, String sha256, String collectedAt) {}

    @JsonPropertyOrder({"id", "title", "section", "severity", "resourceType", "parameters", "wellArchitected"})
    public record RuleRef(String id, String title, String section, String severity, String resourceType,
                          Map<String, String> parameters, List<String> wellArchitected) {}

    /**
     * One workload judged in one direction. {@code direction} (since 1.3): "primary-to-recovery"
     * (failover) or "recovery-to-primary" (failback, its regionPairs swapped: primary = the recovery
     * region the load returns from); absent in older reports, which are failover results. A workload
     * checked both ways has two entries, each with its own score and verdict.
     */
    @JsonPropertyOrder({"name", "owner", "strategy", "primaryRegion", "recoveryRegions", "direction", "rtoMinutes", "rpoMinutes",
            "verdict", "score", "blocking", "sections", "accounts", "regionPairs", "waiverNotices", "evaluations"})
    public record WorkloadReport(String name, String owner, String strategy, String primaryRegion, List<String> recoveryRegions,
                                 Long rtoMinutes, Long rpoMinutes, String verdict, Double score, Blocking blocking,
                                 List<SectionScore> sections, List<AccountScore> accounts, List<PairScore> regionPairs,
                                 List<String> waiverNotices, List<Evaluation> evaluations,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String direction) {
        public WorkloadReport(String name, String owner, String strategy, String primaryRegion, List<String> recoveryRegions,
                              Long rtoMinutes, Long rpoMinutes, String verdict, Double score, Blocking blocking,
                              List<SectionScore> sections, List<AccountScore> accounts, List<PairScore> regionPairs,
                              List<String> waiverNotices, List<Evaluation> evaluations) {
            this(name, owner, strategy, primaryRegion, recoveryRegions, rtoMinutes, rpoMinutes, verdict, score, blocking,
                    sections, accounts, regionPairs, waiverNotices, evaluations, null);
        }

        /** The recorded direction; an absent one (reports before 1.3) is failover. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public Direction directionOrDefault() {
            Direction d = Direction.ofRecorded(direction);
            return d == null ? Direction.PRIMARY_TO_RECOVERY : d;
        }

        /** Whether this entry judges failback. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isFailback() { return directionOrDefault() == Direction.RECOVERY_TO_PRIMARY; }
    }

    /**
     * Counts the gate used, under the policy the report was written with. The policy's rule and
     * section lists (added in 1.1) let a re-render name exactly the findings the gate blocked on.
     */
    @JsonPropertyOrder({"failOn", "minScore", "nonCompliant", "insufficientData", "blockRules", "blockSections", "warnOnly",
            "allowUnknown", "severityOverrides", "disabledRules", "warnOnlyWouldBlock", "maxAge"})
    public record Blocking(String failOn, Double minScore, int nonCompliant, int insufficientData,
                           List<String> blockRules, List<String> blockSections, List<String> warnOnly,
                           Boolean allowUnknown, Map<String, String> severityOverrides, List<DisabledRule> disabledRules,
                           int warnOnlyWouldBlock,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String maxAge) {
        public Blocking(String failOn, Double minScore, int nonCompliant, int insufficientData) {
            this(failOn, minScore, nonCompliant, insufficientData, List.of(), List.of(), List.of(), false, Map.of(), List.of(), 0, null);
        }
    }

    /** A rule switched off by the configuration: never evaluated, so it can neither pass nor block. */
    @JsonPropertyOrder({"rule", "source"})
    public record DisabledRule(String rule, String source) {}

    @JsonPropertyOrder({"name", "score", "compliant", "nonCompliant", "insufficientData", "notApplicable", "waived"})
    /**
     * {@code note} (since 1.2): set only when the section judged nothing (no evaluation, or every one
     * NOT_APPLICABLE), saying so and what to configure, so that an empty section is never read as
     * a clean one.
     */
    public record SectionScore(String name, Double score, long compliant, long nonCompliant, long insufficientData,
                               long notApplicable, long waived,
                               @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String note) {}

    @JsonPropertyOrder({"accountId", "score"})
    public record AccountScore(String accountId, Double score) {}

    @JsonPropertyOrder({"primary", "recovery", "score"})
    public record PairScore(String primary, String recovery, Double score) {}

    @JsonPropertyOrder({"evaluations", "byComplianceType", "bySeverity", "collectionGaps"})
    public record Summary(long evaluations, Map<String, Long> byComplianceType, Map<String, Long> bySeverity, long collectionGaps) {}
}

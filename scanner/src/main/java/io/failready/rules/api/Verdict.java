package io.failready.rules.api;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;

/**
 * The one outcome a rule's decision reached for one subject and region pair: the compliance type,
 * the annotation to report, and the counterpart to name (null when none). A rule's consequence
 * passes it to {@link Judge#judge}, so each decision runs exactly once per subject.
 */
public record Verdict(ComplianceType type, String annotation, Resource counterpart) {
    public Verdict {
        if (type == null) throw new IllegalArgumentException("a verdict needs a compliance type");
    }

    public static Verdict compliant(String annotation, Resource counterpart) { return new Verdict(ComplianceType.COMPLIANT, annotation, counterpart); }
    public static Verdict nonCompliant(String annotation, Resource counterpart) { return new Verdict(ComplianceType.NON_COMPLIANT, annotation, counterpart); }
    public static Verdict notApplicable(String annotation) { return new Verdict(ComplianceType.NOT_APPLICABLE, annotation, null); }
    public static Verdict insufficientData(String annotation) { return new Verdict(ComplianceType.INSUFFICIENT_DATA, annotation, null); }
    public static Verdict insufficientData(String annotation, Resource counterpart) { return new Verdict(ComplianceType.INSUFFICIENT_DATA, annotation, counterpart); }

    public boolean is(ComplianceType t) { return type == t; }

    @Override public String toString() { return type + ": " + annotation; }
}

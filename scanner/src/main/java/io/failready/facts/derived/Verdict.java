package io.failready.facts.derived;

import io.failready.facts.Resource;

/**
 * The outcome a data rule's decision function reached for one subject and region pair, with the
 * annotation to report and the counterpart to name (null when none). A rule passes it to
 * {@code Evaluations.judge} from its consequence, so the decision runs once per subject and region
 * pair; as outcome siblings each matching {@code Verdict(outcome == ...) from fn(...)}, it ran once
 * per sibling and Drools kept every sibling's partial matches.
 * Public final fields (not a record) so DRL constraints and consequences can read them.
 */
public final class Verdict {
    public static final String COMPLIANT = "COMPLIANT";
    public static final String NON_COMPLIANT = "NON_COMPLIANT";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    public final String outcome;
    public final String annotation;
    public final Resource counterpart;

    public Verdict(String outcome, String annotation, Resource counterpart) {
        this.outcome = outcome;
        this.annotation = annotation;
        this.counterpart = counterpart;
    }

    public static Verdict compliant(String annotation, Resource counterpart) { return new Verdict(COMPLIANT, annotation, counterpart); }
    public static Verdict nonCompliant(String annotation, Resource counterpart) { return new Verdict(NON_COMPLIANT, annotation, counterpart); }
    public static Verdict notApplicable(String annotation) { return new Verdict(NOT_APPLICABLE, annotation, null); }
    public static Verdict insufficientData(String annotation) { return new Verdict(INSUFFICIENT_DATA, annotation, null); }

    public String getOutcome() { return outcome; }
    public String getAnnotation() { return annotation; }
    public Resource getCounterpart() { return counterpart; }

    @Override public String toString() { return outcome + ": " + annotation; }
}

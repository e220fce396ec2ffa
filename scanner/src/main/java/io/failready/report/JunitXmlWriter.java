package io.failready.report;

import io.failready.model.Report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.evaluate.GatePolicy;
import io.failready.rules.RuleMetadata;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * junit.xml for CI test-result publishers (Jenkins, GitLab, GitHub test reporters), valid
 * against the common Jenkins/Ant JUnit schema (bundled as a test resource, checked by a test).
 *
 * <p>Mapping: one {@code <testsuite>} per workload and section ({@code name="payments.data"});
 * one {@code <testcase>} per evaluation (rule x resource x region pair) with
 * {@code classname="failready.<workload>.<section>.<RULE_ID>"} and the resource as its name.
 * A CI job fails on exactly what fails the gate, under the policy the report records in
 * {@code blocking} ({@link ReportFacts#policyOf}):
 * <ul>
 *   <li>COMPLIANT: a passing testcase;</li>
 *   <li>NON_COMPLIANT that blocks: {@code <failure type="SEVERITY" message="annotation">};</li>
 *   <li>INSUFFICIENT_DATA of a blocking rule: {@code <error type="INSUFFICIENT_DATA">} — the tool could
 *       not check, which makes the verdict UNKNOWN (fail-closed, like the gate);</li>
 *   <li>NON_COMPLIANT or INSUFFICIENT_DATA that does not block (below fail-on, or a warn-only rule):
 *       {@code <skipped>} saying so, with the details as its text — reported, without failing the job;</li>
 *   <li>NOT_APPLICABLE: {@code <skipped>}; a waived evaluation: {@code <skipped>} naming the
 *       approver, owner and expiry;</li>
 *   <li>a workload with nothing judged (no inventory: AWS did not answer) gets one testcase
 *       ({@code classname="failready.<workload>.gate.NOTHING_JUDGED"}) with an {@code <error>};</li>
 *   <li>with a minimum score in the policy, one more testcase per workload
 *       ({@code classname="failready.<workload>.gate.MIN_SCORE"}) that fails when the score is below it.</li>
 * </ul>
 * Times are 0: evaluations are not timed individually, and a constant keeps the file byte-stable.
 */
public final class JunitXmlWriter {
    private JunitXmlWriter() {}

    public static void write(Report report, Writer out) throws IOException {
        Map<String, String> titles = new HashMap<>();
        if (report.rules() != null) for (Report.RuleRef r : report.rules()) titles.put(r.id(), r.title());
        String timestamp = timestamp(report.generatedAt());
        Map<String, String> names = ReportFacts.accountNames(report);
        List<Suite> suites = new ArrayList<>();
        if (report.workloads() != null) {
            for (Report.WorkloadReport w : report.workloads()) {
                Map<String, Suite> bySection = new LinkedHashMap<>();
                for (String s : RuleMetadata.SECTIONS) bySection.put(s, new Suite(w, s, false));
                for (Evaluation e : ReportFacts.evaluations(w)) {
                    String s = e.getSection() == null ? "other" : e.getSection();
                    bySection.computeIfAbsent(s, x -> new Suite(w, x, false)).add(e);
                }
                for (Suite s : bySection.values()) if (!s.cases.isEmpty()) suites.add(s);
                if (w.blocking() != null && w.blocking().minScore() != null) suites.add(new Suite(w, GATE_SUITE, true));
                // nothing judged (no account could be read: AWS did not answer) must not be a green
                // job with zero tests: one erroring testcase, as the gate says UNKNOWN
                if (!io.failready.evaluate.GatePolicy.judged(ReportFacts.evaluations(w))) {
                    Suite nothing = new Suite(w, GATE_SUITE, false);
                    nothing.nothingJudged = true;
                    nothing.errors++;
                    suites.add(nothing);
                }
            }
        }
        int tests = 0, failures = 0, errors = 0, skipped = 0;
        for (Suite s : suites) { tests += s.tests(); failures += s.failures; errors += s.errors; skipped += s.skipped; }

        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"failready\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors
                + "\" skipped=\"" + skipped + "\" time=\"0\">\n");
        int id = 0;
        for (Suite s : suites) {
            out.write("  <testsuite name=\"" + attr(suiteName(s.w) + "." + s.section) + "\" tests=\"" + s.tests()
                    + "\" failures=\"" + s.failures + "\" errors=\"" + s.errors + "\" skipped=\"" + s.skipped
                    + "\" time=\"0\" timestamp=\"" + timestamp + "\" hostname=\"failready\" id=\"" + (id++)
                    + "\" package=\"" + attr("failready." + suiteName(s.w)) + "\">\n");
            out.write("    <properties>\n");
            prop(out, "workload", s.w.name());
            prop(out, "direction", s.w.directionOrDefault().id);
            prop(out, "section", s.section);
            prop(out, "verdict", s.w.verdict());
            prop(out, "workloadScore", ReportFacts.scoreText(s.w.score()));
            if (s.w.sections() != null) for (Report.SectionScore sc : s.w.sections()) {
                if (sc.name().equals(s.section)) prop(out, "sectionScore", ReportFacts.scoreText(sc.score()));
            }
            out.write("    </properties>\n");
            for (Evaluation e : s.cases) testcase(out, s, e, titles.get(e.getRuleId()), names);
            if (s.minScoreCheck) minScoreCase(out, s);
            if (s.nothingJudged) {
                out.write("    <testcase name=\"" + attr("evaluations") + "\" classname=\"" + attr("failready." + suiteName(s.w) + "." + GATE_SUITE
                        + ".NOTHING_JUDGED") + "\" time=\"0\">\n      <error type=\"INSUFFICIENT_DATA\" message=\""
                        + attr("Nothing was judged (no inventory, or nothing in scope; see the collection gaps): verdict " + s.w.verdict() + ".")
                        + "\"/>\n    </testcase>\n");
            }
            out.write("    <system-out/>\n    <system-err/>\n  </testsuite>\n");
        }
        out.write("</testsuites>\n");
    }

    private static void testcase(Writer out, Suite s, Evaluation e, String title, Map<String, String> names) throws IOException {
        String subject = ReportFacts.ACCOUNT_TYPE.equals(e.getResourceType()) ? ReportFacts.displayName(e, names)
                : e.getResourceId() == null ? "" : e.getResourceId();
        String name = subject + " [" + ReportFacts.where(e) + "]";
        out.write("    <testcase name=\"" + attr(name) + "\" classname=\""
                + attr("failready." + suiteName(s.w) + "." + s.section + "." + e.getRuleId()) + "\" time=\"0\"");
        String sev = e.getSeverity() == null ? "UNKNOWN" : e.getSeverity().name();
        if (e.isWaived()) {
            Evaluation.WaiverRef wv = e.getWaiver();
            out.write(">\n      <skipped message=\"" + attr("waived (" + e.getComplianceType() + "): " + nz(wv.reason())
                    + "; approver " + nz(wv.approver()) + "; owner " + nz(wv.owner()) + "; expires " + nz(wv.expires())) + "\"/>\n");
            out.write("    </testcase>\n");
            return;
        }
        boolean blockingRule = s.policy.isBlockingRule(e);
        switch (e.getComplianceType()) {
            case COMPLIANT -> { out.write("/>\n"); return; }
            case NON_COMPLIANT -> out.write(blockingRule
                    ? ">\n      <failure type=\"" + sev + "\" message=\"" + attr(e.getAnnotation()) + "\">" + text(details(e, title, names)) + "</failure>\n"
                    : ">\n      <skipped message=\"" + attr("NON_COMPLIANT, does not block (" + whyNotBlocking(s, e) + "): " + e.getAnnotation())
                            + "\">" + text(details(e, title, names)) + "</skipped>\n");
            case INSUFFICIENT_DATA -> out.write(blockingRule
                    ? ">\n      <error type=\"INSUFFICIENT_DATA\" message=\"" + attr(e.getAnnotation()) + "\">" + text(details(e, title, names)) + "</error>\n"
                    : ">\n      <skipped message=\"" + attr("INSUFFICIENT_DATA, does not block (" + whyNotBlocking(s, e) + "): " + e.getAnnotation())
                            + "\">" + text(details(e, title, names)) + "</skipped>\n");
            case NOT_APPLICABLE -> out.write(">\n      <skipped message=\"" + attr("NOT_APPLICABLE: " + e.getAnnotation()) + "\"/>\n");
        }
        out.write("    </testcase>\n");
    }

    private static String whyNotBlocking(Suite s, Evaluation e) {
        if (s.policy.isWarnOnly(e)) return "warn-only rule";
        return (e.getSeverity() == null ? "unrated" : e.getSeverity().name()) + " is below fail-on " + s.policy.failOn();
    }

    private static void minScoreCase(Writer out, Suite s) throws IOException {
        Double min = s.w.blocking().minScore();
        out.write("    <testcase name=\"" + attr("score " + ReportFacts.scoreText(s.w.score()) + " >= " + ReportFacts.scoreText(min))
                + "\" classname=\"" + attr("failready." + suiteName(s.w) + "." + GATE_SUITE + ".MIN_SCORE") + "\" time=\"0\"");
        if (s.failures == 0) {
            out.write("/>\n");
            return;
        }
        out.write(">\n      <failure type=\"MIN_SCORE\" message=\"" + attr("Score " + ReportFacts.scoreText(s.w.score())
                + " is below the policy's minimum " + ReportFacts.scoreText(min) + ".") + "\"/>\n    </testcase>\n");
    }

    private static String details(Evaluation e, String title, Map<String, String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.getRuleId()).append(" (").append(e.getSeverity()).append(")");
        if (title != null) sb.append(": ").append(title);
        sb.append("\nresource: ").append(nz(e.getResourceType())).append(' ').append(nz(e.getResourceId()));
        if (e.getResourceName() != null) sb.append(" (").append(e.getResourceName()).append(')');
        sb.append("\naccount: ").append(ReportFacts.accountLabel(names, e.getAccountId())).append("\nregion: ").append(ReportFacts.where(e));
        if (e.getCounterpart() != null) {
            sb.append("\ncounterpart: ").append(nz(e.getCounterpart().resourceId())).append(" in ").append(nz(e.getCounterpart().region()));
        }
        sb.append("\n").append(nz(e.getAnnotation())).append('\n');
        return sb.toString();
    }

    private static void prop(Writer out, String name, String value) throws IOException {
        out.write("      <property name=\"" + attr(name) + "\" value=\"" + attr(value) + "\"/>\n");
    }

    /** Ant/Jenkins timestamps are ISO 8601 without a zone: "2026-03-01T12:00:00". */
    static String timestamp(String generatedAt) {
        if (generatedAt != null && generatedAt.length() >= 19 && generatedAt.charAt(10) == 'T') return generatedAt.substring(0, 19);
        return "1970-01-01T00:00:00";
    }

    private static String nz(String s) { return s == null ? "" : s; }

    static String attr(String s) { return escape(s, true); }
    static String text(String s) { return escape(s, false); }

    /** XML 1.0 escaping; characters XML cannot carry at all (most C0 controls, lone surrogates) become U+FFFD. */
    static String escape(String s, boolean attribute) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The suite for workload-level policy checks (the minimum score), after the section suites. */
    static final String GATE_SUITE = "gate";

    private static final class Suite {
        final Report.WorkloadReport w;
        final String section;
        final GatePolicy policy;
        final boolean minScoreCheck;
        final List<Evaluation> cases = new ArrayList<>();
        int failures, errors, skipped;
        boolean nothingJudged;

        Suite(Report.WorkloadReport w, String section, boolean minScoreCheck) {
            this.w = w;
            this.section = section;
            this.policy = ReportFacts.policyOf(w);
            this.minScoreCheck = minScoreCheck;
            if (minScoreCheck) {
                Double min = w.blocking().minScore();
                if (w.score() != null && w.score() < min) failures++;
            }
        }

        int tests() { return cases.size() + (minScoreCheck ? 1 : 0) + (nothingJudged ? 1 : 0); }

        void add(Evaluation e) {
            cases.add(e);
            if (policy.blocks(e)) failures++;
            else if (policy.lacksData(e)) errors++;
            else if (e.getComplianceType() != ComplianceType.COMPLIANT || e.isWaived()) skipped++;
        }
    }

    /** A failback result's suites and classnames end in ".failback", so CI shows them apart from the failover ones. */
    private static String suiteName(Report.WorkloadReport w) {
        return w.isFailback() ? w.name() + ".failback" : w.name();
    }
}

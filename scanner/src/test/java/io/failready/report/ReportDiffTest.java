package io.failready.report;

import io.failready.model.Report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportDiffTest {
    static final Evaluation.WaiverRef WAIVER = new Evaluation.WaiverRef("r", "a", "o", "2026-12-31", "s");

    static Evaluation ev(String rule, String res, ComplianceType t, boolean waived) {
        return new Evaluation(rule, "data", Severity.HIGH, t, "AWS::S3::Bucket", res, null, "111122223333", "us-east-1",
                "eu-west-1", null, rule + " on " + res + ".", waived ? WAIVER : null);
    }

    static Report report(String at, Double score, List<Evaluation> evals) {
        Report.WorkloadReport w = new Report.WorkloadReport("payments", "o", "warm-standby", "us-east-1", List.of("eu-west-1"),
                60L, 15L, "NOT_READY", score, new Report.Blocking("HIGH", null, 0, 0),
                List.of(new Report.SectionScore("data", score, 0, 0, 0, 0, 0, null)), List.of(), List.of(), List.of(), new ArrayList<>(evals));
        return new Report("1.1", new Report.Tool("failready", "t"), at, at, null, List.of(), List.of(w), List.of(), null);
    }

    @Test
    void classifiesNewResolvedAndRegressed() {
        Report old = report("2026-03-01T00:00:00Z", 50.0, List.of(
                ev("R1", "was-compliant", ComplianceType.COMPLIANT, false),
                ev("R1", "was-waived", ComplianceType.NON_COMPLIANT, true),
                ev("R1", "was-na", ComplianceType.NOT_APPLICABLE, false),
                ev("R1", "fixed", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "now-waived", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "deleted", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "now-nodata", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "still-open", ComplianceType.NON_COMPLIANT, false)));
        Report now = report("2026-04-01T00:00:00Z", 62.5, List.of(
                ev("R1", "was-compliant", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "was-waived", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "was-na", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "brand-new", ComplianceType.NON_COMPLIANT, false),
                ev("R1", "fixed", ComplianceType.COMPLIANT, false),
                ev("R1", "now-waived", ComplianceType.NON_COMPLIANT, true),
                ev("R1", "now-nodata", ComplianceType.INSUFFICIENT_DATA, false),
                ev("R1", "still-open", ComplianceType.NON_COMPLIANT, false)));
        ReportDiff d = ReportDiff.of(old, now);
        ReportDiff.WorkloadDiff w = d.workloads().get(0);
        assertEquals(List.of("was-compliant", "was-waived"), w.regressed().stream().map(ReportDiff.Change::resourceId).toList());
        assertEquals(List.of("brand-new", "was-na"), w.newFindings().stream().map(ReportDiff.Change::resourceId).toList());
        assertEquals(List.of("fixed", "now-waived"), w.resolved().stream().map(ReportDiff.Change::resourceId).toList());
        assertEquals(List.of("COMPLIANT", "WAIVED"), w.resolved().stream().map(ReportDiff.Change::after).toList());
        // gone or not judged any more is not a fix
        assertEquals(List.of("deleted", "now-nodata"), w.disappeared().stream().map(ReportDiff.Change::resourceId).toList());
        assertEquals(List.of("ABSENT", "INSUFFICIENT_DATA"), w.disappeared().stream().map(ReportDiff.Change::after).toList());
        assertEquals(1, w.unchanged());
        assertEquals(12.5, w.scoreDelta());
        assertEquals(12.5, w.sections().get(0).scoreDelta());
        assertEquals(new ReportDiff.Summary(2, 2, 2, 2, 1, 2), d.summary());
        assertEquals(4, d.regressions());
        String text = DiffWriter.text(d);
        assertTrue(text.contains("2 resolved, 2 disappeared (no longer judged)"), text);
        assertTrue(text.contains("Disappeared (gone or not collected; not evidence of a fix) (2):"), text);
    }

    @Test
    void onlyBlockingNewFindingsCountAsRegressions() {
        Evaluation low = new Evaluation("R2", "data", Severity.LOW, ComplianceType.NON_COMPLIANT, "AWS::S3::Bucket", "low", null,
                "111122223333", "us-east-1", "eu-west-1", null, "low.", null);
        ReportDiff d = ReportDiff.of(report("t1", 1.0, List.of()), report("t2", 1.0, List.of(low)));
        assertEquals(1, d.summary().newFindings());
        assertEquals(0, d.summary().newBlocking(), "LOW does not block under failOn HIGH");
        assertEquals(0, d.regressions());
    }

    @Test
    void keyIncludesRegionPair() {
        Evaluation a = new Evaluation("R", "data", Severity.HIGH, ComplianceType.COMPLIANT, "T", "x", null, "1", "us-east-1", "eu-west-1", null, "", null);
        Evaluation b = new Evaluation("R", "data", Severity.HIGH, ComplianceType.NON_COMPLIANT, "T", "x", null, "1", "us-east-1", "us-west-2", null, "", null);
        ReportDiff d = ReportDiff.of(report("t1", 1.0, List.of(a)), report("t2", 1.0, List.of(a, b)));
        assertEquals(1, d.workloads().get(0).newFindings().size());
    }

    @Test
    void rendersTextMarkdownAndJsonDeterministically() {
        Report old = TestReports.build(2, true, 0), now = TestReports.build(2, true, 1);
        ReportDiff d = ReportDiff.of(old, now);
        String text = DiffWriter.text(d);
        assertTrue(text.startsWith("failready diff: inventory collected 2026-03-01T11:55:00Z -> 2026-03-01T11:55:00Z"
                + " (reports written 2026-03-01T12:00:00Z -> 2026-04-01T12:00:00Z)\n"), text);
        assertTrue(text.contains("Regressed ("), text);
        String md = DiffWriter.markdown(d);
        assertTrue(md.contains("| **orders** | overall"), md);
        assertTrue(!md.contains("<script>"), "markdown escapes AWS values");
        assertFalse(md.contains("&lt;") || md.contains("&amp;"), "Markdown, not HTML-escaped text");
        assertTrue(md.contains("\\<script\\>"), md);
        String json = DiffWriter.json(d);
        assertTrue(json.contains("\"new\" : {") && json.contains("\"regressed\" : ["), json);
        assertEquals(json, DiffWriter.json(ReportDiff.of(TestReports.build(2, true, 0), TestReports.build(2, true, 1))));
    }
}

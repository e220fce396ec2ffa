package io.failready.report;

import io.failready.model.Report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import io.failready.facts.CollectionGap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HTML gap table counts the evaluations each gap blocked from the gaps the evaluations name. */
class GapTableTest {
    static final String A = "111122223333", EU = "eu-west-1";

    static Evaluation lacking(String type, String id, CollectionGap... named) {
        Evaluation e = new Evaluation("R", "security", Severity.HIGH, ComplianceType.INSUFFICIENT_DATA, type, id, null, A, EU, null,
                null, "cannot tell.", null);
        List<Evaluation.GapRef> refs = new ArrayList<>();
        for (CollectionGap g : named) refs.add(Evaluation.GapRef.of(g));
        e.setGaps(refs);
        return e;
    }

    @Test
    void countsWhatEachGapBlockedFromTheEvaluationsOwnGaps() throws Exception {
        CollectionGap hub = CollectionGap.serviceWide(A, EU, "securityhub", "DescribeHub", "AccessDeniedException", "denied");
        CollectionGap everything = CollectionGap.serviceWide(A, EU, "*", null, "OptInRequired", "region disabled");
        // an account-level check blocked by the Security Hub gap (no AWS service in its resource type),
        // and a table whose missing data has nothing to do with either gap
        List<Evaluation> evals = List.of(lacking("AWS::::Account", A, hub), lacking("AWS::DynamoDB::Table", "t"));
        Report.WorkloadReport w = new Report.WorkloadReport("payments", "o", "warm-standby", "us-east-1", List.of(EU), 60L, 15L,
                "UNKNOWN", 50.0, new Report.Blocking("HIGH", null, 0, 2), List.of(), List.of(), List.of(), List.of(), evals);
        Report r = new Report(Report.SCHEMA_VERSION, new Report.Tool("failready", "t"), "2026-03-01T00:00:00Z", null, null, List.of(),
                List.of(w), List.of(hub, everything), null);
        List<ReportModel.GapView> table = ReportModel.gaps(r, evals);
        assertEquals(List.of(1, 0), table.stream().map(ReportModel.GapView::blocked).toList(),
                "securityhub blocked the account check; the '*' gap blocked nothing the evaluations name");

        // the named gaps survive writing and re-reading the report (report / gate --report re-render from it)
        ReportWriters.write(r, null, tmp, java.util.EnumSet.of(ReportFormat.JSON), id -> null);
        Report back = ReportReader.read(tmp.resolve("report.json"));
        assertEquals(List.of(Evaluation.GapRef.of(hub)), back.workloads().get(0).evaluations().get(0).getGaps());
        assertEquals(List.of(), back.workloads().get(0).evaluations().get(1).getGaps());
    }

    /** Reports from before 1.2 match gaps to evaluations by service: the service of a type is its collector's. */
    @Test
    void theServiceOfATypeIsTheCollectorsThatWritesIt() {
        assertEquals("account", ReportModel.service("AWS::::Account"));
        assertEquals("rds", ReportModel.service("AWS::RDS::DBCluster"));
        assertEquals("cloudwatch", ReportModel.service("Failready::CloudWatch::ReplicationLag"));
        for (var t : io.failready.collect.aws.ResourceTypes.all().values()) assertEquals(t.service(), ReportModel.service(t.type()), t.type());
        assertEquals("widgets", ReportModel.service("Custom::Widgets::Thing"), "a type no collector writes: its middle part");
    }

    @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;
}

package io.failready.report;

import io.failready.model.Report;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import io.failready.evaluate.WorkloadResult;
import io.failready.facts.RegionPair;
import io.failready.schema.ReportStreamReader;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** A section that judged nothing says why and what to configure, in every output that shows sections. */
public class SectionNotesTest {

    public static Report report() {
        Workload w = new Workload();
        w.name = "first-look";
        w.primaryRegion = "us-east-1";
        w.recoveryRegions = new ArrayList<>(List.of("eu-west-1"));
        w.strategy = DrStrategy.WARM_STANDBY;
        List<Evaluation> evals = new ArrayList<>(List.of(
                new Evaluation("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION", "data", Severity.HIGH, ComplianceType.COMPLIANT,
                        "AWS::S3::Bucket", "arn:aws:s3:::orders", "orders", "111111111111", "us-east-1", "eu-west-1", null, "Replicated.", null),
                new Evaluation("ROUTE53_RECORD_TTL_WITHIN_LIMIT", "traffic", Severity.MEDIUM, ComplianceType.NOT_APPLICABLE,
                        "AWS::Route53::RecordSet", "api.example.com", "api.example.com", "111111111111", "global", "eu-west-1", null, "No record.", null)));
        evals.sort(Evaluation.REPORT_ORDER);
        Report.WorkloadReport wr = ReportBuilder.workload(new WorkloadResult(w, List.of(new RegionPair("first-look", "us-east-1", "eu-west-1")), evals, List.of()));
        Report.Summary summary = new Report.Summary(evals.size(), Map.of(), Map.of(), 0);
        return new Report(Report.SCHEMA_VERSION, new Report.Tool("failready", "0.1.0"), "2026-03-01T12:00:00Z", "2026-03-01T11:55:00Z",
                new Report.Sources(null, null, null, new TreeMap<>()), List.of(), List.of(wr), List.of(), summary);
    }

    static Report.SectionScore section(Report r, String name) {
        return r.workloads().get(0).sections().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSectionThatJudgedNothingSaysWhyAndWhatToConfigure() {
        Report r = report();
        assertNull(section(r, "data").note(), "a section with a verdict needs no note");
        String traffic = section(r, "traffic").note();
        assertTrue(traffic.startsWith("all 1 evaluations are NOT_APPLICABLE for workload first-look"), traffic);
        assertTrue(traffic.contains("declare the workload's endpoints:"), traffic);
        String capacity = section(r, "capacity").note();
        assertTrue(capacity.startsWith("no rule of this section produced an evaluation"), capacity);
    }

    @Test
    void theNoteReachesJsonMarkdownHtmlAndTheFastReader() throws Exception {
        Report r = report();
        byte[] json = Json.MAPPER.writeValueAsBytes(r);
        com.fasterxml.jackson.databind.JsonNode sections = Json.MAPPER.readTree(json).path("workloads").get(0).path("sections");
        for (com.fasterxml.jackson.databind.JsonNode s : sections) {
            if (s.path("name").asText().equals("traffic")) assertTrue(s.path("note").asText().startsWith("all 1 evaluations are NOT_APPLICABLE"), s.toString());
            // the field is left out where there is nothing to say
            if (s.path("name").asText().equals("data")) assertFalse(s.has("note"), s.toString());
        }
        assertTrue(r.schemaVersion().compareTo("1.2") >= 0, "notes arrived in 1.2");
        Report fast = ReportStreamReader.read(json);
        assertEquals(section(r, "traffic").note(), section(fast, "traffic").note());
        String md = MarkdownSummaryWriter.render(r, null);
        // Markdown-escaped, and not cut short like a table cell
        assertTrue(md.contains("**traffic**: nothing judged. all 1 evaluations are NOT\\_APPLICABLE"), md);
        assertTrue(md.contains("or give its Route 53 records failover, latency, weighted or geo routing."), md);
        ReportModel.WorkloadView view = ReportModel.of(r, null, id -> null).workloads().get(0);
        assertTrue(view.sections().bars().stream().anyMatch(b -> b.label().equals("capacity")
                && b.sub().startsWith("nothing judged: no rule of this section produced an evaluation")), view.sections().toString());
    }
}

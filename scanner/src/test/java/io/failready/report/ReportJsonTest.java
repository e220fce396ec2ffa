package io.failready.report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.model.Severity;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON report written with evaluations serialized in parallel blocks must be the bytes the
 * single-threaded writer gives, for any content: the gate, diffs and users' tools read it, and
 * an evaluation off by one separator or escape would break them or their hashes.
 */
class ReportJsonTest {

    private static byte[] reference(Report r) throws IOException {
        return Json.REPORT_WRITER.writeValueAsBytes(r);
    }

    private static byte[] parallel(Report r, int threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(r, out, threads);
        return out.toByteArray();
    }

    @Test
    void aLargeReportIsTheSameBytesOnOneThreadOrSeveral() throws IOException {
        Report r = TestReports.large(3 * ReportJson.BLOCK * 2 + 17);
        assertTrue(r.workloads().get(0).evaluations().size() > 2 * ReportJson.BLOCK, "blocks in parallel, not the short-list path");
        byte[] expected = reference(r);
        for (int threads : new int[]{1, 2, 3, 8}) assertArrayEquals(expected, parallel(r, threads), threads + " threads");
    }

    /**
     * Strings an AWS name, tag or error message may hold: characters outside the BMP (escaped as
     * surrogate pairs by the byte generator, not written raw), a lone surrogate, control
     * characters, markup, quotes and backslashes, and null and empty values.
     */
    @Test
    void hostileAndUnusualValuesAreWrittenExactlyAsBefore() throws IOException {
        Report base = TestReports.small();
        String[] odd = {"\uD83D\uDE00 emoji", "lone \uD800 surrogate", "ctl \u0000\u0001\u001f\t\n\r", "</script><!-- & \u2028",
                "quote \" backslash \\ slash /", "", "é ü 漢字", null};
        List<Evaluation> evals = new ArrayList<>();
        for (int i = 0; i < 3 * ReportJson.BLOCK + 5; i++) {
            String s = odd[i % odd.length];
            evals.add(new Evaluation("RULE_" + (i % 7), "data", Severity.values()[i % Severity.values().length],
                    ComplianceType.values()[i % ComplianceType.values().length], "AWS::S3::Bucket", "arn:" + s, s, "210000000000",
                    "us-east-1", i % 3 == 0 ? null : "eu-west-1", i % 4 == 0 ? new Evaluation.Counterpart(s, "eu-west-1") : null, s,
                    i % 5 == 0 ? new Evaluation.WaiverRef(s, "cso@example.com", null, "2030-01-01", "waivers.yaml:1") : null));
        }
        Report.WorkloadReport w = base.workloads().get(0);
        Report.WorkloadReport big = new Report.WorkloadReport(w.name(), w.owner(), w.strategy(), w.primaryRegion(), w.recoveryRegions(),
                w.rtoMinutes(), w.rpoMinutes(), w.verdict(), w.score(), w.blocking(), w.sections(), w.accounts(), w.regionPairs(),
                w.waiverNotices(), evals, w.direction());
        Report r = new Report(base.schemaVersion(), base.tool(), base.generatedAt(), base.asOf(), base.sources(), base.rules(),
                List.of(big, base.workloads().get(1)), base.collectionGaps(), base.summary());
        assertArrayEquals(reference(r), parallel(r, 2));
    }

    @Test
    void aFailingOutputFailsTheWriteAndStopsItsWorkers() {
        Report r = TestReports.large(5 * ReportJson.BLOCK);
        OutputStream broken = new OutputStream() {
            int written;
            @Override public void write(int b) throws IOException { write(new byte[]{(byte) b}, 0, 1); }
            @Override public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 200_000) throw new IOException("disk full");
            }
        };
        IOException e = assertThrows(IOException.class, () -> ReportJson.write(r, broken, 2));
        assertEquals("disk full", e.getMessage());
        assertTrue(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .noneMatch(t -> t.getName().equals("failready-report-json")), "no block serializer outlives the write");
    }
}

package io.failready.report;

import io.failready.model.Report;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.model.Evaluation;
import io.failready.schema.ReportStreamReader;
import io.failready.schema.SchemaCheck;
import io.failready.util.Gzip;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a saved JSON report (plain or gzip) for {@code report}, {@code diff} and {@code gate}:
 * parsed with locations, checked against {@code schemas/report.schema.json}, then bound to
 * {@link Report}. Every problem is an {@link InputException} naming the file and, where it can,
 * the line and column (exit code 2).
 */
public final class ReportReader {
    private ReportReader() {}

    public static Report read(Path file) {
        // Fast path: validate against the schema and bind in one streaming pass (ReportStreamReader).
        // Building a located tree, validating it with networknt and binding it costs several times
        // that on a 10k-resource report, and the gate reads reports on every pipeline run and in the
        // failover runbook. The located path below runs when the fast one is in any doubt, and it
        // decides: it accepts what the schema accepts and words every error with file and line.
        io.failready.util.InputFiles.requireRegular(file, file.toString());
        if (!SchemaCheck.fast()) return readLocated(file);
        try {
            if (Files.size(file) < 256L << 20) {
                byte[] bytes = Files.readAllBytes(file);
                if (!Gzip.isGzip(bytes)) return uniqueNames(ReportStreamReader.read(bytes));
                try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes), 1 << 16)) {
                    return uniqueNames(ReportStreamReader.read(in));
                }
            }
            try (InputStream in = Gzip.maybeInflate(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                return uniqueNames(ReportStreamReader.read(in));
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the located read, which decides and names file and line
        }
        return readLocated(file);
    }

    private static Report readLocated(Path file) {
        String name = file.toString();
        try (InputStream raw = new BufferedInputStream(io.failready.util.InputFiles.open(file, name), 1 << 16)) {
            return read(raw, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, -1, -1, "report file not found.");
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "report could not be read: " + e.getMessage(), e);
        }
    }

    public static Report read(InputStream raw, String name) throws IOException {
        InputStream in = Gzip.maybeInflate(raw);
        JsonNode tree = Json.readLocated(in, name, false);
        if (!tree.isObject()) throw new InputException(name, 1, 1, "not a failready report: expected a JSON object.");
        String version = tree.path("schemaVersion").asText("");
        if (!version.isEmpty() && !version.matches("1\\.\\d+")) {
            throw new InputException(name, -1, -1, "report schemaVersion " + version + " is not supported by this failready "
                    + "(it reads 1.x); upgrade failready.");
        }
        Json.validate(Json.schema("report.schema.json"), tree, name, "The report");
        refuseDuplicateWorkloads(tree, name);
        Report report;
        try {
            report = Json.MAPPER.treeToValue(tree, Report.class);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, -1, -1, "report content is invalid: " + e.getMessage(), e);
        }
        return keepWaivedFlags(report, tree);
    }

    /**
     * The fast path's answer when every workload appears once per direction and every direction is
     * known; otherwise the located read decides and words it.
     */
    private static Report uniqueNames(Report report) {
        if (report.workloads() == null) return report;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Report.WorkloadReport w : report.workloads()) {
            io.failready.model.Direction d = io.failready.model.Direction.ofRecorded(w.direction());
            if (d == null || !seen.add(w.name() + "\u0000" + d.id)) throw io.failready.schema.StreamSchema.mismatch();
        }
        return report;
    }

    /**
     * Two workloads of one name: the gate, waivers and --workload would judge one and not the other,
     * and a reader cannot tell which is meant. Refused naming the second.
     */
    private static void refuseDuplicateWorkloads(JsonNode tree, String name) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (JsonNode w : tree.path("workloads")) {
            JsonNode n = w.path("name");
            if (!n.isTextual()) continue;
            int line = n instanceof com.networknt.schema.serialization.node.TokenStreamLocationAware l
                    && l.tokenStreamLocation() != null ? l.tokenStreamLocation().getLineNr() : -1;
            // a workload may appear once per direction (failover, failback), never twice in one
            JsonNode dir = w.path("direction");
            io.failready.model.Direction d = io.failready.model.Direction.ofRecorded(dir.isTextual() ? dir.asText() : null);
            if (d == null) {
                throw new InputException(name, line, -1, "workload '" + io.failready.util.Terminal.safe(n.asText()) + "' has direction '"
                        + io.failready.util.Terminal.safe(dir.asText()) + "'; a report's direction is primary-to-recovery or recovery-to-primary.");
            }
            Integer first = seen.putIfAbsent(n.asText() + "\u0000" + d.id, line);
            if (first != null) {
                throw new InputException(name, line, -1, "workload '" + io.failready.util.Terminal.safe(n.asText())
                        + "' appears twice in the report for " + d.id + (first > 0 ? " (first at line " + first + ")" : "")
                        + "; a report has one entry per workload and direction.");
            }
        }
    }

    /**
     * "waived": true with no waiver object (a report written by another tool, or edited by hand)
     * is bound as an empty waiver, so a re-render shows what the file claims; the gate refuses it
     * as unsigned (no approver, no expiry) and says so.
     */
    private static Report keepWaivedFlags(Report report, JsonNode tree) {
        JsonNode workloads = tree.path("workloads");
        for (int w = 0; w < workloads.size() && w < report.workloads().size(); w++) {
            JsonNode evals = workloads.get(w).path("evaluations");
            List<Evaluation> list = report.workloads().get(w).evaluations();
            for (int i = 0; i < evals.size() && i < list.size(); i++) {
                JsonNode e = evals.get(i);
                if (e.path("waived").asBoolean(false) && list.get(i).getWaiver() == null) {
                    list.get(i).setWaiver(new Evaluation.WaiverRef(null, null, null, null, "report"));
                }
            }
        }
        return report;
    }

}

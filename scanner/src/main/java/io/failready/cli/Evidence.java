package io.failready.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.failready.model.Report;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What an evidence bundle holds besides the report, snapshot and configuration, and how its parts must agree. */
final class Evidence {
    private Evidence() {}

    static final String REPORT = "report", SNAPSHOT = "snapshot", CONFIG = "config", RULES = "rules", DECISION = "gate-decision",
            WAIVERS = "waivers";

    /** rules.json: the rule set the report was judged by, as a version and a digest (RuleSet.sha256). */
    @JsonPropertyOrder({"toolVersion", "ruleSetSha256", "ruleCount"})
    record RuleSetRecord(String toolVersion, String ruleSetSha256, int ruleCount) {}

    /** waivers.json: the waivers the gate applied, with who approved them and until when (from the decision record). */
    @JsonPropertyOrder({"workload", "ruleId", "accountId", "region", "resourceId", "approver", "expires", "source"})
    record WaiverInForce(String workload, String ruleId, String accountId, String region, String resourceId, String approver,
                         String expires, String source) {}

    @JsonPropertyOrder({"decidedAt", "waivers", "refused"})
    record Waivers(String decidedAt, List<WaiverInForce> waivers, List<String> refused) {}

    static Waivers waivers(JsonNode decision) {
        List<WaiverInForce> in = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (JsonNode w : decision.path("workloads")) {
            for (JsonNode a : w.path("waiversApplied")) {
                in.add(new WaiverInForce(w.path("name").asText(), text(a, "ruleId"), text(a, "accountId"), text(a, "region"),
                        text(a, "resourceId"), text(a, "approver"), text(a, "expires"), text(a, "source")));
            }
            for (JsonNode r : w.path("waiversRefused")) refused.add(w.path("name").asText() + ": " + r.asText());
        }
        return new Waivers(decision.path("decidedAt").asText(null), in, refused);
    }

    private static String text(JsonNode n, String f) { return n.path(f).isNull() || n.path(f).isMissingNode() ? null : n.path(f).asText(); }

    static JsonNode decision(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode tree = Json.readLocated(in, file.getFileName().toString(), false);
            Json.validate(Json.schema("gate-decision.schema.json"), tree, file.getFileName().toString(), "The gate decision");
            return tree;
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The bundle's own records against the report and each other; each disagreement is one line. */
    static List<String> consistency(Report report, String reportSha, Path rules, Path decisionFile, Path waiversFile) {
        List<String> problems = new ArrayList<>();
        try {
            RuleSetRecord r = Json.MAPPER.readValue(rules.toFile(), RuleSetRecord.class);
            String recorded = report.sources() == null || report.sources().rules() == null ? null : report.sources().rules().sha256();
            if (r.ruleSetSha256() == null || !r.ruleSetSha256().equals(recorded)) {
                problems.add("rules.json records rule set " + r.ruleSetSha256() + ", the report " + recorded + ".");
            }
            JsonNode decision = decision(decisionFile);
            boolean tied = false;
            for (JsonNode in : decision.path("inputs")) tied |= "report".equals(in.path("role").asText()) && reportSha.equals(in.path("sha256").asText());
            if (!tied) problems.add("gate-decision.json was not decided on this report (no report input with its SHA-256 " + reportSha + ").");
            JsonNode waivers = Json.MAPPER.readTree(waiversFile.toFile());
            if (!waivers.equals(Json.MAPPER.valueToTree(waivers(decision)))) {
                problems.add("waivers.json does not list the waivers gate-decision.json applied and refused.");
            }
        } catch (IOException e) {
            problems.add("a bundle record cannot be read: " + e.getMessage() + ".");
        }
        return problems;
    }

}

package io.failready.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.rules.Frameworks.Framework;
import io.failready.util.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * report.sarif: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, GitLab). One
 * {@code reportingDescriptor} per checklist rule in the report, with the rule's documentation as
 * its help. Results are the findings someone must act on:
 * <ul>
 * <li>NON_COMPLIANT: level {@code error} for CRITICAL and HIGH rules, {@code warning} for MEDIUM,
 * {@code note} for LOW;</li>
 * <li>INSUFFICIENT_DATA: level {@code warning} whatever the severity: the scanner could not
 * judge, which the gate treats as UNKNOWN, not as a finding of that severity;</li>
 * <li>a waived finding stays in, with an accepted external suppression carrying the waiver's reason,
 * so dashboards show it as dismissed rather than forget it;</li>
 * <li>COMPLIANT and NOT_APPLICABLE produce no result (the run's rules list says what was checked).</li>
 * </ul>
 * AWS resources are not files: each result names its resource as a logical location (the ARN) and
 * is anchored physically to the configuration file that declares the workload, since code-scanning
 * dashboards place alerts on a file. {@code partialFingerprints} are stable per workload, rule,
 * account, region pair and resource, so an alert survives rescans and closes when fixed.
 */
public final class SarifWriter {
    private SarifWriter() {}

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void write(Report report, Framework framework, Function<String, String> ruleDocs, OutputStream out) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "failready");
        if (report.tool() != null && report.tool().version() != null) driver.put("semanticVersion", report.tool().version());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        Map<String, Report.RuleRef> refs = new HashMap<>();
        if (report.rules() != null) {
            for (Report.RuleRef r : report.rules()) {
                index.put(r.id(), index.size());
                refs.put(r.id(), r);
                rules.add(descriptor(r, framework, ruleDocs));
            }
        }
        String config = configUri(report);
        ArrayNode results = run.putArray("results");
        if (report.workloads() != null) {
            for (Report.WorkloadReport w : report.workloads()) {
                for (Evaluation e : ReportFacts.evaluations(w)) {
                    if (e.getComplianceType() != ComplianceType.NON_COMPLIANT && e.getComplianceType() != ComplianceType.INSUFFICIENT_DATA) continue;
                    if (!index.containsKey(e.getRuleId())) {
                        index.put(e.getRuleId(), index.size());
                        rules.add(descriptor(new Report.RuleRef(e.getRuleId(), e.getRuleId(), e.getSection(),
                                e.getSeverity() == null ? null : e.getSeverity().name(), e.getResourceType(), Map.of(), List.of()), framework, ruleDocs));
                    }
                    results.add(result(w, e, index.get(e.getRuleId()), config));
                }
            }
        }
        run.putObject("automationDetails").put("id", "failready/");
        Json.MAPPER.writeValue(new ReportWriters.NonClosing(out), root);
    }

    static ObjectNode descriptor(Report.RuleRef r, Framework framework, Function<String, String> ruleDocs) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("id", r.id());
        d.put("name", camel(r.id()));
        String title = SecurityFindings.nz(r.title()).isEmpty() ? r.id() : r.title();
        d.putObject("shortDescription").put("text", title.endsWith(".") ? title : title + ".");
        String doc = ruleDocs == null ? null : ruleDocs.apply(r.id());
        String help = doc == null || doc.isBlank() ? "Run 'failready rules explain " + r.id() + "' for the rationale and remediation." : doc;
        ObjectNode h = d.putObject("help");
        h.put("text", help);
        h.put("markdown", help);
        d.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = d.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        tags.add("failover-readiness");
        if (r.section() != null) tags.add(r.section());
        FrameworkView.controlIds(r.id(), framework).forEach(tags::add);
        if (r.severity() != null) props.put("severity", r.severity());
        // GitHub code scanning sorts and filters alerts by this 0-10 score
        props.put("security-severity", securitySeverity(r.severity()));
        return d;
    }

    static ObjectNode result(Report.WorkloadReport w, Evaluation e, int ruleIndex, String configUri) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("ruleId", e.getRuleId());
        r.put("ruleIndex", ruleIndex);
        boolean lacking = e.getComplianceType() == ComplianceType.INSUFFICIENT_DATA;
        r.put("level", lacking ? "warning" : level(e.getSeverity() == null ? null : e.getSeverity().name()));
        String text = SecurityFindings.nz(e.getAnnotation());
        if (text.isEmpty()) text = e.getRuleId() + " is " + e.getComplianceType().name() + ".";
        if (lacking && !text.startsWith("INSUFFICIENT_DATA")) text = "INSUFFICIENT_DATA: " + text;
        r.putObject("message").put("text", text);
        ObjectNode loc = r.putArray("locations").addObject();
        ObjectNode phys = loc.putObject("physicalLocation");
        ObjectNode art = phys.putObject("artifactLocation");
        art.put("uri", configUri);
        phys.putObject("region").put("startLine", 1);
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("name", e.getResourceName() != null ? e.getResourceName() : SecurityFindings.nz(e.getResourceId()));
        logical.put("fullyQualifiedName", SecurityFindings.nz(e.getResourceId()));
        logical.put("kind", "resource");
        r.putObject("partialFingerprints").put("failreadyFinding/v1", SecurityFindings.stableId(w, e));
        ObjectNode props = r.putObject("properties");
        props.put("workload", w.name());
        props.put("complianceType", e.getComplianceType().name());
        props.put("accountId", SecurityFindings.nz(e.getAccountId()));
        props.put("region", SecurityFindings.nz(e.getRegion()));
        props.put("recoveryRegion", SecurityFindings.nz(e.getRecoveryRegion()));
        if (e.getWaiver() != null) {
            ObjectNode s = r.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", SecurityFindings.nz(e.getWaiver().reason()));
        }
        return r;
    }

    /**
     * The configuration file as a relative URI (what code scanning can place an alert on): as given
     * when relative, else its file name (an absolute path means nothing on the dashboard's side);
     * failready.yaml when the report names none.
     */
    static String configUri(Report report) {
        String p = report.sources() == null || report.sources().config() == null ? null : report.sources().config().path();
        if (p == null || p.isBlank()) return "failready.yaml";
        String norm = p.replace('\\', '/');
        if (norm.startsWith("/") || norm.startsWith("../") || norm.contains("/../") || norm.matches("^[A-Za-z]:.*")) {
            norm = norm.substring(norm.lastIndexOf('/') + 1);
            if (norm.isEmpty() || norm.equals("..")) return "failready.yaml";
        }
        if (norm.startsWith("./")) norm = norm.substring(2);
        StringBuilder sb = new StringBuilder();
        for (String seg : norm.split("/")) {
            if (sb.length() > 0) sb.append('/');
            sb.append(java.net.URLEncoder.encode(seg, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    static String level(String severity) {
        if (severity == null) return "warning";
        return switch (severity) {
            case "CRITICAL", "HIGH" -> "error";
            case "MEDIUM" -> "warning";
            default -> "note";
        };
    }

    static String securitySeverity(String severity) {
        if (severity == null) return "5.0";
        return switch (severity) {
            case "CRITICAL" -> "9.5";
            case "HIGH" -> "8.0";
            case "MEDIUM" -> "5.5";
            default -> "3.0";
        };
    }

    /** ACM_CERTIFICATE_AVAILABLE -> AcmCertificateAvailable, SARIF's readable rule name. */
    static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String p : id.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (p.isEmpty()) continue;
            sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return sb.toString();
    }
}

package io.failready.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.rules.Frameworks.Framework;
import io.failready.util.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * findings.ocsf.json: a JSON array of OCSF 1.3 Compliance Findings (class_uid 2003, category
 * Findings), one per evaluation, for security lakes and SIEMs that ingest OCSF. Each carries the
 * resource (and its counterpart in the recovery region), the cloud account and region, the rule as
 * {@code compliance.control}, the framework controls as {@code compliance.requirements} and
 * {@code compliance.standards}, and the AWS Config outcome as {@code compliance.status_code}.
 *
 * <p>Outcome to {@code compliance.status_id}: COMPLIANT 1 Pass, NON_COMPLIANT 3 Fail,
 * INSUFFICIENT_DATA 2 Warning (OCSF: "did not yield a result due to missing information"),
 * NOT_APPLICABLE 99 Other with status "Not Applicable". A waived evaluation keeps its outcome and gets finding
 * {@code status_id} 3 Suppressed; every other finding is 1 New.
 */
public final class OcsfWriter {
    private OcsfWriter() {}

    public static final String OCSF_VERSION = "1.3.0";
    static final int CLASS_UID = 2003, CATEGORY_UID = 2, ACTIVITY_CREATE = 1;

    public static void write(Report report, Framework framework, OutputStream out) throws IOException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        Map<String, String> titles = SecurityFindings.titles(report);
        long time = SecurityFindings.epochMillis(SecurityFindings.generatedAt(report));
        String version = report.tool() == null ? null : report.tool().version();
        if (report.workloads() != null) {
            for (Report.WorkloadReport w : report.workloads()) {
                for (Evaluation e : ReportFacts.evaluations(w)) all.add(finding(w, e, titles, time, version, framework));
            }
        }
        Json.MAPPER.writeValue(new ReportWriters.NonClosing(out), all);
    }

    static ObjectNode finding(Report.WorkloadReport w, Evaluation e, Map<String, String> titles, long time, String version, Framework framework) {
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("activity_id", ACTIVITY_CREATE);
        f.put("activity_name", "Create");
        f.put("category_uid", CATEGORY_UID);
        f.put("category_name", "Findings");
        f.put("class_uid", CLASS_UID);
        f.put("class_name", "Compliance Finding");
        f.put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE);
        f.put("type_name", "Compliance Finding: Create");
        int sev = severityId(e);
        f.put("severity_id", sev);
        f.put("severity", SEVERITY_NAMES[sev]);
        f.put("status_id", e.isWaived() ? 3 : 1);
        f.put("status", e.isWaived() ? "Suppressed" : "New");
        f.put("time", time);
        f.put("message", SecurityFindings.nz(e.getAnnotation()));

        ObjectNode meta = f.putObject("metadata");
        meta.put("version", OCSF_VERSION);
        ObjectNode product = meta.putObject("product");
        product.put("name", "failready");
        product.put("vendor_name", "failready");
        if (version != null) product.put("version", version);
        meta.put("uid", SecurityFindings.stableId(w, e));

        ObjectNode info = f.putObject("finding_info");
        info.put("uid", SecurityFindings.stableId(w, e));
        info.put("title", SecurityFindings.nz(titles.getOrDefault(e.getRuleId(), e.getRuleId())));
        info.put("desc", SecurityFindings.nz(e.getAnnotation()));
        info.put("created_time", time);
        info.putArray("types").add(SecurityFindings.nz(e.getSection()));
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("uid", e.getRuleId());
        analytic.put("name", e.getRuleId());
        analytic.put("type_id", 1);
        analytic.put("type", "Rule");

        ObjectNode c = f.putObject("compliance");
        c.put("control", e.getRuleId());
        ArrayNode standards = c.putArray("standards");
        List<String> std = FrameworkView.standards(e.getRuleId(), framework);
        if (std.isEmpty()) standards.add("failready failover-readiness checklist");
        else std.forEach(standards::add);
        ArrayNode req = c.putArray("requirements");
        FrameworkView.requirements(e.getRuleId(), framework).forEach(req::add);
        int status = complianceStatusId(e);
        c.put("status_id", status);
        c.put("status", status == 1 ? "Pass" : status == 3 ? "Fail" : status == 2 ? "Warning" : "Not Applicable");
        c.put("status_code", e.getComplianceType().name());
        c.put("status_detail", SecurityFindings.nz(e.getAnnotation()));

        ArrayNode resources = f.putArray("resources");
        resources.add(resource(e.getResourceId(), e.getResourceName(), e.getResourceType(), e.getRegion(), e.getAccountId(), null));
        if (e.getCounterpart() != null && e.getCounterpart().resourceId() != null) {
            resources.add(resource(e.getCounterpart().resourceId(), null, e.getResourceType(), e.getCounterpart().region(), e.getAccountId(), "counterpart"));
        }

        ObjectNode cloud = f.putObject("cloud");
        cloud.put("provider", "AWS");
        cloud.put("region", SecurityFindings.regionOf(w, e));
        ObjectNode account = cloud.putObject("account");
        account.put("uid", SecurityFindings.nz(e.getAccountId()));
        account.put("type_id", 10);
        account.put("type", "AWS Account");

        ObjectNode un = f.putObject("unmapped");
        un.put("workload", w.name());
        un.put("primary_region", w.primaryRegion());
        un.put("recovery_region", e.getRecoveryRegion());
        un.put("section", e.getSection());
        if (e.getWaiver() != null) {
            un.put("waiver_reason", e.getWaiver().reason());
            un.put("waiver_approver", e.getWaiver().approver());
            un.put("waiver_expires", e.getWaiver().expires());
        }
        return f;
    }

    static ObjectNode resource(String uid, String name, String type, String region, String account, String label) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("uid", SecurityFindings.nz(uid));
        if (name != null) r.put("name", name);
        if (type != null) r.put("type", type);
        if (region != null) r.put("region", region);
        r.put("cloud_partition", SecurityFindings.partition(uid));
        if (account != null) r.putObject("owner").put("account_uid", account);
        if (label != null) r.putArray("labels").add(label);
        return r;
    }

    static final String[] SEVERITY_NAMES = {"Unknown", "Informational", "Low", "Medium", "High", "Critical", "Fatal"};

    /** A passing or not-applicable finding is Informational; the others carry the rule's severity. */
    static int severityId(Evaluation e) {
        switch (e.getComplianceType()) {
            case COMPLIANT, NOT_APPLICABLE -> { return 1; }
            default -> { }
        }
        if (e.getSeverity() == null) return 0;
        return switch (e.getSeverity().name()) {
            case "CRITICAL" -> 5;
            case "HIGH" -> 4;
            case "MEDIUM" -> 3;
            case "LOW" -> 2;
            default -> 1;
        };
    }

    static int complianceStatusId(Evaluation e) {
        return switch (e.getComplianceType()) {
            case COMPLIANT -> 1;
            case NON_COMPLIANT -> 3;
            case INSUFFICIENT_DATA -> 2;
            case NOT_APPLICABLE -> 99;
        };
    }
}

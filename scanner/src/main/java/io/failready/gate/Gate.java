package io.failready.gate;

import io.failready.config.Waiver;
import io.failready.evaluate.GatePolicy;
import io.failready.evaluate.Scoring;
import io.failready.evaluate.Verdict;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.util.Globs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides from evaluations alone — no rule engine — so gating a saved report is instant.
 * Waivers are re-checked against today: a report written while a waiver was valid stops being
 * waived the day the waiver expires.
 */
public final class Gate {
    private Gate() {}

    /** {@code warnedOnly}: findings that would have blocked but for warn-only. */
    /**
     * {@code direction}: "us-east-1 -> eu-west-1" with --to, else null; {@code way}: which way the entry
     * judged (a failback entry is gated as one, never as a failover).
     */
    public record Decision(String workload, Verdict verdict, Double score, List<Evaluation> blocking,
                           List<Evaluation> lackingData, List<String> notices, String direction, List<Evaluation> waived,
                           List<Evaluation> warnedOnly, io.failready.model.Direction way) {}

    public static Decision decide(Report.WorkloadReport w, GatePolicy policy, List<Waiver> extraWaivers,
                                  io.failready.config.WaiverPolicy waiverPolicy, LocalDate today, String toRegion,
                                  FailoverPrecheck precheck) {
        return decide(w, policy, extraWaivers, waiverPolicy, today, toRegion, precheck, null);
    }

    /**
     * {@code grantedBy} (may be null): the configuration a saved report is gated under. Waivers are
     * policy, not findings, so under a configuration the waivers a report carries are not believed:
     * every one is dropped and only what the configuration and --waivers grant (under its
     * waiverPolicy) is applied again. Without it, a carried waiver still needs an approver, a
     * reason and an unexpired date.
     */
    public static Decision decide(Report.WorkloadReport w, GatePolicy policy, List<Waiver> extraWaivers,
                                  io.failready.config.WaiverPolicy waiverPolicy, LocalDate today, String toRegion,
                                  FailoverPrecheck precheck, String grantedBy) {
        List<String> notices = new ArrayList<>(w.waiverNotices());
        List<Evaluation> evals = new ArrayList<>();
        for (Evaluation e : w.evaluations()) {
            if (toRegion != null) {
                if (!precheck.includes(e.getRuleId(), e.getSection())) continue;
                // a failback entry judges one return (its source -> the primary) and nothing else: every
                // evaluation in it, per pair, per region or unswapped (DNS, origin groups), is about that return
                if (w.isFailback()) {
                    evals.add(e);
                    continue;
                }
                boolean pair = toRegion.equals(e.getRecoveryRegion());
                boolean regional = e.getRecoveryRegion() == null && (toRegion.equals(e.getRegion()) || "global".equals(e.getRegion()));
                if (!pair && !regional) continue;
            }
            evals.add(e);
        }
        for (Evaluation e : evals) {
            if (e.isWaived() && grantedBy != null) {
                Evaluation.WaiverRef carried = e.getWaiver();
                e.setWaiver(null);
                if (e.getComplianceType() != ComplianceType.COMPLIANT && e.getComplianceType() != ComplianceType.NOT_APPLICABLE) {
                    applyExtra(e, extraWaivers, waiverPolicy, today, notices);
                }
                if (!e.isWaived()) {
                    notices.add("Waiver for " + e.getRuleId() + " on " + e.getResourceName() + " carried by the report"
                            + (carried == null || carried.source() == null ? "" : " (" + carried.source() + ")")
                            + " is not granted by " + grantedBy + " or --waivers and does not apply.");
                }
                continue;
            }
            if (e.isWaived()) {
                String why = invalidWaiver(e.getWaiver(), today);
                if (why != null) {
                    notices.add("Waiver for " + e.getRuleId() + " on " + e.getResourceName() + " " + why
                            + (e.getWaiver().source() == null ? "." : " (" + e.getWaiver().source() + ")."));
                    e.setWaiver(null);
                }
            }
            if (!e.isWaived() && e.getComplianceType() != ComplianceType.COMPLIANT
                    && e.getComplianceType() != ComplianceType.NOT_APPLICABLE) {
                applyExtra(e, extraWaivers, waiverPolicy, today, notices);
            }
        }
        Double score = Scoring.score(evals);
        Verdict v = policy.verdict(evals, score);
        List<Evaluation> blocking = evals.stream().filter(policy::blocks).sorted(Evaluation.REPORT_ORDER).toList();
        List<Evaluation> lacking = evals.stream().filter(policy::lacksData).sorted(Evaluation.REPORT_ORDER).toList();
        if (policy.minScore() != null && score != null && score < policy.minScore()) {
            notices.add(0, String.format(java.util.Locale.ROOT, "Score %.1f is below the minimum %.1f.", score, policy.minScore()));
        }
        String direction = toRegion == null ? null : w.isFailback()
                ? String.join(",", io.failready.report.ReportFacts.failbackSources(w)) + " -> " + w.primaryRegion()
                : w.primaryRegion() + " -> " + toRegion;
        List<Evaluation> waived = evals.stream().filter(Evaluation::isWaived).sorted(Evaluation.REPORT_ORDER).toList();
        List<Evaluation> warned = evals.stream().filter(policy::blocksButForWarnOnly).sorted(Evaluation.REPORT_ORDER).toList();
        return new Decision(w.name(), v, score, blocking, lacking, notices.stream().distinct().toList(), direction, waived, warned,
                w.directionOrDefault());
    }

    /**
     * Why a waiver a report carries does not apply today, or null. "waived": true alone, or a
     * waiver without an approver or an expiry date, is a claim nobody signed: not a waiver.
     */
    static String invalidWaiver(Evaluation.WaiverRef w, LocalDate today) {
        if (w.approver() == null || w.approver().isBlank()) return "has no approver and does not apply";
        if (w.reason() == null || w.reason().isBlank()) return "has no reason and does not apply";
        String exp = w.expires();
        if (exp == null || exp.isBlank() || "null".equals(exp)) return "has no expiry date and does not apply";
        LocalDate d;
        try {
            d = LocalDate.parse(exp);
        } catch (java.time.format.DateTimeParseException ex) {
            return "has an expiry '" + exp + "' that is not a date (YYYY-MM-DD) and does not apply";
        }
        return d.isBefore(today) ? "expired on " + exp + " and no longer applies" : null;
    }

    private static void applyExtra(Evaluation e, List<Waiver> waivers, io.failready.config.WaiverPolicy waiverPolicy,
                                   LocalDate today, List<String> notices) {
        for (Waiver wv : waivers) {
            if (!wv.rule.equals(e.getRuleId())) continue;
            Pattern p = Globs.glob(wv.resource == null ? "*" : wv.resource);
            if (!p.matcher(nz(e.getResourceId())).matches() && !p.matcher(nz(e.getResourceName())).matches()) continue;
            String where = wv.source == null ? "" : " (" + wv.source + ")";
            String refused = waiverPolicy.refusal(wv, e, today);
            if (refused != null) {
                notices.add("Waiver for " + wv.rule + " on " + wv.resource + where + " " + refused + ".");
                continue;
            }
            e.setWaiver(new Evaluation.WaiverRef(wv.reason, wv.approver, wv.owner, String.valueOf(wv.expires), wv.source));
            return;
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}

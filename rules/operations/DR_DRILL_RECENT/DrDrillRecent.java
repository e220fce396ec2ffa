package io.failready.rules.operations;

import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.rules.api.RecoveryEvidence;
import io.failready.rules.api.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DR_DRILL_RECENT: the decision for the workload. Measured evidence comes first: a measured failure
 * later than every success decides; then the latest successful Region switch failover execution
 * within the limit (its actual recovery time against the RTO); then a completed FIS experiment of the
 * workload that touched a recovery region; then the drill declared in the configuration. A known
 * problem (no drill, too old, a target missed) is reported before anything unknown, and evidence
 * AWS could not be asked for keeps a pass from being claimed.
 */
public final class DrDrillRecent {
    private DrDrillRecent() {}

    /** One measured failover: where it is recorded, when it ended, how it ended. */
    record Measured(String source, Instant at, boolean failed, String state, Long recoverySeconds, boolean regionSwitch, String raw) {
        String when(AsOf now) {
            return "on " + at.atZone(ZoneOffset.UTC).toLocalDate() + " (" + now.daysSince(at.atZone(ZoneOffset.UTC).toLocalDate()) + " days ago)";
        }
    }

    /** Declared drills only: what the rule decided before it read measured evidence. */
    public static Verdict decide(Workload w, AsOf now, int maxDays) {
        return decide(w, now, maxDays, List.of(), new GapIndex(List.of(), Set.of(), Set.of()));
    }

    public static Verdict decide(Workload w, AsOf now, int maxDays, Collection<?> resources, GapIndex g) {
        String who = "Workload " + w.getName() + ": ";
        Measured rsOk = null, fisOk = null, failed = null;
        List<String> hidden = new ArrayList<>();
        CollectionGap planGap = RecoveryEvidence.planGap(w, g);
        if (planGap != null) hidden.add("Region switch plans (" + GapIndex.describe(planGap) + ")");
        CollectionGap fisGap = RecoveryEvidence.experimentGap(w, g);
        if (fisGap != null) hidden.add("FIS experiments (" + GapIndex.describe(fisGap) + ")");
        for (Resource plan : RecoveryEvidence.plans(resources, w)) {
            if (!plan.has("executions")) {
                CollectionGap gap = g.whyGap(plan, RecoveryEvidence.PLAN_SERVICE);
                hidden.add("the executions of Region switch plan " + plan.getResourceName() + (gap == null ? "" : " (" + GapIndex.describe(gap) + ")"));
                continue;
            }
            for (Map<String, Object> x : plan.maps("executions")) {
                if (!RecoveryEvidence.failover(x, w)) continue;
                Instant at = RecoveryEvidence.instant(x.get("endTime") != null ? x.get("endTime") : x.get("startTime"));
                String state = String.valueOf(x.get("state"));
                boolean ok = RecoveryEvidence.EXECUTION_SUCCEEDED.contains(state);
                if (at == null || !(ok || RecoveryEvidence.EXECUTION_FAILED.contains(state))) continue;
                Object secs = x.get("actualRecoverySeconds");
                Measured m = new Measured("Region switch plan " + plan.getResourceName() + " execution " + x.get("executionId") + " ("
                        + x.get("mode") + ", " + x.get("action") + " " + x.get("region") + ")", at, !ok, state,
                        secs instanceof Number n ? n.longValue() : null, true, x.get("actualRecoveryTime") == null ? null : String.valueOf(x.get("actualRecoveryTime")));
                if (ok) rsOk = later(rsOk, m);
                else failed = later(failed, m);
            }
        }
        for (Resource e : RecoveryEvidence.experiments(resources, w)) {
            String status = e.str("status");
            if (!"completed".equals(status) && !"failed".equals(status)) continue;
            if ("skip-all".equals(e.str("actionsMode"))) continue; // a dry run injected no fault
            List<Object> regions = e.list("regions");
            if (regions == null) {
                hidden.add("the targets of FIS experiment " + e.getResourceName() + " (" + GapIndex.describe(g.whyGap(e, RecoveryEvidence.FIS_SERVICE)) + ")");
                continue;
            }
            List<String> touched = w.recoveryRegions.stream().filter(regions::contains).toList();
            Instant at = RecoveryEvidence.instant(e.get("endTime"));
            if (touched.isEmpty() || at == null) continue;
            Instant start = RecoveryEvidence.instant(e.get("startTime"));
            Long ran = start == null ? null : Duration.between(start, at).getSeconds();
            Measured m = new Measured("FIS experiment " + e.getResourceName() + (e.str("experimentTemplateId") == null ? "" : " (template "
                    + e.str("experimentTemplateId") + ")") + " in " + String.join(", ", touched), at, "failed".equals(status), status, ran, false, null);
            if (m.failed()) failed = later(failed, m);
            else fisOk = later(fisOk, m);
        }

        Workload.Drill d = w.getLastDrill();
        Instant drillEnd = d == null ? null : d.getDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (failed != null && after(failed.at, rsOk) && after(failed.at, fisOk) && (drillEnd == null || failed.at.isAfter(drillEnd))) {
            return Verdict.nonCompliant(who + "the latest measured failover failed: " + failed.source + " ended " + failed.state + " "
                    + failed.when(now) + (d == null ? "" : "; it contradicts the drill declared on " + d.getDate()) + ".", null);
        }
        Measured best = within(rsOk, now, maxDays) ? rsOk : within(fisOk, now, maxDays) ? fisOk : null;
        String unseen = hidden.isEmpty() ? null : String.join("; ", hidden);
        if (best != null && best.regionSwitch()) {
            if (best.recoverySeconds() == null) {
                return Verdict.insufficientData(who + best.source + " completed " + best.when(now) + " but Region switch reported no readable actual recovery time"
                        + (best.raw() == null ? "" : " ('" + best.raw() + "')") + " to compare with the RTO.");
            }
            if (w.getRtoMinutes() <= 0) {
                return Verdict.insufficientData(who + best.source + " completed " + best.when(now) + " with an actual recovery time of "
                        + RecoveryEvidence.human(best.recoverySeconds()) + ", but the workload declares no RTO to compare it with.");
            }
            String measured = "actual recovery time " + RecoveryEvidence.human(best.recoverySeconds());
            if (best.recoverySeconds() > w.getRtoMinutes() * 60) {
                return Verdict.nonCompliant(who + best.source + " completed " + best.when(now) + " but its " + measured
                        + " exceeded the " + w.getRtoMinutes() + " min RTO.", null);
            }
            return passUnlessHidden(who, best.source + " completed " + best.when(now) + " with an " + measured + ", within the "
                    + w.getRtoMinutes() + " min RTO (measured by ARC Region switch)", "the successful execution", unseen);
        }
        if (best != null) {
            return passUnlessHidden(who, best.source + " completed " + best.when(now)
                    + (best.recoverySeconds() == null ? "" : " after running " + RecoveryEvidence.human(best.recoverySeconds()))
                    + " (measured by AWS FIS; FIS records no recovery time)", "the completed experiment", unseen);
        }
        Measured stale = rsOk != null ? rsOk : fisOk;
        if (d == null && stale != null) {
            return Verdict.nonCompliant(who + "the last measured failover, " + stale.source + ", completed " + stale.when(now)
                    + " (limit " + maxDays + ") and no drill is declared.", null);
        }
        if (d == null && unseen != null) {
            return Verdict.insufficientData(who + "no drill is declared and the measured evidence could not be read: " + unseen + ".");
        }
        String problems = problems(w, now, maxDays);
        if (problems != null) return Verdict.nonCompliant(who + problems + ".", null);
        String unknown = unknown(w);
        if (unknown != null) {
            return Verdict.insufficientData(who + "cannot tell whether the last drill met the targets: " + unknown + ".");
        }
        return passUnlessHidden(who, "the last drill on " + d.getDate() + " (" + now.daysSince(d.getDate())
                + " days ago) met its targets: RTO " + d.getObservedRtoMinutes() + "/" + w.getRtoMinutes() + " min, RPO "
                + d.getObservedRpoMinutes() + "/" + w.getRpoMinutes() + " min (declared in the configuration)",
                "the drill declared on " + d.getDate(), unseen);
    }

    private static Verdict passUnlessHidden(String who, String pass, String evidence, String unseen) {
        if (unseen == null) return Verdict.compliant(who + pass + ".", null);
        return Verdict.insufficientData(who + "cannot read " + unseen + ", where a later failed failover would contradict " + evidence + ".");
    }

    private static Measured later(Measured a, Measured b) { return a == null || b.at.isAfter(a.at) ? b : a; }

    private static boolean after(Instant t, Measured m) { return m == null || t.isAfter(m.at); }

    private static boolean within(Measured m, AsOf now, int maxDays) {
        return m != null && now.daysSince(m.at.atZone(ZoneOffset.UTC).toLocalDate()) <= maxDays;
    }

    /** What is wrong with the last declared drill, or null; only known facts count. */
    static String problems(Workload w, AsOf now, int maxDays) {
        Workload.Drill d = w.getLastDrill();
        if (d == null) return "no failover drill is recorded";
        List<String> out = new ArrayList<>();
        long age = now.daysSince(d.getDate());
        if (age > maxDays) out.add("the last drill on " + d.getDate() + " was " + age + " days ago (limit " + maxDays + ")");
        if (d.getObservedRtoMinutes() >= 0 && w.getRtoMinutes() > 0 && d.getObservedRtoMinutes() > w.getRtoMinutes()) {
            out.add("its observed RTO of " + d.getObservedRtoMinutes() + " min missed the " + w.getRtoMinutes() + " min target");
        }
        if (d.getObservedRpoMinutes() >= 0 && w.getRpoMinutes() > 0 && d.getObservedRpoMinutes() > w.getRpoMinutes()) {
            out.add("its observed RPO of " + d.getObservedRpoMinutes() + " min missed the " + w.getRpoMinutes() + " min target");
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** What keeps a recent drill from being judged against the targets, or null. */
    static String unknown(Workload w) {
        Workload.Drill d = w.getLastDrill();
        if (d.getObservedRtoMinutes() < 0) return "the drill on " + d.getDate() + " records no observed RTO";
        if (d.getObservedRpoMinutes() < 0) return "the drill on " + d.getDate() + " records no observed RPO";
        if (w.getRtoMinutes() <= 0) return "the workload declares no RTO to compare the drill with";
        if (w.getRpoMinutes() <= 0) return "the workload declares no RPO to compare the drill with";
        return null;
    }
}

package io.failready.evaluate;

import io.failready.model.Evaluation;

import io.failready.model.ComplianceType;

import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names the collection gaps behind each INSUFFICIENT_DATA evaluation ({@link Evaluation#getGaps}),
 * so a reader sees which failed call to fix, and the HTML gap table counts what each gap blocked
 * from the evaluations themselves. A gap is behind an evaluation when:
 * <ul>
 *   <li>the rule named it in the annotation (rules write {@link GapIndex#describe});</li>
 *   <li>it is about the resource or its counterpart;</li>
 *   <li>it hides the resource's service (or every service: a region that failed or was never
 *       collected) in the evaluation's account, at either end of its region pair.</li>
 * </ul>
 * An INSUFFICIENT_DATA evaluation with none (an undeclared RTO, a metric without datapoints) gets an
 * empty list: its annotation says what is missing.
 */
public final class GapAttribution {
    private GapAttribution() {}

    public static void attach(List<Evaluation> evals, GapIndex index, List<CollectionGap> gaps) {
        // worded once per gap, not once per gap and evaluation (a million strings at 100k resources)
        CollectionGap[] all = gaps.toArray(new CollectionGap[0]);
        String[] described = new String[all.length];
        for (int i = 0; i < all.length; i++) described[i] = GapIndex.describe(all[i]);
        for (Evaluation e : evals) {
            if (e.getComplianceType() != ComplianceType.INSUFFICIENT_DATA) continue;
            Set<CollectionGap> behind = new LinkedHashSet<>();
            String annotation = e.getAnnotation() == null ? "" : e.getAnnotation();
            String cp = e.getCounterpart() == null ? null : e.getCounterpart().resourceId();
            for (int i = 0; i < all.length; i++) {
                CollectionGap g = all[i];
                if (annotation.contains(described[i])) behind.add(g);
                else if (g.getResourceId() != null && (g.getResourceId().equals(e.getResourceId()) || g.getResourceId().equals(cp))) behind.add(g);
            }
            String service = e.getResourceType() == null ? null : UnseenSubjects.service(e.getResourceType());
            if (e.getAccountId() != null) {
                for (String region : regions(e)) {
                    if (service != null) add(behind, index.gap(e.getAccountId(), region, service));
                    add(behind, index.gap(e.getAccountId(), region, CollectionGap.ALL_SERVICES));
                }
            }
            // synthetic "not collected" gaps are new objects per call: dedupe by value
            Set<Evaluation.GapRef> refs = new LinkedHashSet<>();
            for (CollectionGap g : behind) refs.add(Evaluation.GapRef.of(g));
            e.setGaps(new ArrayList<>(refs));
        }
    }

    private static List<String> regions(Evaluation e) {
        List<String> out = new ArrayList<>();
        if (e.getRegion() != null) out.add(e.getRegion());
        if (e.getRecoveryRegion() != null && !e.getRecoveryRegion().equals(e.getRegion())) out.add(e.getRecoveryRegion());
        return out;
    }

    private static void add(Set<CollectionGap> behind, CollectionGap g) {
        if (g != null) behind.add(g);
    }
}

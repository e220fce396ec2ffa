package io.failready.evaluate;

import io.failready.model.Evaluation;

import io.failready.model.ComplianceType;

import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
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
        attach(evals, index, new Candidates(gaps));
    }

    /** The same, with the gaps' lookup built once for several slices of one evaluation's list (read-only once built). */
    static void attach(List<Evaluation> evals, GapIndex index, Candidates candidates) {
        for (Evaluation e : evals) {
            if (e.getComplianceType() != ComplianceType.INSUFFICIENT_DATA) continue;
            Set<CollectionGap> behind = new LinkedHashSet<>();
            String annotation = e.getAnnotation() == null ? "" : e.getAnnotation();
            String cp = e.getCounterpart() == null ? null : e.getCounterpart().resourceId();
            for (int i : candidates.behind(annotation, e.getResourceId(), cp)) behind.add(candidates.all[i]);
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

    /**
     * Finds the gaps an annotation names or that are about the resource or its counterpart without
     * trying every gap on every evaluation: that was evaluations x gaps, both growing with the
     * estate (85k x 1,250 at a million resources). A worded gap ends in " in account/region", so
     * every place it occurs in an annotation starts such a tail at an occurrence of " in ": only
     * the gaps with the tail found there are compared in full. Same gaps, same (list) order.
     */
    static final class Candidates {
        private static final String IN = " in ";
        final CollectionGap[] all;
        private final String[] described;
        private final Map<String, List<Integer>> byTail = new HashMap<>();
        private final int[] tailLengths;
        private final Map<String, List<Integer>> byResource = new HashMap<>();

        Candidates(List<CollectionGap> gaps) {
            all = gaps.toArray(new CollectionGap[0]);
            described = new String[all.length];
            Set<Integer> lengths = new TreeSet<>();
            for (int i = 0; i < all.length; i++) {
                described[i] = GapIndex.describe(all[i]);
                String tail = described[i].substring(described[i].lastIndexOf(IN));
                byTail.computeIfAbsent(tail, k -> new ArrayList<>()).add(i);
                lengths.add(tail.length());
                if (all[i].getResourceId() != null) byResource.computeIfAbsent(all[i].getResourceId(), k -> new ArrayList<>()).add(i);
            }
            tailLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Indexes into {@link #all}, ascending, of the gaps behind an evaluation. */
        int[] behind(String annotation, String resourceId, String counterpartId) {
            BitSet hit = new BitSet(all.length);
            for (int at = annotation.indexOf(IN); at >= 0; at = annotation.indexOf(IN, at + 1)) {
                for (int len : tailLengths) {
                    if (at + len > annotation.length()) break;
                    List<Integer> same = byTail.get(annotation.substring(at, at + len));
                    if (same == null) continue;
                    for (int i : same) if (!hit.get(i) && annotation.contains(described[i])) hit.set(i);
                }
            }
            mark(hit, resourceId);
            mark(hit, counterpartId);
            return hit.stream().toArray();
        }

        private void mark(BitSet hit, String resourceId) {
            List<Integer> about = resourceId == null ? null : byResource.get(resourceId);
            if (about != null) for (int i : about) hit.set(i);
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

package io.failready.report;

import io.failready.evaluate.Scoring;
import io.failready.facts.CollectionGap;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.snapshot.Snapshot;
import io.failready.util.InputException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code report --portfolio}: several saved reports (each validated by {@link ReportReader}) shown
 * as one, for a manager's overview across teams. Nothing is re-judged: each workload keeps its own
 * report's verdict, score, findings and inventory time. A portfolio is a view, never evidence, so
 * it renders HTML and Markdown only; the JSON reports it came from stay the evidence.
 *
 * @param report the combined report: every input's workloads, rules, account names and gaps
 * @param inventoryAt workload name to its own report's inventory time
 */
public record Portfolio(Report report, Map<String, String> inventoryAt) {

    /**
     * @param files the reports' paths, for error messages, in the order given
     * @throws InputException (exit 2) when the reports cannot be combined: a workload in two of them
     *                        (which one counts would be a guess), a report with no workload, or one whose
     *                        recorded verdict or score its evaluations do not give
     */
    public static Portfolio combine(List<Path> files, List<Report> reports) {
        Map<String, Path> seen = new HashMap<>();
        Map<String, String> inventory = new LinkedHashMap<>();
        List<Report.WorkloadReport> workloads = new ArrayList<>();
        Map<String, Report.RuleRef> rules = new TreeMap<>();
        Map<String, Report.AccountName> names = new TreeMap<>();
        // two reports over a shared account may record the same gap: listed once
        Map<Evaluation.GapRef, CollectionGap> gaps = new LinkedHashMap<>();
        Report newest = null;
        String oldestInventory = null;
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            Path file = files.get(i);
            if (r.workloads() == null || r.workloads().isEmpty()) {
                throw new InputException(file, "this report holds no workload, so it adds nothing to a portfolio; leave it out "
                        + "(a report with no workload is UNKNOWN on its own: render it with failready report " + file + ").");
            }
            ReportFacts.checkVerdicts(r, file);
            for (Report.WorkloadReport w : r.workloads()) {
                Path other = seen.putIfAbsent(w.name(), file);
                if (other != null) {
                    throw new InputException(file, "workload \"" + w.name() + "\" is also in " + other + ". A portfolio shows each "
                            + "workload once, and picking one of two reports would hide the other's verdict: pass the newest report "
                            + "of each workload, and an older one with --previous for the trend.");
                }
                workloads.add(w);
                inventory.put(w.name(), r.inventoryAt());
            }
            if (r.rules() != null) for (Report.RuleRef ref : r.rules()) rules.putIfAbsent(ref.id(), ref);
            if (r.accounts() != null) for (Report.AccountName a : r.accounts()) {
                if (a == null || a.accountId() == null) continue;
                Report.AccountName had = names.get(a.accountId());
                // the owner's own name (config) beats the one Organizations gave
                if (had == null || ("config".equals(a.source()) && !"config".equals(had.source()))) names.put(a.accountId(), a);
            }
            if (r.collectionGaps() != null) for (CollectionGap g : r.collectionGaps()) gaps.putIfAbsent(Evaluation.GapRef.of(g), g);
            if (newest == null || instant(r.generatedAt()).isAfter(instant(newest.generatedAt()))) newest = r;
            String inv = r.inventoryAt();
            if (inv != null && (oldestInventory == null || instant(inv).isBefore(instant(oldestInventory)))) oldestInventory = inv;
        }
        if (newest == null) throw new InputException("--portfolio needs at least one report.");
        List<Evaluation> all = new ArrayList<>();
        for (Report.WorkloadReport w : workloads) all.addAll(ReportFacts.evaluations(w));
        List<CollectionGap> gapList = new ArrayList<>(gaps.values());
        gapList.sort(Snapshot.GAP_ORDER);
        Report.Summary summary = new Report.Summary(all.size(), Scoring.count(all, e -> e.getComplianceType().name()),
                Scoring.count(all, e -> Objects.toString(e.getSeverity(), "UNRATED")), gapList.size());
        // the portfolio's own inventory time is its oldest part's, as for a merged snapshot
        Report.Sources sources = new Report.Sources(new Report.Source(null, null, oldestInventory), null, null, null);
        Report combined = new Report(Report.SCHEMA_VERSION, newest.tool(), newest.generatedAt(), newest.asOf(), sources,
                List.copyOf(rules.values()), List.copyOf(workloads), gapList, summary, List.copyOf(names.values()));
        return new Portfolio(combined, inventory);
    }

    /** Reports are schema-validated before they get here; an unparsable time sorts as the epoch rather than failing the view. */
    private static Instant instant(String s) {
        try {
            return s == null ? Instant.EPOCH : Instant.parse(s);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}

package io.failready.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.util.Hashing;
import io.failready.util.InputException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The trend over many saved reports ({@code failready history DIR}): per workload, and within it per
 * section and per account, the score, verdict and counts of every report in time order, and what
 * changed from the workload's previous report ({@link ReportDiff}: new, resolved, regressed,
 * disappeared). Scores are the reports' own; nothing is re-evaluated. The JSON form is
 * {@code history.json} (schemas/history.schema.json); {@link HistoryWriter} renders it.
 *
 * <p>Every file is read by {@link ReportReader}, so a file that is not a valid report is refused
 * (exit 2, naming it) rather than skipped: a trend with a month silently missing reads as a
 * smoother history than the estate had, and the odd file out may be a forged one. A report whose
 * recorded verdict or score its own evaluations do not give is refused too ({@link ReportFacts#checkVerdicts}).
 */
@JsonPropertyOrder({"schemaVersion", "tool", "reports", "workloads"})
public record History(String schemaVersion, Report.Tool tool, List<Source> reports, List<WorkloadSeries> workloads) {

    public static final String SCHEMA_VERSION = "1.0";

    /**
     * One report read. inventoryAgeSeconds: how old its inventory was when the report was written
     * (generatedAt minus inventoryAt); null when the report does not say when it was collected.
     */
    @JsonPropertyOrder({"file", "sha256", "generatedAt", "inventoryAt", "inventoryAgeSeconds", "schemaVersion", "workloads"})
    public record Source(String file, String sha256, String generatedAt, String inventoryAt, Long inventoryAgeSeconds,
                         String schemaVersion, List<String> workloads) {}

    @JsonPropertyOrder({"name", "steps"})
    public record WorkloadSeries(String name, List<Step> steps) {}

    /** changes: against the previous report holding this workload; null on its first report. */
    @JsonPropertyOrder({"file", "generatedAt", "inventoryAt", "inventoryAgeSeconds", "verdict", "score", "counts", "changes", "sections", "accounts"})
    public record Step(String file, String generatedAt, String inventoryAt, Long inventoryAgeSeconds, String verdict, Double score,
                       Counts counts, @JsonInclude(JsonInclude.Include.ALWAYS) Changes changes, List<Point> sections, List<Point> accounts) {}

    @JsonPropertyOrder({"name", "score", "counts", "changes"})
    public record Point(String name, Double score, Counts counts, @JsonInclude(JsonInclude.Include.ALWAYS) Changes changes) {}

    /** Evaluations by outcome, a waived one counted once as waived ({@link ReportFacts#counts}). */
    @JsonPropertyOrder({"nonCompliant", "insufficientData", "compliant", "notApplicable", "waived"})
    public record Counts(long nonCompliant, long insufficientData, long compliant, long notApplicable, long waived) {
        static Counts of(List<Evaluation> evals) {
            Map<String, Long> m = ReportFacts.counts(evals);
            return new Counts(m.get("NON_COMPLIANT"), m.get("INSUFFICIENT_DATA"), m.get("COMPLIANT"), m.get("NOT_APPLICABLE"), m.get("WAIVED"));
        }
    }

    @JsonPropertyOrder({"newFindings", "resolved", "regressed", "disappeared"})
    public record Changes(int newFindings, int resolved, int regressed, int disappeared) {}

    /** A report file read and where it came from, before ordering. */
    public record Entry(Path file, String sha256, Instant generatedAt, Report report) {}

    /**
     * The reports of {@code dir}: each {@code *.json} / {@code *.json.gz} in it, and each
     * {@code report.json} / {@code report.json.gz} one level down (a folder of {@code scan --out}
     * directories). Byte-identical copies are read once ({@code warn} says which); two different
     * reports written at the same instant about the same workload are refused, since no order between
     * them is right.
     */
    public static List<Entry> read(Path dir, Consumer<String> warn) throws IOException {
        if (!Files.isDirectory(dir)) throw new InputException(dir, "is not a directory; history reads a folder of JSON reports.");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) continue;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    for (String r : List.of("report.json", "report.json.gz")) if (Files.exists(p.resolve(r))) files.add(p.resolve(r));
                } else if (n.endsWith(".json") || n.endsWith(".json.gz")) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparing(Path::toString));
        if (files.isEmpty()) {
            throw new InputException(dir, "holds no JSON reports (*.json, *.json.gz, or */report.json); put one report per scan there.");
        }
        Map<String, Path> bySha = new LinkedHashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            Report r = ReportReader.read(f);
            ReportFacts.checkVerdicts(r, f);
            String sha = Hashing.sha256(f);
            Path same = bySha.putIfAbsent(sha, f);
            if (same != null) {
                warn.accept(f + " is a byte-for-byte copy of " + same + "; counted once.");
                continue;
            }
            Instant at;
            try {
                at = Instant.parse(r.generatedAt());
            } catch (DateTimeParseException | NullPointerException e) {
                throw new InputException(f, "generatedAt '" + r.generatedAt() + "' is not an ISO-8601 instant, so the report cannot be placed in time.");
            }
            out.add(new Entry(f, sha, at, r));
        }
        out.sort(Comparator.comparing(Entry::generatedAt).thenComparing(e -> e.file().toString()));
        for (int i = 1; i < out.size(); i++) {
            Entry a = out.get(i - 1), b = out.get(i);
            if (!a.generatedAt().equals(b.generatedAt())) continue;
            TreeSet<String> shared = new TreeSet<>(names(a.report()));
            shared.retainAll(names(b.report()));
            if (!shared.isEmpty() && io.failready.util.Json.MAPPER.valueToTree(a.report()).equals(io.failready.util.Json.MAPPER.valueToTree(b.report()))) {
                // the same report twice (one gzipped, say): the later name goes
                warn.accept(b.file() + " holds the same report as " + a.file() + "; counted once.");
                out.remove(i--);
            } else if (!shared.isEmpty()) {
                throw new InputException(b.file(), "was written at " + b.generatedAt() + ", the same instant as " + a.file()
                        + ", and both judge workload '" + io.failready.util.Terminal.safe(shared.first())
                        + "' differently: no order between them is right. Keep one of the two in the folder.");
            }
        }
        return out;
    }

    private static List<String> names(Report r) {
        return r.workloads() == null ? List.of() : r.workloads().stream().map(Report.WorkloadReport::name).toList();
    }

    /** Builds the series from reports already in time order ({@link #read}). */
    public static History of(List<Entry> entries, Report.Tool tool, Function<Path, String> display) {
        List<Source> sources = new ArrayList<>();
        Map<String, List<Step>> series = new TreeMap<>();
        Map<String, Report.WorkloadReport> last = new TreeMap<>();
        for (Entry e : entries) {
            Report r = e.report();
            String file = display.apply(e.file());
            Long age = age(r.inventoryAt(), r.generatedAt());
            sources.add(new Source(file, e.sha256(), r.generatedAt(), r.inventoryAt(), age, r.schemaVersion(), names(r)));
            if (r.workloads() == null) continue;
            for (Report.WorkloadReport w : r.workloads()) {
                // a failback is its own series: compared with the failover it would read as a jump and as changed findings
                String name = ReportFacts.title(w);
                Report.WorkloadReport before = last.put(name, w);
                ReportDiff.WorkloadDiff diff = before == null ? null : ReportDiff.workload(name, before, w);
                series.computeIfAbsent(name, k -> new ArrayList<>()).add(step(file, r, age, w, diff));
            }
        }
        List<WorkloadSeries> out = new ArrayList<>();
        series.forEach((name, steps) -> out.add(new WorkloadSeries(name, steps)));
        return new History(SCHEMA_VERSION, tool, sources, out);
    }

    private static Step step(String file, Report r, Long age, Report.WorkloadReport w, ReportDiff.WorkloadDiff diff) {
        List<Evaluation> evals = ReportFacts.evaluations(w);
        List<Point> sections = new ArrayList<>();
        if (w.sections() != null) {
            for (Report.SectionScore s : w.sections()) {
                sections.add(new Point(s.name(), s.score(), Counts.of(evals.stream().filter(e -> s.name().equals(e.getSection())).toList()),
                        changes(diff, c -> s.name().equals(c.section()))));
            }
        }
        List<Point> accounts = new ArrayList<>();
        if (w.accounts() != null) {
            for (Report.AccountScore a : w.accounts()) {
                accounts.add(new Point(a.accountId(), a.score(), Counts.of(evals.stream().filter(e -> a.accountId().equals(e.getAccountId())).toList()),
                        changes(diff, c -> a.accountId().equals(c.accountId()))));
            }
        }
        return new Step(file, r.generatedAt(), r.inventoryAt(), age, w.verdict(), w.score(), Counts.of(evals), changes(diff, c -> true),
                sections, accounts);
    }

    private static Changes changes(ReportDiff.WorkloadDiff d, java.util.function.Predicate<ReportDiff.Change> in) {
        if (d == null) return null;
        return new Changes((int) d.newFindings().stream().filter(in).count(), (int) d.resolved().stream().filter(in).count(),
                (int) d.regressed().stream().filter(in).count(), (int) d.disappeared().stream().filter(in).count());
    }

    static Long age(String inventoryAt, String generatedAt) {
        if (inventoryAt == null || generatedAt == null) return null;
        try {
            return Duration.between(Instant.parse(inventoryAt), Instant.parse(generatedAt)).getSeconds();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The scope names of one kind over all steps, in first-seen order (sections keep the checklist's order). */
    static List<String> scopes(WorkloadSeries s, Function<Step, List<Point>> kind) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (Step st : s.steps()) for (Point p : kind.apply(st)) names.add(p.name());
        return new ArrayList<>(names);
    }

    static Point find(List<Point> points, String name) {
        for (Point p : points) if (Objects.equals(p.name(), name)) return p;
        return null;
    }
}

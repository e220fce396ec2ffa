package io.failready.report;

import io.failready.model.Report;
import io.failready.rules.Frameworks;

import io.failready.util.AtomicFiles;
import io.failready.util.OutputSet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Writes a report in each requested format into one directory, as a set ({@link OutputSet}):
 * all files are rendered into a staging directory first and renamed into place only when every
 * one succeeded, under the directory's lock. A failure, a signal or a concurrent run never
 * leaves half a report, a mix of two runs' files or temporary files behind. Output depends
 * only on its input: the same report gives the same bytes (no clock but the report's own
 * generatedAt).
 */
public final class ReportWriters {
    private ReportWriters() {}

    /**
     * @param previous an earlier report for the trend and diff views, or null
     * @param ruleDocs rule id -> its Markdown documentation (rationale, fix), for the HTML drill-down
     * @return the files written, in {@link ReportFormat} order
     */
    public static List<Path> write(Report report, Report previous, Path outDir, Set<ReportFormat> formats,
                                   Function<String, String> ruleDocs) throws IOException {
        return write(report, previous, outDir, formats, ruleDocs, null);
    }

    /** @param templateDir a directory overriding the bundled HTML templates (--template), or null */
    public static List<Path> write(Report report, Report previous, Path outDir, Set<ReportFormat> formats,
                                   Function<String, String> ruleDocs, Path templateDir) throws IOException {
        return write(report, previous, outDir, formats, ruleDocs, templateDir, java.util.Map.of(), null, null);
    }

    /**
     * @param extras further files of the same set (file name -> bytes), e.g. the inventory snapshot the
     *               report names: staged and renamed with the reports, so a report never sits beside
     *               another run's snapshot
     * @param inventoryOf workload name to when its inventory was collected (a portfolio's reports differ), or null: the report's own
     * @param framework the framework of {@code --framework}, or null: narrows every view but the JSON
     *                  report and the JUnit XML (what gates and CI read) to its rules, and adds its
     *                  per-control status to HTML and Markdown ({@link FrameworkView})
     */
    public static List<Path> write(Report report, Report previous, Path outDir, Set<ReportFormat> formats,
                                   Function<String, String> ruleDocs, Path templateDir, java.util.Map<String, byte[]> extras,
                                   Function<String, String> inventoryOf, Frameworks.Framework framework) throws IOException {
        List<ReportFormat> order = new ArrayList<>(EnumSet.copyOf(formats));
        try (OutputSet set = OutputSet.open(outDir, "--out")) {
            render(order, report, previous, set.staging(), ruleDocs, templateDir, inventoryOf, framework);
            List<String> names = new ArrayList<>(order.stream().map(ReportFormat::fileName).toList());
            for (java.util.Map.Entry<String, byte[]> e : new java.util.TreeMap<>(extras).entrySet()) {
                file(set.staging().resolve(e.getKey()), out -> out.write(e.getValue()));
                names.add(e.getKey());
            }
            List<Path> placed = set.commit(names);
            // report the paths as the user spelled the directory
            List<Path> written = new ArrayList<>();
            for (Path p : placed) written.add(outDir.resolve(p.getFileName().toString()));
            return written;
        }
    }

    private static void render(List<ReportFormat> order, Report full, Report previous, Path outDir,
                               Function<String, String> ruleDocs, Path templateDir,
                               Function<String, String> inventoryOf, Frameworks.Framework framework) throws IOException {
        int threads = Math.min(order.size(), threads());
        // the JSON report's evaluations take the cores the other formats leave: with HTML beside it on
        // two cores, more threads only slow the HTML, the longer of the two
        int jsonThreads = Math.max(1, threads() - (order.size() - 1));
        View report = new View(full, FrameworkView.filter(full, framework), framework, inventoryOf, jsonThreads);
        if (threads <= 1) {
            for (ReportFormat f : order) writeOne(f, report, previous, outDir, ruleDocs, templateDir);
        } else {
            // Formats are independent and each file is written atomically, so they render in parallel.
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "failready-report");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Path>> futures = new ArrayList<>();
                for (ReportFormat f : order) futures.add(pool.submit(() -> writeOne(f, report, previous, outDir, ruleDocs, templateDir)));
                Throwable failure = null;
                for (Future<Path> fu : futures) {
                    try {
                        fu.get();
                    } catch (ExecutionException e) {
                        if (failure == null) failure = e.getCause();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while writing reports", e);
                    }
                }
                if (failure instanceof IOException io) throw io;
                if (failure instanceof RuntimeException re) throw re;
                if (failure instanceof Error err) throw err;
                if (failure != null) throw new IOException(failure);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Threads for writing reports: the cores, or the system property failready.report.threads. */
    static int threads() {
        return Integer.getInteger("failready.report.threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** The whole report (for the contract and the gate's test report), the framework's view of it, and inventory times. */
    private record View(Report full, Report shown, Frameworks.Framework framework, Function<String, String> inventoryOf,
                        int jsonThreads) {}

    private static Path writeOne(ReportFormat f, View v, Report previous, Path outDir,
                                 Function<String, String> ruleDocs, Path templateDir) throws IOException {
        Path target = outDir.resolve(f.fileName());
        Report shown = v.shown();
        Frameworks.Framework fw = v.framework();
        switch (f) {
            case JSON -> file(target, out -> ReportJson.write(v.full(), new NonClosing(out), v.jsonThreads()));
            case HTML -> text(target, w -> HtmlReportWriter.render(shown, previous, ruleDocs, templateDir, v.inventoryOf(), w, frameworkStatus(v)));
            case JUNIT -> text(target, w -> JunitXmlWriter.write(v.full(), w));
            case MD -> file(target, out -> out.write(MarkdownSummaryWriter.render(shown, previous, v.inventoryOf(), frameworkStatus(v)).getBytes(StandardCharsets.UTF_8)));
            case CSV -> text(target, w -> CsvReportWriter.write(shown, fw, w));
            case OCSF -> file(target, out -> OcsfWriter.write(shown, fw, out));
            case ASFF -> file(target, out -> AsffWriter.write(shown, fw, out));
            case SARIF -> file(target, out -> SarifWriter.write(shown, fw, ruleDocs, out));
        }
        return target;
    }

    private static FrameworkView.Status frameworkStatus(View v) {
        return v.framework() == null ? null : new FrameworkView.Status(v.framework(), FrameworkView.status(v.full(), v.framework()));
    }

    /**
     * Straight into the staging directory: it is private to this run, so no rename per file. Reports
     * describe the estate's weak spots, so they are created readable by their owner only.
     */
    private static void file(Path target, AtomicFiles.Writer body) throws IOException {
        AtomicFiles.createOwnerOnly(target);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            body.write(out);
        }
    }

    @FunctionalInterface
    interface TextWriter { void write(Writer w) throws IOException; }

    static void text(Path target, TextWriter body) throws IOException {
        file(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush();
        });
    }

    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream o) { super(o); }
        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
        @Override public void close() throws IOException { flush(); }
    }
}

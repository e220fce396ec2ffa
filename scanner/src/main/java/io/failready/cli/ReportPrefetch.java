package io.failready.cli;

import io.failready.model.Report;
import io.failready.report.ReportReader;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code gate --report FILE} starts reading FILE on a second thread before picocli builds the
 * command model, so the two (each about a third of the run) overlap on two cores: the failover
 * runbook waits for this command. The guess at the path is only a head start: the gate uses it
 * only when picocli's parse names the same file, and otherwise reads the file itself, so an odd
 * command line can make it slower but never different.
 */
final class ReportPrefetch {
    private final Path path;
    private final FutureTask<Report> task;

    private ReportPrefetch(Path path) {
        this.path = path;
        this.task = new FutureTask<>(() -> ReportReader.read(path));
        Thread t = new Thread(task, "report-prefetch");
        t.setDaemon(true);
        t.start();
    }

    /** Starts the read when {@code args} look like {@code gate ... --report FILE}; null otherwise. */
    static ReportPrefetch start(String... args) {
        if (args.length < 2 || !"gate".equals(args[0])) return null;
        String file = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if ("--".equals(a)) break;
            if (("--report".equals(a) || "-r".equals(a)) && i + 1 < args.length) file = args[++i];
            else if (a.startsWith("--report=")) file = a.substring("--report=".length());
        }
        if (file == null || file.isEmpty()) return null;
        try {
            return new ReportPrefetch(Path.of(file));
        } catch (RuntimeException e) {
            return null; // not a path: picocli will say so
        }
    }

    /** The report of {@code file}: the prefetched one if it is the same file, else read now. */
    static Report read(ReportPrefetch prefetch, Path file) {
        if (prefetch == null || !prefetch.path.equals(file)) return ReportReader.read(file);
        try {
            return prefetch.task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReportReader.read(file);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}

package io.failready.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * The bundled rules' engine, loaded on a second thread from the first line of {@code main}, before
 * picocli reads the command line: loading it (opening the jar's bundled rule tree, reading the
 * catalog, building the partitions' rule bases) is the longer side of a small evaluation's start,
 * and the command line, the configuration and the snapshot are read meanwhile on the other core.
 * It is only a head start: {@link RuleEngine#load} takes it when it asks for the same thing (no rule
 * directories, the same number of rule threads) and otherwise loads its own, so an odd command line
 * or a configuration with rule directories can make a run slower, never different.
 */
public final class EnginePrefetch {
    private static FutureTask<RuleEngine> task;
    private static int threads;

    private EnginePrefetch() {}

    /** Starts loading when {@code args} name a command that evaluates the bundled rules (and no --rules). */
    public static synchronized void start(String... args) {
        if (task != null || !wanted(args)) return;
        int n;
        try {
            n = RuleEngine.evalThreads();
        } catch (RuntimeException e) {
            return; // the command reports it where it always did
        }
        threads = n;
        task = new FutureTask<>(() -> RuleEngine.create(List.of(), n));
        FutureTask<RuleEngine> mine = task;
        Thread t = new Thread(() -> {
            mine.run();
            // Every report carries the framework mappings (rules/mappings/*.yaml): read them now, while the
            // command fires the rules, rather than on its thread between firing and the report. A failure
            // is left for the command's own read to report, as it always did.
            try {
                io.failready.rules.Frameworks.bundled();
            } catch (RuntimeException ignored) {
                // the reader that needs them says why
            }
        }, "failready-rules-prefetch");
        t.setDaemon(true);
        t.start();
    }

    static boolean wanted(String... args) {
        if (args.length == 0) return false;
        String command = args[0];
        boolean evaluates = switch (command) {
            case "evaluate", "scan", "verify", "evidence", "gate" -> true;
            default -> false;
        };
        if (!evaluates) return false;
        // picocli reads an @file's arguments in place of it: what it holds (--rules, --report) is unknown here
        for (String a : args) if (a.startsWith("@")) return false;
        for (String a : args) {
            if ("--".equals(a)) break;
            if ("--help".equals(a) || "-h".equals(a) || "--rules".equals(a) || a.startsWith("--rules=")) return false;
            // gate --report reads a saved report and loads no rules (-rFILE: picocli's attached short form)
            if ("gate".equals(command) && (a.startsWith("--report") || (a.startsWith("-r") && !a.startsWith("--")))) return false;
        }
        return true;
    }

    /** The prefetched engine when it is the one asked for (once); null otherwise. */
    static RuleEngine take(List<Path> userRuleDirs, int n) {
        FutureTask<RuleEngine> mine;
        synchronized (EnginePrefetch.class) {
            if (task == null || !userRuleDirs.isEmpty() || n != threads) return null;
            mine = task;
            task = null;
            threads = 0;
        }
        return io.failready.util.Threads.await(mine);
    }
}

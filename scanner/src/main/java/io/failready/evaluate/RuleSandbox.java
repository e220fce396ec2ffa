package io.failready.evaluate;

import io.failready.rules.RuleSources;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Rule directories are code, and a rule's consequence is plain Java: it can loop without end,
 * exhaust the heap or call System.exit. Neither a Drools halt (it waits for the consequence to
 * return) nor a SecurityManager (gone in Java 24) stops that, so rules fire on a worker thread
 * the caller waits for with a deadline, and a shutdown hook keeps the process from ending with a
 * status the rules chose:
 * <ul>
 *   <li>a consequence or condition that never returns is abandoned after the time budget and the
 *       run fails naming the rule (the thread cannot be killed; the process ends with it);</li>
 *   <li>an OutOfMemoryError or StackOverflowError while firing fails the run naming the rule;</li>
 *   <li>System.exit while rules fire, or while code from a rule directory is loaded and failready
 *       has not decided its own exit status, ends the process with a failure status instead.</li>
 * </ul>
 * The exit status is then never 0 (READY), 3 or 4: a gate cannot be talked into success.
 */
public final class RuleSandbox {
    private RuleSandbox() {}

    /** Exit status when a rule ended the process itself (the usage/input status: a broken rule file). */
    static final int RULE_EXIT = 2;
    /** Exit status when something other than failready ended the process while user rule code was loaded. */
    static final int FOREIGN_EXIT = 1;

    /* the rule each rules thread fires now; several threads when a workload's rules fire in partitions */
    private static final java.util.Map<Thread, String> FIRING = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile boolean abandoned;
    private static volatile Integer decided;
    private static final PrintStream ERR = System.err; // a rule may System.setErr; keep the real one

    /**
     * Called once by the command-line entry point: only a process failready owns gets the exit
     * guard (a test runner or an embedding program decides its own exit).
     */
    public static void guardProcess() {
        Runtime.getRuntime().addShutdownHook(new Thread(RuleSandbox::onShutdown, "failready-exit-guard"));
    }

    /** failready's own entry point has decided the exit status; any other System.exit is not ours. */
    public static void exiting(int status) { decided = status; }

    static boolean abandoned() { return abandoned; }

    /** Marks which rule fires now, so an exit or a runaway can be blamed on it. */
    static void firing(String rule) {
        Thread t = Thread.currentThread();
        FIRING.put(t, rule);
    }

    /**
     * Runs {@code work} (inserting facts and firing rules) on its own thread and waits at most
     * {@code deadlineMillis}. A rule error, OutOfMemoryError or StackOverflowError is rethrown as a
     * {@link RuleEngine.RuleBudgetException} naming the rule; a run past the deadline is abandoned.
     */
    static <T> T run(String workload, long deadlineMillis, Supplier<Collection<String>> ruleNames,
                     Supplier<Map<String, String>> owners, Callable<T> work) {
        return runAll(workload, deadlineMillis, ruleNames, owners, List.of(work), null).get(0);
    }

    /** A partition failed; the caller runs the workload again in one session, which words the error. */
    static final class PartitionFailed extends RuntimeException {
        PartitionFailed(Throwable cause) { super(cause); }
    }

    /**
     * Runs each of {@code work} on its own thread under one deadline and returns their results in
     * order. With several, a failure (a rule error, a budget, OutOfMemoryError, ...) halts the others
     * through {@code stopAll} and is thrown as {@link PartitionFailed}: which failure one session would
     * meet first depends on its firing order, so the caller runs that session rather than guess. A
     * deadline passed is blamed on the first thread still running, as for one thread.
     */
    static <T> List<T> runAll(String workload, long deadlineMillis, Supplier<Collection<String>> ruleNames,
                              Supplier<Map<String, String>> owners, List<Callable<T>> work, Runnable stopAll) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
        List<Thread> workers = new ArrayList<>();
        Executor perThread = r -> {
            Thread t = new Thread(null, r, "failready-rules-" + workload + (work.size() > 1 ? "-" + (workers.size() + 1) : ""), 0);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        };
        CompletionService<T> done = new ExecutorCompletionService<>(perThread);
        Map<Future<T>, Integer> index = new HashMap<>();
        for (Callable<T> c : work) index.put(done.submit(c), index.size());
        List<T> results = new ArrayList<>(java.util.Collections.nCopies(work.size(), null));
        Throwable failed = null;
        String failedRule = null;
        try {
            for (int n = 0; n < work.size(); n++) {
                Future<T> f = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (f == null) throw abandon(workload, deadlineMillis, ruleNames, owners, workers);
                int i = index.get(f);
                try {
                    results.set(i, f.get());
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = e.getCause();
                        failedRule = FIRING.get(workers.get(i));
                        // the halted sessions return between two firings; one stuck in a consequence is abandoned at the deadline
                        if (stopAll != null) stopAll.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
            stop(workers);
            throw new IllegalStateException("interrupted while rules were firing", e);
        } finally {
            if (!abandoned) workers.forEach(FIRING::remove);
        }
        if (failed == null) return results;
        if (stopAll != null) throw new PartitionFailed(failed);
        if (failed instanceof OutOfMemoryError) {
            String firing = failedRule;
            throw new RuleEngine.RuleBudgetException(firing, "rule evaluation for workload " + workload
                    + " ran out of memory while rule \"" + firing + "\" was firing (a rule that allocates without end, "
                    + "or an estate too large for the heap: raise -Xmx with FAILREADY_JAVA_OPTS).");
        }
        if (failed instanceof StackOverflowError) {
            String firing = failedRule;
            throw new RuleEngine.RuleBudgetException(firing, "rule \"" + firing + "\" overflowed the stack while firing "
                    + "(unbounded recursion) in workload " + workload + ".");
        }
        if (failed instanceof RuntimeException re) throw re;
        if (failed instanceof Error err) throw err;
        throw new IllegalStateException(failed);
    }

    private static RuntimeException abandon(String workload, long deadlineMillis, Supplier<Collection<String>> ruleNames,
                                            Supplier<Map<String, String>> owners, List<Thread> workers) {
        Thread stuck = workers.stream().filter(Thread::isAlive).findFirst().orElse(workers.get(0));
        StackTraceElement[] stack = stuck.getStackTrace();
        String rule = blame(stack, ruleNames.get(), null);
        if (rule == null) rule = blameModel(stack, owners.get(), FIRING.get(stuck));
        abandoned = true;
        stop(workers);
        return new RuleEngine.RuleBudgetException(rule, "rule evaluation for workload " + workload + " did not return within "
                + Math.max(1, deadlineMillis / 1000) + " s: rule \"" + rule + "\" (or a condition evaluated after it) "
                + "runs without end, in a loop no rule budget can interrupt.");
    }

    /**
     * The rule a stuck thread is in. Drools compiles each rule's consequence and eval conditions
     * into classes named {@code Rule_<name, non-identifier characters as _>...}, so the innermost
     * such frame names the rule even when it loops in a condition, before anything fired; otherwise
     * the rule that last started firing.
     */
    static String blame(StackTraceElement[] stack, java.util.Collection<String> ruleNames, String fallback) {
        for (StackTraceElement f : stack) {
            String cls = f.getClassName();
            int i = cls.lastIndexOf(".Rule_");
            if (i < 0) continue;
            String generated = cls.substring(i + 6);
            String best = null;
            for (String name : ruleNames) {
                String id = name.replaceAll("[^A-Za-z0-9_$]", "_");
                if (generated.startsWith(id) && (best == null || id.length() > best.replaceAll("[^A-Za-z0-9_$]", "_").length())) best = name;
            }
            if (best != null) return best;
        }
        return fallback;
    }

    /** The rule owning the innermost executable-model class on the stack (see {@link RuleOwners}), else {@code fallback}. */
    static String blameModel(StackTraceElement[] stack, java.util.Map<String, String> owners, String fallback) {
        for (StackTraceElement f : stack) {
            String rule = owners.get(f.getClassName());
            if (rule != null && !rule.isEmpty()) return rule;
        }
        return fallback;
    }

    private static void stop(List<Thread> workers) {
        // stopped (Java 17-19): nothing of the rules is left running; otherwise the daemon threads run
        // until the process exits, which the caller makes happen
        boolean all = true;
        for (Thread t : workers) if (t.isAlive() && !io.failready.util.Threads.stop(t)) all = false;
        if (all) abandoned = false;
    }

    private static void onShutdown() {
        Integer status = decided;
        String rule = exiting();
        if (status != null) {
            // our own exit; a runaway rule thread may still race it with a System.exit of its own
            if (abandoned) halt(status);
            return;
        }
        if (!RuleSources.userCodeLoaded()) return;
        if (rule != null) {
            ERR.println("failready: rule \"" + rule + "\" tried to end the process (System.exit) while firing; "
                    + "rule directories may not do that. The run failed.");
            halt(RULE_EXIT);
        }
        ERR.println("failready: the process was ended before failready finished, while code from a rule directory was "
                + "loaded (a signal, or a rule that called System.exit). The run failed.");
        halt(FOREIGN_EXIT);
    }

    /**
     * The rule being fired by the thread that called System.exit (it waits in the JDK's shutdown
     * while this hook runs), else by any rules thread: with partitions several threads fire at once.
     */
    private static String exiting() {
        String any = null;
        for (Map.Entry<Thread, String> e : FIRING.entrySet()) {
            any = e.getValue();
            for (StackTraceElement f : e.getKey().getStackTrace()) {
                if (f.getClassName().equals("java.lang.Shutdown") || (f.getClassName().equals("java.lang.Runtime") && f.getMethodName().equals("exit"))) {
                    return e.getValue();
                }
            }
        }
        return any;
    }

    private static void halt(int status) {
        ERR.flush();
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }
}

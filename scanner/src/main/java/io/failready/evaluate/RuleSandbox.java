package io.failready.evaluate;

import io.failready.rules.RuleSources;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    private static volatile String firing;
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
    static void firing(String rule) { firing = rule; }

    /**
     * Runs {@code work} (inserting facts and firing rules) on its own thread and waits at most
     * {@code deadlineMillis}. A rule error, OutOfMemoryError or StackOverflowError is rethrown as a
     * {@link RuleEngine.RuleBudgetException} naming the rule; a run past the deadline is abandoned.
     */
    static <T> T run(String workload, long deadlineMillis, java.util.function.Supplier<java.util.Collection<String>> ruleNames,
                     java.util.function.Supplier<java.util.Map<String, String>> owners, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(null, task, "failready-rules-" + workload, 0);
        worker.setDaemon(true);
        firing = null;
        worker.start();
        try {
            return task.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            StackTraceElement[] stack = worker.getStackTrace();
            String rule = blame(stack, ruleNames.get(), null);
            if (rule == null) rule = blameModel(stack, owners.get(), firing);
            abandoned = true;
            stop(worker);
            throw new RuleEngine.RuleBudgetException(rule, "rule evaluation for workload " + workload + " did not return within "
                    + Math.max(1, deadlineMillis / 1000) + " s: rule \"" + rule + "\" (or a condition evaluated after it) "
                    + "runs without end, in a loop no rule budget can interrupt.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
            stop(worker);
            throw new IllegalStateException("interrupted while rules were firing", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof OutOfMemoryError) {
                throw new RuleEngine.RuleBudgetException(firing, "rule evaluation for workload " + workload
                        + " ran out of memory while rule \"" + firing + "\" was firing (a rule that allocates without end, "
                        + "or an estate too large for the heap: raise -Xmx with FAILREADY_JAVA_OPTS).");
            }
            if (c instanceof StackOverflowError) {
                throw new RuleEngine.RuleBudgetException(firing, "rule \"" + firing + "\" overflowed the stack while firing "
                        + "(unbounded recursion) in workload " + workload + ".");
            }
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            if (!abandoned) firing = null;
        }
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

    private static void stop(Thread worker) {
        // stopped (Java 17-19): nothing of the rules is left running; otherwise the daemon thread runs
        // until the process exits, which the caller makes happen
        if (io.failready.util.Threads.stop(worker)) abandoned = false;
    }

    private static void onShutdown() {
        Integer status = decided;
        String rule = firing;
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

    private static void halt(int status) {
        ERR.flush();
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }
}

package io.failready.util;

/**
 * Stopping a thread that runs user-supplied code (a rule, a report template) and does not return:
 * the caller waited for it with a deadline and abandons it. Shared by {@code RuleSandbox} and the
 * HTML report's template budget. And waiting for work done on another thread for the caller.
 */
public final class Threads {
    private Threads() {}

    /**
     * Interrupts {@code worker} and, where the JVM still allows it (Java 17-19), stops it and waits up
     * to a second for it to end; later JVMs refuse, and the daemon thread runs on until the process exits.
     *
     * @return true when the thread has ended
     */
    @SuppressWarnings({"removal", "deprecation"})
    public static boolean stop(Thread worker) {
        worker.interrupt();
        try {
            // A worker that is already ending (its task returned just as the deadline passed, or the
            // interrupt or a refusing writer ended it) must not be stopped: ThreadDeath thrown into a
            // thread's exit path kills the JDK's Cleaner thread, which halts the whole JVM with status 1.
            worker.join(250);
            if (!worker.isAlive()) return true;
            worker.stop();
            worker.join(1_000);
            return !worker.isAlive();
        } catch (UnsupportedOperationException | SecurityException ignored) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The result of work another thread is doing for the caller (a rule base, the prefetched engine),
     * waiting through interrupts: the work finishes regardless and is what the caller needs, so an
     * interrupt is kept for the caller's next wait instead of abandoning it. The work's own exception
     * is rethrown as it was.
     */
    public static <T> T await(java.util.concurrent.Future<T> work) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return work.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}

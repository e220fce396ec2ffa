package io.failready.cli;

/**
 * Stands for a library on the class path that a user's rule calls: the load-time DRL check cannot
 * see what such code does, so these reach the runtime guard.
 */
public final class HostileRuleHelpers {
    private HostileRuleHelpers() {}

    public static void exit(int status) { System.exit(status); }

    /** Exits from a thread of its own, racing failready's own decision. */
    public static void exitLater(int status) {
        Thread t = new Thread(() -> System.exit(status));
        t.setDaemon(false);
        t.start();
    }
}

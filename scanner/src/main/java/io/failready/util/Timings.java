package io.failready.util;

/**
 * Phase timings on stderr when {@code FAILREADY_TIMINGS=1} (or {@code -Dfailready.timings=true}):
 * the benchmark harness and profiling use them to see where a run's wall time goes.
 */
public final class Timings {
    private Timings() {}

    private static final boolean ON = "1".equals(System.getenv("FAILREADY_TIMINGS")) || Boolean.getBoolean("failready.timings");
    private static final long START = System.nanoTime();
    private static long last = START;
    private static long lastCpu = 0;

    public static synchronized void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.err.printf("failready-timing %-28s %7d ms (+%6d ms) cpu %7d ms (+%6d ms) heap %5d MB%n", phase, (now - START) / 1_000_000,
                (now - last) / 1_000_000, cpu, cpu - lastCpu, (rt.totalMemory() - rt.freeMemory()) >> 20);
        last = now;
        lastCpu = cpu;
    }
}

package io.failready.tooling.bench;

import io.failready.tooling.AwsStub;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The collection benchmark: {@code failready collect} (a separate process, through the launcher)
 * against {@link AwsStub} with fixed latency per call, for N accounts assumed through STS. Reports
 * API calls per resource and the wall time against the lower bound calls x latency / concurrency.
 *
 * <p>Needs the collectors ({@code io.failready.collect.Collection} and the {@code collect}
 * subcommand); in a build without them {@link #available()} is false and the harness says so.
 */
public final class CollectBench {
    public record Result(int accounts, long calls, long resources, long gaps, double wallSeconds, double lowerBoundSeconds,
                         int concurrency, long latencyMs, String topOperations) {
        public double ratio() { return wallSeconds / lowerBoundSeconds; }
        public double callsPerResource() { return resources == 0 ? Double.NaN : (double) calls / resources; }

        public String describe() {
            return String.format(Locale.ROOT, "%d accounts, %d API calls, %d resources (%.2f calls/resource), %d gaps; wall %.2f s, "
                            + "lower bound %.2f s (calls x %d ms / concurrency %d): %.2fx",
                    accounts, calls, resources, callsPerResource(), gaps, wallSeconds, lowerBoundSeconds, latencyMs, concurrency, ratio());
        }
    }

    public static boolean available() {
        try {
            Class.forName("io.failready.collect.Collection", false, CollectBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public static Result run(List<String> launcher, int accounts, long latencyMs, int concurrency, Path work, PrintWriter log)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) ids.add(EstateGenerator.accountId(i));
        Path out = work.resolve("collected.json.gz");
        try (AwsStub stub = new AwsStub(latencyMs, 5)) {
            List<String> cmd = new ArrayList<>(launcher);
            cmd.addAll(List.of("collect", "--accounts", String.join(",", ids), "--role-name", "failready-audit",
                    "--primary-region", EstateGenerator.PRIMARY, "--recovery-region", EstateGenerator.RECOVERY,
                    "--endpoint-url", stub.endpoint().toString(), "--concurrency", String.valueOf(concurrency), "--out", out.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("collect.log").toFile());
            var env = pb.environment();
            // never reach real AWS or instance metadata from a benchmark
            env.put("AWS_ACCESS_KEY_ID", "AKIABENCHNOTREAL0000");
            env.put("AWS_SECRET_ACCESS_KEY", "bench-not-real");
            env.put("AWS_REGION", EstateGenerator.PRIMARY);
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_CONFIG_FILE", "/dev/null");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("collect did not finish in 30 minutes");
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) throw new IllegalStateException("collect exited " + p.exitValue() + "; see " + work.resolve("collect.log"));
            Snapshot s = SnapshotIO.read(out);
            long calls = stub.totalCalls();
            StringBuilder top = new StringBuilder();
            stub.callsByOperation().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                    .forEach(e -> top.append(top.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
            Result r = new Result(accounts, calls, s.getResources().size(), s.getCollectionGaps().size(), wall,
                    calls * latencyMs / 1000.0 / concurrency, concurrency, latencyMs, top.toString());
            if (log != null) log.println("bench collect: " + r.describe());
            return r;
        }
    }
}

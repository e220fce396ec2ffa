package io.failready.tooling.bench;

import io.failready.collect.CollectorDescriptor;
import io.failready.collect.aws.CollectorRegistry;
import io.failready.collect.aws.ResourceTypes;
import io.failready.facts.Resource;
import io.failready.tooling.AwsStub;
import io.failready.tooling.Throttling;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The collection benchmark: {@code failready collect} (a separate process, through the launcher)
 * against {@link AwsStub} with fixed latency per call, for N accounts assumed through STS. Reports
 * API calls per resource, overall and per IAM service prefix, and the wall time against the lower
 * bound calls x latency / concurrency.
 *
 * <p>The estate: a few synthetic secrets per account and region, and in both regions of every account
 * the reply files of {@value #ESTATE} (queues, topics, event rules, file systems, caches, EKS
 * clusters, DocumentDB and Neptune clusters, certificates, load balancers and target groups, API
 * domains, VPCs, distributions, and the two service quotas with their applied value, as
 * GetServiceQuota returns them for a quota nobody raised), with {@code {{account}}} and
 * {@code {{region}}} filled in, so the catalog-2 collectors' per-resource calls are part of the
 * figures. Calls with no reply file get an empty success.
 *
 * <p>Needs the collectors ({@code io.failready.collect.Collection} and the {@code collect}
 * subcommand); in a build without them {@link #available()} is false and the harness says so.
 */
public final class CollectBench {
    /** The class-path folder of the per-account, per-region reply templates. */
    static final String ESTATE = "/io/failready/tooling/bench/collect-estate";

    /** Calls and resources of one IAM service prefix. */
    public record PerService(long calls, long resources) {
        public String describe() {
            return resources == 0 ? String.format(Locale.ROOT, "%d calls, no resources", calls)
                    : String.format(Locale.ROOT, "%.2f (%d calls / %d resources)", (double) calls / resources, calls, resources);
        }
    }

    /**
     * @param boundSeconds     {@link CollectSimulation#bound}: the largest of calls x latency / concurrency,
     *                         the slowest token bucket's (calls - burst) / rate, and the longest task
     * @param simulatedSeconds the discrete-event model's wall time for the same estate (start-up excluded)
     */
    public record Result(int accounts, long calls, long throttled, long resources, long gaps, double wallSeconds, double boundSeconds,
                         double simulatedSeconds, int concurrency, long latencyMs, double throttleScale, String topOperations,
                         Map<String, PerService> perService) {
        /** Target {@value #TARGET}: wall time over the bound. */
        public static final double TARGET = 1.3;

        public double ratio() { return wallSeconds / boundSeconds; }
        public double callsPerResource() { return resources == 0 ? Double.NaN : (double) calls / resources; }
        /** The old name of {@link #boundSeconds}, kept for the harness. */
        public double lowerBoundSeconds() { return boundSeconds; }

        public String describe() {
            return String.format(Locale.ROOT, "%d accounts, %d API calls (+%d throttled, rates x%s), %d resources (%.2f calls/resource), %d gaps; "
                            + "wall %.2f s, bound %.2f s (max of calls x %d ms / concurrency %d, slowest bucket, longest task): %.2fx; "
                            + "simulated %.2f s (+%.2f s start-up and CPU)",
                    accounts, calls, throttled, fmt(throttleScale), resources, callsPerResource(), gaps, wallSeconds, boundSeconds, latencyMs,
                    concurrency, ratio(), simulatedSeconds, wallSeconds - simulatedSeconds);
        }

        /** "sqs 2.00 (80 calls / 40 resources), ..." sorted by service. */
        public String describePerService() {
            StringBuilder sb = new StringBuilder();
            perService.forEach((svc, p) -> sb.append(sb.length() == 0 ? "" : ", ").append(svc).append(' ').append(p.describe()));
            return sb.toString();
        }
    }

    static String fmt(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }

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
        return run(launcher, accounts, latencyMs, concurrency, 1.0, work, log);
    }

    /**
     * Runs the real collector against the stub with AWS's default request rates times
     * {@code throttleScale}, writes the account call profile it observed to {@code work/collect-profile.txt},
     * and simulates the same estate for the comparison.
     */
    public static Result run(List<String> launcher, int accounts, long latencyMs, int concurrency, double throttleScale, Path work, PrintWriter log)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) ids.add(EstateGenerator.accountId(i));
        Path out = work.resolve("collected.json.gz");
        Path replies = work.resolve("replies");
        writeEstate(replies, ids);
        try (AwsStub stub = AwsStub.serving(replies, latencyMs, 5)) {
            stub.throttle(new Throttling(throttleScale));
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
            long throttled = stub.throttledByOperation().values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> answered = new TreeMap<>(stub.callsByOperation());
            stub.throttledByOperation().forEach((op, n) -> answered.merge(op, -n, Long::sum));
            long calls = stub.totalCalls() - throttled;
            StringBuilder top = new StringBuilder();
            answered.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                    .forEach(e -> top.append(top.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
            CollectSimulation.Profile profile = profile(stub, ids.get(0));
            Files.writeString(work.resolve("collect-profile.txt"), profile.text());
            Files.writeString(work.resolve("calls-by-operation.txt"), answered.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + "\n").reduce("", String::concat));
            double latency = latencyMs / 1000.0;
            double bound = CollectSimulation.bound(profile, accounts, 1, concurrency, latency, throttleScale, EstateGenerator.PRIMARY);
            double simulated = CollectSimulation.simulate(profile, accounts, 1, concurrency, latency, throttleScale).seconds();
            Result r = new Result(accounts, calls, throttled, s.getResources().size(), s.getCollectionGaps().size(), wall, bound, simulated,
                    concurrency, latencyMs, throttleScale, top.toString(), perService(answered, s.getResources()));
            if (log != null) log.println("bench collect: " + r.describe() + "\nper service (calls/resource): " + r.describePerService());
            return r;
        }
    }

    /**
     * The calls one account's collection made (throttled attempts left out), as the simulation's
     * tasks: one per signing region and service, the calls in the order they arrived.
     */
    static CollectSimulation.Profile profile(AwsStub stub, String account) {
        java.util.Set<AwsStub.Call> throttled = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        throttled.addAll(stub.throttledCalls());
        Map<String, List<CollectSimulation.Call>> tasks = new TreeMap<>();
        for (AwsStub.Call c : stub.calls()) {
            if (!c.account().equals(account) || throttled.contains(c)) continue;
            tasks.computeIfAbsent(c.region() + " " + c.service(), k -> new ArrayList<>())
                    .add(new CollectSimulation.Call(c.region(), c.service(), c.operation()));
        }
        return new CollectSimulation.Profile(List.copyOf(tasks.values().stream().map(List::copyOf).toList()));
    }

    /**
     * Calls and resources per IAM service prefix: a call counts under its SigV4 service, a resource
     * under the IAM prefix of the collector that writes its type (DocumentDB and Neptune under rds).
     */
    static Map<String, PerService> perService(Map<String, Long> callsByAction, List<Resource> resources) {
        Map<String, String> prefixOfCollector = new HashMap<>();
        for (CollectorDescriptor d : CollectorRegistry.descriptors()) prefixOfCollector.put(d.service(), d.iamPrefix());
        Map<String, long[]> acc = new TreeMap<>();
        callsByAction.forEach((action, n) -> acc.computeIfAbsent(action.substring(0, action.indexOf(':')), k -> new long[2])[0] += n);
        for (Resource r : resources) {
            String collector = ResourceTypes.service(r.getResourceType());
            String prefix = collector == null ? null : prefixOfCollector.get(collector);
            if (prefix != null) acc.computeIfAbsent(prefix, k -> new long[2])[1]++;
        }
        Map<String, PerService> out = new TreeMap<>();
        acc.forEach((k, v) -> out.put(k, new PerService(v[0], v[1])));
        return out;
    }

    /** Writes the estate's reply files for each account, in the primary and the recovery region. */
    static void writeEstate(Path replies, List<String> accounts) throws IOException {
        Map<String, String> templates = new TreeMap<>();
        // the estate ships in the shaded jar itself (not the bundle): only bench collect pays for opening it as a file system
        try (Stream<Path> files = Files.list(io.failready.util.ClasspathDirs.open(ESTATE))) {
            for (Path f : files.toList()) templates.put(f.getFileName().toString(), Files.readString(f));
        }
        for (String account : accounts) {
            for (String region : List.of(EstateGenerator.PRIMARY, EstateGenerator.RECOVERY)) {
                Path dir = Files.createDirectories(replies.resolve(account).resolve(region));
                for (var t : templates.entrySet()) {
                    Files.writeString(dir.resolve(t.getKey()), t.getValue().replace("{{account}}", account).replace("{{region}}", region));
                }
            }
        }
    }
}

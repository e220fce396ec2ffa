package io.failready.tooling.bench;

import io.failready.tooling.Throttling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * A discrete-event model of {@code failready collect} for organizations too large to run against the
 * stub on a build machine: the same call profile per account, the same token buckets
 * ({@link Throttling}), the same concurrency and the same retry rule as the scanner.
 *
 * <p>The model: {@code shards} processes of {@code concurrency} workers each; the accounts are dealt
 * to the shards round-robin. A shard first assumes a role in each of its accounts (one
 * {@code sts:AssumeRole} each, all from the caller's account, whose STS bucket every shard shares),
 * then runs its accounts' tasks in account order, a task being one region and service of one account
 * whose calls go one after another. Every call takes {@code latency}. A call finding its bucket
 * empty is throttled (it took {@code latency} too) and its worker waits the expected SDK throttling
 * backoff (standard mode: full jitter over 1 s x 2^(attempt-1), capped at 20 s, so half of that)
 * before trying again. The wall time is when the last worker of the slowest shard finishes; the
 * process start-up is not in it ({@link CollectBench} compares the two against a real run).
 */
public final class CollectSimulation {
    /** One API call of an account's collection: signing region, IAM service prefix, operation. */
    public record Call(String region, String service, String operation) {}

    /** The calls of one account, as tasks in plan order; the calls of a task in the order it makes them. */
    public record Profile(List<List<Call>> tasks) {
        public long calls() { return tasks.stream().mapToLong(List::size).sum(); }

        /** Writes the profile as text: one call per line ({@code region service operation}), a blank line between tasks. */
        public String text() {
            StringBuilder sb = new StringBuilder("# failready collect: the API calls of one account of the bench collect estate, one task per block\n");
            for (List<Call> t : tasks) {
                for (Call c : t) sb.append(c.region()).append(' ').append(c.service()).append(' ').append(c.operation()).append('\n');
                sb.append('\n');
            }
            return sb.toString();
        }

        public static Profile parse(String text) {
            List<List<Call>> tasks = new ArrayList<>();
            List<Call> cur = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) continue;
                if (line.isBlank()) {
                    if (!cur.isEmpty()) tasks.add(List.copyOf(cur));
                    cur.clear();
                    continue;
                }
                String[] f = line.trim().split(" ");
                if (f.length != 3) throw new IllegalArgumentException("collect profile line '" + line + "': expected 'region service operation'");
                cur.add(new Call(f[0], f[1], f[2]));
            }
            if (!cur.isEmpty()) tasks.add(List.copyOf(cur));
            return new Profile(List.copyOf(tasks));
        }
    }

    /** The checked-in profile ({@code bench collect} rewrites its own copy in its work folder on every run). */
    public static final String PROFILE = "/io/failready/tooling/bench/collect-profile.txt";

    public static Profile bundledProfile() {
        try (InputStream in = CollectSimulation.class.getResourceAsStream(PROFILE)) {
            if (in == null) throw new IllegalStateException(PROFILE + " is not on the class path");
            return Profile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * @param seconds    simulated wall time of the slowest shard, start-up excluded
     * @param calls      calls answered (throttled attempts excluded)
     * @param throttled  attempts answered with a throttling error
     */
    public record Outcome(int accounts, int shards, int concurrency, double seconds, long calls, long throttled, double boundSeconds) {
        public String describe() {
            return String.format(Locale.ROOT, "%d accounts, %d shard%s x concurrency %d: %.0f s (%.1f min), %d calls, %d throttled, bound %.0f s",
                    accounts, shards, shards == 1 ? "" : "s", concurrency, seconds, seconds / 60, calls, throttled, boundSeconds);
        }
    }

    /** The parallelism the Batch array job and the Kubernetes Indexed Job in ci/ use: shards x collect's default concurrency. */
    public static final int CI_SHARDS = 4, CI_CONCURRENCY = 8, CI_ACCOUNTS = 1000;
    /** The latency per call the estimates assume (the stub's default; real AWS read calls take 30-100 ms). */
    public static final double CI_LATENCY_SECONDS = 0.05;

    /**
     * The sentence ci/k8s-indexed-job.yaml and ci/aws-batch-array-job.json quote (CiExamplesTest checks
     * they quote exactly this): a {@value #CI_ACCOUNTS}-account organization at their parallelism.
     */
    public static String ciEstimate() {
        Profile p = bundledProfile();
        Outcome o = simulate(p, CI_ACCOUNTS, CI_SHARDS, CI_CONCURRENCY, CI_LATENCY_SECONDS, 1.0);
        Outcome one = simulate(p, CI_ACCOUNTS, 1, CI_CONCURRENCY, CI_LATENCY_SECONDS, 1.0);
        // only the characters an AWS Batch tag value may hold
        return String.format(Locale.ROOT, "%d accounts of %d API calls each at 50 ms a call and AWS default request rates: about %d min with "
                        + "%d shards x concurrency %d - %d min unsharded - simulated by failready bench collect",
                CI_ACCOUNTS, p.calls(), Math.round(o.seconds() / 60), CI_SHARDS, CI_CONCURRENCY, Math.round(one.seconds() / 60));
    }

    private static final String CALLER = "caller";

    private static final class Worker implements Comparable<Worker> {
        final int shard;
        double t;
        Deque<Call> task;
        String account;
        int attempt;
        Worker(int shard) { this.shard = shard; }
        @Override public int compareTo(Worker o) { return Double.compare(t, o.t); }
    }

    private static final class Job {
        final String account;
        final List<Call> calls;
        Job(String account, List<Call> calls) { this.account = account; this.calls = calls; }
    }

    public static Outcome simulate(Profile profile, int accounts, int shards, int concurrency, double latencySeconds, double throttleScale) {
        if (accounts < 1 || shards < 1 || concurrency < 1) throw new IllegalArgumentException("accounts, shards and concurrency must be positive");
        double[] now = {0};
        Throttling buckets = new Throttling(throttleScale, () -> (long) (now[0] * 1e9));
        String stsRegion = profile.tasks().isEmpty() ? "us-east-1" : profile.tasks().get(0).get(0).region();
        long[] counts = new long[2];
        double end = 0;
        // phase 1: every shard assumes its roles; phase 2: every shard runs its tasks (Accounts.resolve, then Collection)
        List<List<Deque<Job>>> phases = new ArrayList<>();
        List<Deque<Job>> assume = new ArrayList<>(), collect = new ArrayList<>();
        for (int s = 0; s < shards; s++) { assume.add(new ArrayDeque<>()); collect.add(new ArrayDeque<>()); }
        for (int a = 0; a < accounts; a++) {
            String account = String.format(Locale.ROOT, "%012d", a);
            int s = a % shards;
            assume.get(s).add(new Job(CALLER, List.of(new Call(stsRegion, "sts", "AssumeRole"))));
            for (List<Call> t : profile.tasks()) collect.get(s).add(new Job(account, t));
        }
        phases.add(assume);
        phases.add(collect);
        double[] shardStart = new double[shards];
        for (List<Deque<Job>> phase : phases) {
            PriorityQueue<Worker> q = new PriorityQueue<>();
            for (int s = 0; s < shards; s++) for (int w = 0; w < concurrency; w++) { Worker k = new Worker(s); k.t = shardStart[s]; q.add(k); }
            double[] shardEnd = shardStart.clone();
            while (!q.isEmpty()) {
                Worker w = q.poll();
                now[0] = w.t;
                if (w.task == null || w.task.isEmpty()) {
                    Job j = phase.get(w.shard).poll();
                    if (j == null) { shardEnd[w.shard] = Math.max(shardEnd[w.shard], w.t); continue; }
                    w.task = new ArrayDeque<>(j.calls);
                    w.account = j.account;
                    w.attempt = 1;
                }
                Call c = w.task.peek();
                if (buckets.tryAcquire(w.account, c.region(), c.service(), c.operation())) {
                    w.task.poll();
                    w.attempt = 1;
                    w.t += latencySeconds;
                    counts[0]++;
                } else {
                    counts[1]++;
                    w.t += latencySeconds + Math.min(20.0, Math.pow(2, w.attempt - 1)) / 2;
                    w.attempt++;
                }
                q.add(w);
            }
            System.arraycopy(shardEnd, 0, shardStart, 0, shards);
        }
        for (double e : shardStart) end = Math.max(end, e);
        return new Outcome(accounts, shards, concurrency, end, counts[0], counts[1],
                bound(profile, accounts, shards, concurrency, latencySeconds, throttleScale, stsRegion));
    }

    /**
     * The lower bound of a collection's wall time, start-up excluded: the largest of
     * <ul>
     *   <li>latency: calls x latency / (shards x concurrency), the calls of the busiest shard
     *       (ceil(accounts / shards) accounts) over its workers;</li>
     *   <li>buckets: over every token bucket (account, region, API or shared family), (calls into it
     *       - burst) / refill rate, the time its calls need beyond the burst, for the caller's STS
     *       bucket all the organization's AssumeRole calls;</li>
     *   <li>the longest task: its calls one after another, x latency.</li>
     * </ul>
     */
    public static double bound(Profile profile, int accounts, int shards, int concurrency, double latencySeconds, double throttleScale, String stsRegion) {
        long perShard = (accounts + shards - 1) / shards;
        double latency = (perShard * (profile.calls() + 1)) * latencySeconds / concurrency;
        java.util.Map<String, Long> perBucket = new java.util.HashMap<>();
        for (List<Call> t : profile.tasks()) {
            for (Call c : t) perBucket.merge(Throttling.bucket("a", c.region(), c.service(), c.operation()), 1L, Long::sum);
        }
        Throttling scaled = new Throttling(throttleScale);
        double buckets = 0;
        for (List<Call> t : profile.tasks()) {
            for (Call c : t) {
                Throttling.Quota q = Throttling.quota(c.service(), c.operation());
                long n = perBucket.get(Throttling.bucket("a", c.region(), c.service(), c.operation()));
                buckets = Math.max(buckets, (n - scaled.burst(q)) / scaled.rate(q));
            }
        }
        Throttling.Quota sts = Throttling.quota("sts", "AssumeRole");
        buckets = Math.max(buckets, (accounts - scaled.burst(sts)) / scaled.rate(sts));
        double longest = profile.tasks().stream().mapToInt(List::size).max().orElse(0) * latencySeconds;
        return Math.max(latency, Math.max(buckets, longest));
    }
}

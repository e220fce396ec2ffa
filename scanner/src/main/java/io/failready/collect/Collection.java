package io.failready.collect;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The collect stage: accounts x regions x services on a bounded pool under one deadline, into a
 * sorted {@link Snapshot}. Phase 0 reads AWS; then collectors resolve links across the inventory
 * (bucket destinations, secret replicas); phase 1 reads what depends on the inventory (lag
 * metrics, referenced IAM roles). Whatever did not finish by the deadline is a {@code ScanTimeout} gap.
 */
public final class Collection {
    private Collection() {}

    /**
     * Knobs tests turn; production uses {@link #defaults} with every collector of
     * {@code io.failready.collect.aws.CollectorRegistry} (the runner is given its collectors rather
     * than reaching for the registry, which depends on every collector package).
     */
    public record Options(Clock clock, BackoffStrategy backoff, AwsCredentialsProvider baseCredentials,
                          Map<String, String> env, List<Collector> collectors) {
        public static Options defaults(List<Collector> collectors) {
            return new Options(Clock.systemUTC(), null, null, System.getenv(), List.copyOf(collectors));
        }
        public Options withBaseCredentials(AwsCredentialsProvider p) { return new Options(clock, backoff, p, env, collectors); }
        public Options withBackoff(BackoffStrategy b) { return new Options(clock, b, baseCredentials, env, collectors); }
        public Options withCollectors(List<Collector> c) { return new Options(clock, backoff, baseCredentials, env, c); }
        public Options withEnv(Map<String, String> e) { return new Options(clock, backoff, baseCredentials, e, collectors); }
        public Options withClock(Clock c) { return new Options(c, backoff, baseCredentials, env, collectors); }
    }

    public static Snapshot run(CollectRequest req, List<Collector> collectors) { return run(req, Options.defaults(collectors)); }

    public static Snapshot run(CollectRequest req, Options opts) {
        Objects.requireNonNull(req, "request");
        if (req.regions().isEmpty()) throw new IllegalArgumentException("at least one region is required");
        Clock clock = opts.clock();
        Instant started = clock.instant();
        Instant deadline = started.plus(req.scanTimeout());
        AwsCredentialsProvider base = Gaps.remembering(opts.baseCredentials() != null ? opts.baseCredentials()
                : req.profile() != null && !req.profile().isBlank()
                ? ProfileCredentialsProvider.builder().profileName(req.profile()).build()
                : DefaultCredentialsProvider.builder().build());
        ExecutorService pool = Executors.newFixedThreadPool(req.concurrency(), daemonThreads());
        try (ClientFactory clients = new ClientFactory(ClientFactory.resolveEndpoint(req.endpointUrl(), opts.env()),
                req.callTimeout(), opts.backoff(), opts.collectors().stream().map(Collector::descriptor).toList())) {
            io.failready.util.Timings.mark("collection started");
            Accounts.Resolved accounts = Accounts.resolve(req, clients, base, pool);
            io.failready.util.Timings.mark("accounts resolved " + accounts.targets().size());
            ScanState state = new ScanState(req.regions());
            Progress progress = new Progress(req.progress() ? req.progressOut() : null);
            List<Resource> resources = new ArrayList<>();
            List<CollectionGap> gaps = new ArrayList<>(accounts.gaps());

            for (int phase = 0; phase <= 1; phase++) {
                List<Task> tasks = plan(phase, accounts.targets(), req.regions(), opts.collectors(), clients, deadline, clock, state);
                progress.expect(tasks.size());
                runAll(tasks, pool, deadline, clock, progress);
                io.failready.util.Timings.mark("phase " + phase + ": " + tasks.size() + " tasks");
                for (Task t : tasks) {
                    resources.addAll(t.buffer.resources());
                    gaps.addAll(t.buffer.gaps());
                }
                if (phase == 0) {
                    List<Resource> linked = resources;
                    for (Collector c : opts.collectors()) linked = c.link(linked, state);
                    resources = new ArrayList<>(linked);
                    state.inventory(resources);
                }
            }
            gaps.addAll(state.unreachable());
            Instant finished = clock.instant();
            return new Snapshot(Snapshot.SCHEMA_VERSION, new Snapshot.Tool("failready", version()),
                    finished.truncatedTo(ChronoUnit.SECONDS).toString(),
                    new Snapshot.Window(started.truncatedTo(ChronoUnit.MILLIS).toString(), finished.truncatedTo(ChronoUnit.MILLIS).toString()),
                    accounts.accountIds(), req.regions(), resources, dedupe(gaps)).sorted();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One account x region (or global) x collector. */
    static final class Task {
        final Collector collector;
        final AccountTarget account;
        final String region;
        final TaskBuffer buffer = new TaskBuffer();
        final CollectionContext ctx;
        volatile boolean started;

        Task(Collector c, AccountTarget a, String region, ClientFactory clients, Instant deadline, Clock clock, ScanState state) {
            this.collector = c;
            this.account = a;
            this.region = region;
            this.ctx = new CollectionContext(a, region, c.descriptor(), clients, deadline, clock, buffer, state);
        }

        void run() {
            started = true;
            try {
                ClientFactory.asAccount(account.credentials(), () -> collector.collect(ctx));
            } catch (Gaps.ScanTimeout e) {
                ctx.gap(collector.service() + ":*", null, null, Gaps.SCAN_TIMEOUT, "the scan deadline passed before " + collector.service() + " finished.");
            } catch (RuntimeException e) {
                // A collector bug must not end the scan, and must not look like "nothing there" either.
                ctx.gap(collector.service() + ":*", null, null, "CollectorError", Gaps.scrub(e.toString()));
            }
        }

        String label() { return account.accountId() + " " + region + " " + collector.service(); }

        /**
         * A global task that failed as a whole ({@code *}: deadline, collector error) for a collector
         * whose resources live in regions: without a gap in each region, the bucket rules would see
         * no buckets and no gap there, and judge nothing.
         */
        void spreadWholeServiceGaps() {
            if (!Resource.GLOBAL.equals(region) || !collector.placesResourcesInRegions()) return;
            for (CollectionGap g : buffer.gaps()) {
                if (!"*".equals(g.getOperation()) || g.getResourceId() != null || !Resource.GLOBAL.equals(g.getRegion())) continue;
                for (String r : ctx.scanRegions()) {
                    buffer.forceGap(new CollectionGap(g.getAccountId(), r, g.getService(), "*", null, null, g.getErrorCode(),
                            "see the global gap: " + g.getMessage()));
                }
            }
        }
    }

    static List<Task> plan(int phase, List<AccountTarget> accounts, List<String> regions, List<Collector> collectors,
                           ClientFactory clients, Instant deadline, Clock clock, ScanState state) {
        List<Task> tasks = new ArrayList<>();
        for (AccountTarget a : accounts) {
            for (Collector c : collectors) {
                if (c.phase() != phase) continue;
                if (c.global()) {
                    tasks.add(new Task(c, a, Resource.GLOBAL, clients, deadline, clock, state));
                } else {
                    for (String r : regions) {
                        if (c.availableIn(r)) tasks.add(new Task(c, a, r, clients, deadline, clock, state));
                    }
                }
            }
        }
        return tasks;
    }

    private static void runAll(List<Task> tasks, ExecutorService pool, Instant deadline, Clock clock, Progress progress) {
        List<Future<?>> futures = new ArrayList<>();
        for (Task t : tasks) futures.add(pool.submit(t::run));
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            Future<?> f = futures.get(i);
            long waitMs = Math.max(0, deadline.toEpochMilli() - clock.millis());
            try {
                f.get(waitMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | CancellationException e) {
                f.cancel(true);
                t.buffer.close();
                t.buffer.forceGap(new CollectionGap(t.account.accountId(), t.region, t.collector.service(), "*", null, null,
                        Gaps.SCAN_TIMEOUT, (t.started ? "the scan deadline passed while " : "the scan deadline passed before ")
                        + t.collector.service() + " was collected."));
            } catch (ExecutionException e) {
                t.buffer.forceGap(new CollectionGap(t.account.accountId(), t.region, t.collector.service(), "*", null, null,
                        "CollectorError", Gaps.scrub(String.valueOf(e.getCause()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                t.buffer.close();
                t.buffer.forceGap(new CollectionGap(t.account.accountId(), t.region, t.collector.service(), "*", null, null,
                        Gaps.SCAN_TIMEOUT, "interrupted"));
            }
            t.buffer.close();
            t.spreadWholeServiceGaps();
            progress.done(t);
        }
    }

    private static List<CollectionGap> dedupe(List<CollectionGap> gaps) {
        Map<String, CollectionGap> unique = new LinkedHashMap<>();
        for (CollectionGap g : gaps) {
            String k = String.join("|", g.getAccountId(), g.getRegion(), g.getService(), Objects.toString(g.getOperation()),
                    Objects.toString(g.getResourceId()), g.getErrorCode());
            unique.putIfAbsent(k, g);
        }
        return new ArrayList<>(unique.values());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "failready-collect-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = Collection.class.getResourceAsStream("/io/failready/version.properties")) {
            if (in != null) p.load(in);
        } catch (java.io.IOException ignored) {
            // "dev" below
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
    }

    /** One line per finished task on stderr, only when asked (the CLI asks when stderr is a terminal). */
    static final class Progress {
        private final PrintWriter out;
        private int total;
        private int done;

        Progress(PrintWriter out) { this.out = out; }
        synchronized void expect(int n) { total += n; }
        synchronized void done(Task t) {
            done++;
            if (out == null) return;
            out.printf("collect [%d/%d] %s: %d resources, %d gaps%n", done, total, t.label(),
                    t.buffer.resources().size(), t.buffer.gaps().size());
            out.flush();
        }
    }
}

package io.failready.tooling.bench;

import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleSources;
import io.failready.util.AtomicFiles;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness behind {@code failready bench run}: generates the estates, runs every
 * stage as a fresh process through the launcher (so JVM start, flags and class-data sharing are
 * what a user gets), takes medians of wall time, CPU time and peak RSS (from
 * {@code /usr/bin/time}), and writes a Markdown results file with each target, pass/fail, the
 * machine and the exact commands. Never a timed unit test: numbers depend on the machine.
 *
 * <p>A number is only published when the machine was otherwise idle while it was taken: around
 * every timed run the harness reads the machine's busy CPU time ({@code /proc/stat}) and its own
 * (this JVM plus the children it waited for, {@code /proc/self/stat}); what is left was used by
 * other processes, and a run where that exceeds {@link #DEFAULT_MAX_OTHER_SHARE} of one core is
 * discarded and retried after the machine quietens. A stage that keeps being disturbed is
 * published as "busy: not measured", never as a PASS.
 */
public final class BenchRunner {
    /** A limit a stage is judged against: median wall seconds and, where set, peak RSS of every run. */
    record Limit(double maxSeconds, Long maxRssMb) {
        String text() {
            return "<= " + fmt(maxSeconds) + " s" + (maxRssMb == null ? "" : ", RSS <= " + mb(maxRssMb));
        }

        boolean met(double medianWall, long peakRssMb) {
            return medianWall <= maxSeconds && (maxRssMb == null || (peakRssMb >= 0 && peakRssMb <= maxRssMb));
        }
    }

    /** The targets of issue #19, in one place: the results table prints them and PASS/FAIL is decided from them. */
    static final class Targets {
        private Targets() {}
        static final Limit EVALUATE_10K = new Limit(1.5, null);
        static final Limit EVALUATE_100K = new Limit(4.0, 800L);
        static final Limit EVALUATE_1M = new Limit(40.0, 3072L);
        /** Growth from 100k to 1M resources no worse than linear: 1M wall / 100k wall at most 10 (10x the resources). */
        static final double GROWTH_1M_OVER_100K = 10.0;
        static final Limit GATE_10K = new Limit(0.5, null);
        static final Limit RENDER_100K = new Limit(4.0, null);
        /** First {@code ./failready scan --demo} on a fresh clone, dependencies already in ~/.m2. */
        static final Limit DEMO_FIRST_RUN = new Limit(40.0, null);
        static final Limit DEMO_LATER_RUNS = new Limit(2.0, null);
        static final double COLLECT_MAX_RATIO = CollectBench.Result.TARGET;
        static final double COLLECT_MAX_CALLS_PER_RESOURCE = 3.5;
        static final long COLLECT_MAX_GAPS = 0;

        static String growthText() { return "1M / 100k wall <= " + fmt(GROWTH_1M_OVER_100K) + "x (linear)"; }

        static String collectText() {
            return "<= " + fmt(COLLECT_MAX_RATIO) + "x bound, " + COLLECT_MAX_GAPS + " gaps, <= " + fmt(COLLECT_MAX_CALLS_PER_RESOURCE) + " calls/resource";
        }
    }

    /** Other processes may use at most this share of one core during a timed run, or the run is discarded. */
    static final double DEFAULT_MAX_OTHER_SHARE = 0.10;
    /** Allowance for the tick granularity of /proc/stat (1/100 s per CPU, read twice on each side). */
    static final double GRANULARITY_SECONDS = 0.05;
    static final int DEFAULT_MAX_DISCARDS = 4;

    /** One measured stage: the command (launcher included), where it runs, its limit (null: informational). */
    record Stage(String name, Limit limit, List<String> command, Path dir, int runs, boolean warmUp, boolean asNewUser, Prepare prepare) {
        Stage(String name, Limit limit, List<String> command, int runs) { this(name, limit, command, null, runs, true, false, null); }
    }

    /** Work done before each timed run of a stage and not timed (a fresh clone before a first run). */
    @FunctionalInterface
    interface Prepare { void run() throws Exception; }

    /** One line a process printed and the second (since its start) at which it appeared. */
    record Line(double at, String text) {}

    /** One process run: wall and CPU seconds, peak RSS in MB (-1 when unknown), exit code, its output. */
    record Sample(double wall, double cpu, long rssMb, int exit, List<Line> output) {
        Sample(double wall, double cpu, long rssMb, int exit) { this(wall, cpu, rssMb, exit, List.of()); }
    }

    /** A stage that could not run to the end: its exit code and the last line it printed. */
    record Failure(int exit, String lastLine) {}

    /** One phase of a run from {@code FAILREADY_TIMINGS=1}: wall and CPU milliseconds it took. */
    record Phase(String name, long wallMs, long cpuMs) {}

    /** Runs one process of a stage and reports what it cost. */
    @FunctionalInterface
    interface ProcessRunner { Sample run(Stage stage, Map<String, String> extraEnv) throws IOException, InterruptedException; }

    /** CPU seconds used so far: by the whole machine (non-idle), and by this JVM plus the children it waited for. */
    interface CpuProbe {
        double machineBusy();
        double own();
        default boolean available() { return true; }
    }

    @FunctionalInterface
    interface Sleeper { void sleep(long millis) throws InterruptedException; }

    /** What a stage measured: the kept samples, how many runs were discarded, and why it stopped if it did. */
    record StageResult(Stage stage, String loadBefore, List<Sample> samples, int discards, Failure failure, boolean busy,
                       List<Phase> phases, String notRun) {
        Sample median() { return BenchRunner.median(samples); }
        long peakRss() { return samples.stream().mapToLong(Sample::rssMb).max().orElse(-1); }
        boolean measured() { return failure == null && !busy && notRun == null && !samples.isEmpty(); }

        /** PASS / FAIL against the stage's limit, "info" without one; never PASS for what was not measured. */
        String verdict() {
            if (notRun != null) return stage.limit() == null ? "info: not run" : "NOT RUN";
            if (failure != null) return "FAIL";
            if (busy) return "busy: not measured";
            if (stage.limit() == null) return "info";
            return stage.limit().met(median().wall(), peakRss()) ? "PASS" : "FAIL";
        }

        static StageResult notRun(Stage s, String why) { return new StageResult(s, "", List.of(), 0, null, false, List.of(), why); }
    }

    /** One row of the results table. */
    record Row(String stage, String target, String load, String median, String range, String cpu, String rss, String runs, String result) {}

    private final boolean quick;
    private final int runs;
    private final Path work;
    private final Path results;
    private final Path jar;
    private final List<Path> extraRules;
    private final PrintWriter out;
    private final List<String> launcher;
    private final ProcessRunner runner;
    private final CpuProbe probe;
    private final Sleeper sleeper;
    private final double maxOtherShare;
    private final int maxDiscards;
    private final boolean freshClone;
    private Path lockFile;

    public BenchRunner(boolean quick, int runs, Path work, Path results, Path jar, List<Path> extraRules, PrintWriter out,
                       double maxOtherShare, int maxDiscards, boolean freshClone) {
        this(quick, runs, work, results, jar != null ? jar.toAbsolutePath() : runningJar(), extraRules, out, null, procProbe(), Thread::sleep,
                maxOtherShare, maxDiscards, freshClone);
    }

    /**
     * Holds an flock(1) lock on {@code file} during each stage (not the whole run), so that
     * benchmarks from several checkouts on one shared machine take turns stage by stage.
     */
    public BenchRunner lockEachStage(Path file) {
        this.lockFile = file == null ? null : file.toAbsolutePath();
        return this;
    }

    /** Takes the stage lock, if any: a child {@code flock FILE} holding it until its stdin closes. */
    private AutoCloseable stageLock() throws IOException {
        if (lockFile == null) return () -> { };
        Process holder = new ProcessBuilder("flock", lockFile.toString(), "sh", "-c", "echo locked; exec cat >/dev/null")
                .redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(first)) {
            holder.destroy();
            throw new IllegalStateException("could not take the lock " + lockFile + " with flock(1): " + (first == null ? "no output" : first));
        }
        return () -> {
            holder.getOutputStream().close();
            if (!holder.waitFor(5, TimeUnit.SECONDS)) holder.destroy();
        };
    }

    BenchRunner(boolean quick, int runs, Path work, Path results, Path jar, List<Path> extraRules, PrintWriter out,
                ProcessRunner runner, CpuProbe probe, Sleeper sleeper, double maxOtherShare, int maxDiscards, boolean freshClone) {
        this.quick = quick;
        this.runs = Math.max(1, runs);
        this.work = work.toAbsolutePath();
        this.results = results;
        this.jar = jar;
        this.extraRules = extraRules.stream().map(Path::toAbsolutePath).toList();
        this.out = out;
        this.launcher = launcherCommand(this.jar);
        this.runner = runner != null ? runner : this::exec;
        this.probe = probe;
        this.sleeper = sleeper;
        this.maxOtherShare = maxOtherShare;
        this.maxDiscards = Math.max(0, maxDiscards);
        this.freshClone = freshClone;
    }

    /** The jar this JVM runs from (bench commands measure the shaded jar). */
    public static Path runningJarPath() { return runningJar(); }

    private static Path runningJar() {
        try {
            Path p = Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p)) return p;
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        throw new IllegalStateException("bench run measures the shaded jar: run it through ./failready or pass --jar FILE");
    }

    /** The repository the jar was built in (ROOT/scanner/target/failready.jar), or null. */
    static Path repositoryRoot(Path jar) {
        Path root = jar.getParent() == null || jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
        return root != null && Files.isExecutable(root.resolve("failready")) ? root : null;
    }

    /**
     * The repository's launcher when the jar sits in its build directory (ROOT/scanner/target),
     * so measured runs use the same JVM flags and archive as users; otherwise plain java -jar.
     */
    public static List<String> launcherCommand(Path jar) {
        Path root = repositoryRoot(jar);
        if (root != null) return List.of(root.resolve("failready").toString());
        return List.of("java", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
    }

    public int run() throws Exception {
        Files.createDirectories(work);
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        if (!probe.available()) out.println("bench: WARNING: /proc/stat is not readable here, so runs disturbed by other processes cannot be discarded");
        int catalogSize = RuleCatalog.read(RuleSources.bundledPlus(extraRules)).rules().size();
        String rulesNote = "Rules: the bundled catalog (" + catalogSize + " rules)" + (extraRules.isEmpty() ? "" : " plus " + extraRules) + ".";
        List<String> rulesArgs = new ArrayList<>();
        for (Path d : extraRules) { rulesArgs.add("--rules"); rulesArgs.add(d.toString()); }

        Map<String, int[]> estates = new LinkedHashMap<>();
        estates.put("10k", new int[]{10, 1000});
        estates.put("100k", new int[]{100, 1000});
        if (!quick) estates.put("1M", new int[]{1000, 1000});
        for (var e : estates.entrySet()) generate(e.getKey(), e.getValue()[0], e.getValue()[1]);

        List<StageResult> done = new ArrayList<>();
        // The order matters: the gate and render stages read the reports the evaluations wrote.
        done.add(measure(new Stage("evaluate 10k resources", Targets.EVALUATE_10K, cmd(evalArgs("10k", rulesArgs)), runs)));
        done.add(measure(new Stage("evaluate 100k resources", Targets.EVALUATE_100K, cmd(evalArgs("100k", rulesArgs)), Math.min(runs, 3))));
        Stage oneMillion = new Stage("evaluate 1M resources", Targets.EVALUATE_1M, cmd(evalArgs("1M", rulesArgs)), Math.min(runs, 3));
        done.add(quick ? StageResult.notRun(oneMillion, "--quick") : measure(oneMillion));
        Path report10k = work.resolve("out-10k/report.json");
        Path report100k = work.resolve("out-100k/report.json");
        done.add(measure(new Stage("gate --report (10k-resource report)", Targets.GATE_10K, cmd(List.of("gate", "--report", report10k.toString())), runs)));
        done.add(measure(new Stage("render HTML + JSON (100k-resource report)", Targets.RENDER_100K,
                cmd(List.of("bench", "render", "--report", report100k.toString(), "--out", work.resolve("render").toString())), Math.min(runs, 3))));
        done.addAll(demoStages());
        // informational: still worth watching, no #19 target
        done.add(measure(new Stage("gate --report (100k-resource report)", null, cmd(List.of("gate", "--report", report100k.toString())), Math.min(runs, 3))));
        done.add(measure(new Stage("rules list", null, cmd(List.of("rules", "list")), runs)));
        // The bundled catalog is precompiled; a user rule directory is compiled at every load, so its cost shows here.
        Path userRules = work.resolve("user-rules");
        deleteTree(userRules);
        SyntheticRules.write(userRules, 1);
        List<String> userArgs = new ArrayList<>(evalArgs("10k", rulesArgs));
        userArgs.addAll(List.of("--rules", userRules.toString()));
        // its own report: the gate stages read out-10k, whose rules must be the catalog's
        userArgs.set(userArgs.indexOf("--out") + 1, work.resolve("out-10k-user-rules").toString());
        done.add(measure(new Stage("evaluate 10k + a one-rule user directory (compiled at load)", null, cmd(userArgs), Math.min(runs, 3))));

        List<Row> rows = new ArrayList<>();
        for (StageResult r : done) rows.add(row(r));
        rows.add(3, growthRow(find(done, "evaluate 100k resources"), find(done, "evaluate 1M resources")));

        int evaluations = countEvaluations(report100k);
        List<String> notes = new ArrayList<>();
        notes.add(collectStage(rows));
        notes.add("Reports measured: the 100k-resource report holds " + evaluations + " evaluations.");
        notes.add(rulesNote);
        String md = markdown(started, loadBefore, loadAverage(), rows, done, notes, estates);
        // the results file is committed: name the launcher and scratch directory relative to the
        // directory the run started in (the repository root), not by this machine's absolute paths
        md = md.replace(Path.of("").toAbsolutePath() + "/", "./");
        AtomicFiles.writeString(results, withNotes(md, Files.exists(results) ? Files.readString(results) : null));
        out.println("wrote " + results);
        return 0;
    }

    private List<String> cmd(List<String> args) {
        List<String> c = new ArrayList<>(launcher);
        c.addAll(args);
        return c;
    }

    private static StageResult find(List<StageResult> rs, String name) {
        return rs.stream().filter(r -> r.stage().name().equals(name)).findFirst().orElse(null);
    }

    private List<String> evalArgs(String size, List<String> rulesArgs) {
        List<String> a = new ArrayList<>(List.of("evaluate", "--snapshot", work.resolve("estate-" + size + ".json.gz").toString(),
                "--config", work.resolve("estate-" + size + ".yaml").toString(), "--out", work.resolve("out-" + size).toString(),
                "--format", "json"));
        a.addAll(rulesArgs);
        return a;
    }

    // ---------------------------------------------------------------- measuring

    /**
     * One stage: an untimed warm-up run with {@code FAILREADY_TIMINGS=1} (fills the page cache and
     * records the per-phase breakdown shown for a FAIL row), then timed runs until {@code runs} of
     * them were taken on an otherwise idle machine or {@code maxDiscards} were disturbed.
     */
    StageResult measure(Stage s) throws Exception {
        try (AutoCloseable lock = stageLock()) {
            return measureLocked(s);
        }
    }

    /**
     * The warm-up also builds any class-data archive the launcher lacks, in the foreground
     * ({@code FAILREADY_CDS=wait}, waiting for a builder a first run left detached): otherwise the
     * launcher's low-priority builder would share the CPU with the timed runs and every one of them
     * would be discarded as disturbed. A run started with {@code FAILREADY_CDS=off} keeps it off.
     */
    static Map<String, String> warmUpEnv() {
        return "off".equals(System.getenv("FAILREADY_CDS")) ? Map.of("FAILREADY_TIMINGS", "1")
                : Map.of("FAILREADY_TIMINGS", "1", "FAILREADY_CDS", "wait");
    }

    private StageResult measureLocked(Stage s) throws Exception {
        String load = loadAverage();
        out.println("bench: " + s.name() + " (load average " + load + ") ...");
        out.flush();
        List<Phase> phases = List.of();
        if (s.warmUp()) {
            Sample w = runner.run(s, warmUpEnv());
            checkNotRebuilt(s, w);
            Failure f = failure(w);
            // A stage that fails (the 1M estate running out of memory, say) is a result to publish,
            // not a reason to lose every other measurement of the run.
            if (f != null) return failed(s, load, List.of(), 0, f, phases(w.output()));
            phases = phases(w.output());
        }
        List<Sample> samples = new ArrayList<>();
        int discards = 0;
        while (samples.size() < s.runs()) {
            if (s.prepare() != null) s.prepare().run();
            double busy0 = probe.machineBusy(), own0 = probe.own();
            Sample x = runner.run(s, Map.of());
            double other = (probe.machineBusy() - busy0) - (probe.own() - own0);
            Failure f = failure(x);
            checkNotRebuilt(s, x);
            if (f != null) return failed(s, load, samples, discards, f, s.warmUp() ? phases : timeline(x.output(), x.wall()));
            if (!s.warmUp()) phases = timeline(x.output(), x.wall());
            if (disturbed(other, x.wall())) {
                discards++;
                out.printf(Locale.ROOT, "bench:   discarded a run (%.2f s wall): other processes used %.2f s CPU, %.0f %% of one core (limit %.0f %%)%n",
                        x.wall(), other, 100 * other / x.wall(), 100 * maxOtherShare);
                out.flush();
                if (discards > maxDiscards) {
                    out.println("bench:   busy: not measured (" + discards + " runs discarded)");
                    return new StageResult(s, load, samples, discards, null, true, phases, null);
                }
                waitForQuiet();
                continue;
            }
            samples.add(x);
            out.printf(Locale.ROOT, "bench:   run %d: %.2f s wall (other processes: %.0f %% of one core)%n", samples.size(), x.wall(),
                    x.wall() > 0 ? 100 * Math.max(0, other) / x.wall() : 0);
            out.flush();
        }
        StageResult r = new StageResult(s, load, samples, discards, null, false, phases, null);
        Sample m = r.median();
        out.printf(Locale.ROOT, "bench:   median %.2f s wall, %.2f s CPU, %s: %s%n", m.wall(), m.cpu(),
                r.peakRss() < 0 ? "RSS n/a" : r.peakRss() + " MB", r.verdict());
        out.flush();
        return r;
    }

    private StageResult failed(Stage s, String load, List<Sample> samples, int discards, Failure f, List<Phase> phases) {
        out.println("bench:   FAILED: exit " + f.exit() + ": " + f.lastLine());
        out.flush();
        return new StageResult(s, load, samples, discards, f, false, phases, null);
    }

    /** Other processes used more than the allowed share of one core over the run (plus the probe's granularity). */
    boolean disturbed(double otherCpuSeconds, double wallSeconds) {
        return probe.available() && otherCpuSeconds > maxOtherShare * wallSeconds + GRANULARITY_SECONDS;
    }

    /** Waits (at most 30 s) for a one-second window in which other processes stay under the limit. */
    private void waitForQuiet() throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            double busy0 = probe.machineBusy(), own0 = probe.own();
            sleeper.sleep(1000);
            double other = (probe.machineBusy() - busy0) - (probe.own() - own0);
            if (other <= maxOtherShare) return;
        }
    }

    /** The measured process, if one is running: a bench run stopped with Ctrl-C or kill -TERM takes it down too. */
    private volatile Process running;

    {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = running;
            if (p == null) return;
            // /usr/bin/time does not pass the signal on: end the launcher's JVM (and any Maven build) below it first
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }, "bench-stop"));
    }

    /** Runs one stage once as a separate process under /usr/bin/time; output goes to a log file. */
    private Sample exec(Stage s, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path timeFile = work.resolve("time.txt");
        Path log = work.resolve("last-run.log");
        Files.deleteIfExists(timeFile);
        boolean haveTime = Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> cmd = new ArrayList<>();
        if (haveTime) cmd.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%e %U %S %M"));
        cmd.addAll(s.command());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (s.dir() != null) pb.directory(s.dir().toFile());
        // a first-time user has none of the tuning switches set; a bench run started with them keeps them (the results name them)
        if (s.asNewUser()) pb.environment().keySet().removeIf(k -> k.startsWith("FAILREADY_"));
        pb.environment().putAll(extraEnv);
        long t0 = System.nanoTime();
        Process p = pb.start();
        running = p;
        List<Line> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 BufferedWriter w = Files.newBufferedWriter(log)) {
                for (String l; (l = r.readLine()) != null; ) {
                    w.write(l);
                    w.newLine();
                    synchronized (lines) { if (lines.size() < 5000) lines.add(new Line((System.nanoTime() - t0) / 1e9, l)); }
                }
            } catch (IOException e) {
                // the log is for diagnosis only
            }
        }, "bench-output");
        reader.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(s.name() + " did not finish in 30 minutes");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        running = null;
        reader.join(10_000);
        int exit = p.exitValue();
        List<Line> output;
        synchronized (lines) { output = List.copyOf(lines); }
        if (!haveTime || !Files.exists(timeFile)) return new Sample(wall, -1, -1, exit, output);
        String[] f = Files.readString(timeFile).trim().split("\\s+");
        // /usr/bin/time prints "Command exited with non-zero status N" first for exits != 0
        int n = f.length;
        try {
            return new Sample(Double.parseDouble(f[n - 4]), Double.parseDouble(f[n - 3]) + Double.parseDouble(f[n - 2]),
                    Long.parseLong(f[n - 1]) / 1024, exit, output);
        } catch (RuntimeException e) {
            return new Sample(wall, -1, -1, exit == 0 ? 1 : exit, output);  // killed by a signal: time printed no figures
        }
    }

    /** evaluate, scan and gate exit 3 (NOT_READY) or 4 (UNKNOWN) by design on the planted problems; anything else failed. */
    static Failure failure(Sample x) {
        if (x.exit() == 0 || x.exit() == 3 || x.exit() == 4) return null;
        String last = "";
        for (Line l : x.output()) if (!l.text().isBlank() && !l.text().startsWith("\tat ") && !l.text().startsWith("failready-timing")) last = l.text().trim();
        return new Failure(x.exit(), last.length() > 200 ? last.substring(0, 200) + "..." : last);
    }

    /**
     * Only the fresh-clone stage is meant to build the jar (the launcher announces a build on its
     * first line). A build anywhere else means sources changed under the benchmark: the results
     * would mix two builds, and this JVM's own jar was just replaced, so the run stops here.
     */
    static void checkNotRebuilt(Stage s, Sample x) {
        if (s.prepare() != null) return;
        if (x.output().stream().anyMatch(l -> l.text().startsWith("failready: building the scanner"))) {
            throw new io.failready.util.InputException("the launcher rebuilt the jar during the stage '" + s.name() + "': sources changed "
                    + "while benchmarking, so the results would mix two builds. Nothing was written; run the benchmark again without "
                    + "editing the tree (or benchmark a copy of it).");
        }
    }

    private static final Pattern TIMING = Pattern.compile("^failready-timing\\s+(.+?)\\s+-?\\d+ ms \\(\\+\\s*(-?\\d+) ms\\) cpu\\s+-?\\d+ ms \\(\\+\\s*(-?\\d+) ms\\).*");

    /** The phases {@code FAILREADY_TIMINGS=1} printed (see {@code io.failready.util.Timings}). */
    static List<Phase> phases(List<Line> output) {
        List<Phase> ps = new ArrayList<>();
        for (Line l : output) {
            Matcher m = TIMING.matcher(l.text());
            if (m.matches()) ps.add(new Phase(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        }
        return ps;
    }

    /**
     * For a run without phase timings (the launcher's first run: build, archives, scan): each line
     * it printed, as a phase lasting until the next line, so the slow step is visible.
     */
    static List<Phase> timeline(List<Line> output, double wall) {
        List<Phase> ps = new ArrayList<>();
        if (output.isEmpty()) return ps;
        if (output.get(0).at() >= 0.05) ps.add(new Phase("(start, before the first line)", Math.round(output.get(0).at() * 1000), -1));
        for (int i = 0; i < output.size() && ps.size() < 15; i++) {
            double end = i + 1 < output.size() ? output.get(i + 1).at() : wall;
            ps.add(new Phase("after \"" + abbreviate(output.get(i).text()) + "\"", Math.round(Math.max(0, end - output.get(i).at()) * 1000), -1));
        }
        return ps;
    }

    // ---------------------------------------------------------------- the demo scan stages

    /**
     * The first {@code ./failready scan --demo} on a fresh clone of the commit being measured (the
     * user's ~/.m2 supplies the dependencies), then later runs in the same clone. With --quick (or
     * without a git checkout) only the later runs, in this tree.
     */
    List<StageResult> demoStages() throws Exception {
        Path root = repositoryRoot(jar);
        String firstName = "first `./failready scan --demo` on a fresh clone";
        String laterName = "later `./failready scan --demo` runs";
        Stage first = new Stage(firstName, Targets.DEMO_FIRST_RUN, List.of(), null, 1, false, true, null);
        String why = quick ? "--quick" : !freshClone ? "--no-fresh-clone" : root == null || !Files.isDirectory(root.resolve(".git")) && !Files.isRegularFile(root.resolve(".git"))
                ? "the jar is not in a git checkout" : null;
        if (why != null) {
            // later runs in this tree: the jar and its archives exist already, as on a user's second run
            Stage later = new Stage(laterName + " (this tree)", Targets.DEMO_LATER_RUNS, cmd(List.of("scan", "--demo", "--out", work.resolve("demo-out").toString())), runs);
            return List.of(StageResult.notRun(first, why), measure(later));
        }
        String commit;
        boolean dirty;
        try {
            commit = git(root, "rev-parse", "HEAD").trim();
            dirty = !git(root, "status", "--porcelain", "--untracked-files=no").isBlank();
        } catch (IOException | IllegalStateException e) {
            // no git on the PATH, or not a repository after all: a row that says so, not a lost run
            Stage later = new Stage(laterName, Targets.DEMO_LATER_RUNS, List.of(), null, runs, true, true, null);
            return List.of(StageResult.notRun(first, "git: " + abbreviate(String.valueOf(e.getMessage()))), StageResult.notRun(later, "no fresh clone"));
        }
        cloneNote = "The fresh-clone rows measure commit `" + commit.substring(0, 12) + "`"
                + (dirty ? " WITHOUT the uncommitted changes of the working tree (the tree was dirty; the other rows measure the working tree's jar)" : "")
                + ": `git clone` into a temporary directory, then `./failready scan --demo` there as a new user would (no `FAILREADY_*` "
                + "variables, the user's ~/.m2 with every dependency downloaded). The first run includes the launcher's Maven build of the jar "
                + "(compile, rule precompilation, shading), whatever the launcher does about class-data archives on that run, and the scan "
                + "itself; the later runs are the same command in the same clone afterwards.";
        if (dirty) out.println("bench: WARNING: the working tree has uncommitted changes; the fresh-clone stage measures commit " + commit + " without them");
        Path clone = work.resolve("fresh-clone");
        Prepare reclone = () -> {
            deleteTree(clone);
            git(root, "clone", "--quiet", "--no-checkout", root.toString(), clone.toString());
            git(clone, "checkout", "--quiet", "--detach", commit);
        };
        List<String> demo = List.of(clone.resolve("failready").toString(), "scan", "--demo");
        first = new Stage(firstName, Targets.DEMO_FIRST_RUN, demo, clone, 1, false, true, reclone);
        // its warm-up (the second run in the clone, with FAILREADY_TIMINGS=1) gives the phase breakdown
        Stage later = new Stage(laterName + " (same clone)", Targets.DEMO_LATER_RUNS, demo, clone, runs, true, true, null);
        try {
            StageResult f;
            try {
                f = measure(first);
            } catch (IOException | IllegalStateException e) {
                out.println("bench:   FAILED: " + e.getMessage());
                f = new StageResult(first, loadAverage(), List.of(), 0, new Failure(-1, String.valueOf(e.getMessage()).strip()), false, List.of(), null);
            }
            StageResult l = f.measured() ? measure(later) : StageResult.notRun(later, "the first run was not measured");
            return List.of(f, l);
        } finally {
            deleteTree(clone);
        }
    }

    private String cloneNote;

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("git", "-C", dir.toString()));
        c.addAll(List.of(args));
        Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + o.trim());
        return o;
    }

    // ---------------------------------------------------------------- estates

    /**
     * Estates are deterministic, so they are kept in the work directory across runs and generated
     * again only when missing or when the generator's output changed (a fingerprint: the generator's
     * class file plus a small estate it writes now).
     */
    private void generate(String size, int accounts, int perAccount) throws IOException {
        Path snap = work.resolve("estate-" + size + ".json.gz");
        Path cfg = work.resolve("estate-" + size + ".yaml");
        Path id = work.resolve("estate-" + size + ".id");
        String fingerprint = generatorFingerprint() + " " + accounts + "x" + perAccount + " seed 1";
        // the files' digests too: an estate changed or truncated in the scratch directory is generated again, not measured
        if (Files.exists(snap) && Files.exists(cfg) && Files.exists(id)
                && Files.readString(id).equals(fingerprint + " " + sha256(snap) + " " + sha256(cfg))) return;
        out.printf("bench: generating %s (%d accounts x %d resources)...%n", size, accounts, perAccount);
        out.flush();
        Files.deleteIfExists(id);
        EstateGenerator g = new EstateGenerator(accounts, perAccount, 1);
        g.write(snap);
        AtomicFiles.writeString(cfg, g.config());
        AtomicFiles.writeString(id, fingerprint + " " + sha256(snap) + " " + sha256(cfg));
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String fingerprintCache;

    private String generatorFingerprint() throws IOException {
        if (fingerprintCache != null) return fingerprintCache;
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (var in = EstateGenerator.class.getResourceAsStream("EstateGenerator.class")) {
                if (in != null) d.update(in.readAllBytes());
            }
            Path probeFile = work.resolve("estate-fingerprint.json");
            EstateGenerator small = new EstateGenerator(2, EstateGenerator.MIN_PER_ACCOUNT * 2, 1);
            small.write(probeFile);
            d.update(Files.readAllBytes(probeFile));
            d.update(small.config().getBytes(StandardCharsets.UTF_8));
            Files.deleteIfExists(probeFile);
            return fingerprintCache = HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- rows and the results file

    static Row row(StageResult r) {
        Stage s = r.stage();
        String target = s.limit() == null ? "(info)" : s.limit().text();
        String runs = r.samples().size() + (r.discards() > 0 ? " (+" + r.discards() + " discarded)" : "");
        if (r.notRun() != null) return new Row(s.name(), target, "", "not run (" + r.notRun() + ")", "", "", "", "", r.verdict());
        if (r.failure() != null) {
            return new Row(s.name(), target, r.loadBefore(), "failed: exit " + r.failure().exit() + " (" + r.failure().lastLine().replace("|", "\\|") + ")",
                    "", "", "", runs, r.verdict());
        }
        if (r.busy()) return new Row(s.name(), target, r.loadBefore(), "busy: not measured", "", "", "", runs, r.verdict());
        Sample m = r.median();
        double min = r.samples().stream().mapToDouble(Sample::wall).min().orElse(0);
        double max = r.samples().stream().mapToDouble(Sample::wall).max().orElse(0);
        return new Row(s.name(), target, r.loadBefore(), String.format(Locale.ROOT, "%.2f s", m.wall()),
                String.format(Locale.ROOT, "%.2f - %.2f s", min, max), m.cpu() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f s", m.cpu()),
                r.peakRss() < 0 ? "n/a" : r.peakRss() + " MB", runs, r.verdict());
    }

    /** Growth from 100k to 1M resources: PASS only when both were measured and 1M took at most 10x the 100k wall time. */
    static Row growthRow(StageResult r100k, StageResult r1m) {
        String name = "growth 100k -> 1M resources (median wall ratio)";
        if (r100k == null || r1m == null || !r100k.measured() || !r1m.measured()) {
            String why = r1m != null && r1m.notRun() != null ? "not run (" + r1m.notRun() + ")" : "not measured (an evaluation stage was not)";
            return new Row(name, Targets.growthText(), "", why, "", "", "", "", r1m != null && r1m.notRun() != null ? "NOT RUN" : "not measured");
        }
        double ratio = r1m.median().wall() / r100k.median().wall();
        return new Row(name, Targets.growthText(), "", String.format(Locale.ROOT, "%.1fx", ratio), "", "", "", "",
                ratio <= Targets.GROWTH_1M_OVER_100K ? "PASS" : "FAIL");
    }

    /** Collection: PASS only within the bound ratio, with no gaps and at most the target calls per resource. */
    static String collectVerdict(CollectBench.Result r) {
        return r.ratio() <= Targets.COLLECT_MAX_RATIO && r.gaps() <= Targets.COLLECT_MAX_GAPS
                && r.callsPerResource() <= Targets.COLLECT_MAX_CALLS_PER_RESOURCE ? "PASS" : "FAIL";
    }

    /** The generated part of the results file: everything above {@link #NOTES}. */
    String markdown(Instant started, String loadBefore, String loadAfter, List<Row> rows, List<StageResult> done, List<String> notes,
                    Map<String, int[]> estates) {
        StringBuilder md = new StringBuilder();
        md.append("# failready benchmark results\n\n");
        md.append("Generated by `").append(commandLine()).append("` on ").append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(quick ? " (`--quick`: no 1M estate, no fresh clone)" : "").append(".\n");
        md.append("Each stage: one untimed warm-up run (with `FAILREADY_TIMINGS=1`, for the phase breakdown), then timed runs, each a fresh ")
                .append("process through the launcher (the fresh-clone first run: a single run, no warm-up). Median wall and CPU (user + system) ")
                .append("seconds and the peak RSS of all runs come from `/usr/bin/time`. ");
        md.append(String.format(Locale.ROOT, "A timed run is discarded when other processes used more than %.0f %% of one core during it "
                + "(the machine's busy CPU time from `/proc/stat` minus this harness's and the run's own, %.2f s allowed for the counters' granularity), "
                + "then retried once the machine is quiet; after %d discards a stage is \"busy: not measured\". ", 100 * maxOtherShare, GRANULARITY_SECONDS, maxDiscards));
        int discards = done.stream().mapToInt(StageResult::discards).sum();
        md.append("Runs discarded in this run: ").append(discards).append(probe.available() ? "" : " (NOT CHECKED: /proc/stat unreadable)").append(".\n\n");
        md.append("| stage | target | load before | median wall | min - max wall | median CPU | peak RSS | runs | result |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", r.stage(), r.target(), r.load(), r.median(), r.range(), r.cpu(), r.rss(), r.runs(), r.result())).append(" |\n");
        }
        md.append('\n');
        for (String n : notes) md.append(n).append("\n\n");
        if (cloneNote != null) md.append(cloneNote).append("\n\n");
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((k, v) -> { if (k.startsWith("FAILREADY_")) env.put(k, v); });
        if (!env.isEmpty()) md.append("Set in the environment of this run (and passed to every stage but the fresh clone): `").append(env).append("`.\n\n");
        appendBreakdowns(md, done);
        md.append("## Machine\n\n");
        md.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores available\n");
        md.append("- Memory: ").append(memTotal()).append('\n');
        md.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
        md.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n');
        md.append("- Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter).append('\n');
        md.append("- Launcher: `").append(String.join(" ", launcher)).append("`\n\n");
        md.append("## Reproduce\n\n```\n");
        md.append("mvn -q -B -o package -DskipTests\n");
        md.append("bench/run.sh").append(quick ? " --quick" : "").append("        # = ./failready bench run").append(quick ? " --quick" : "")
                .append(" --out ").append(results).append('\n');
        md.append("```\n\nEstates (deterministic, seed 1; generated into ").append(work).append(" when missing or when the generator changed):\n\n```\n");
        for (var e : estates.entrySet()) {
            md.append(String.format("./failready bench generate --accounts %d --resources-per-account %d --seed 1 --out estate-%s.json.gz --config-out estate-%s.yaml%n",
                    e.getValue()[0], e.getValue()[1], e.getKey(), e.getKey()));
        }
        md.append("```\n\nCommands measured (each prefixed by `/usr/bin/time -f '%e %U %S %M'`):\n\n```\n");
        md.append(collectCommand).append('\n');
        for (StageResult r : done) {
            if (r.stage().command().isEmpty() || r.notRun() != null) continue;
            md.append(String.join(" ", r.stage().command()).replace(work.toString() + "/", "")).append('\n');
        }
        md.append("```\n");
        return md.toString();
    }

    /** For every FAIL row: where the time went in one run of it, so the limiting phase shows without a separate profile. */
    private static void appendBreakdowns(StringBuilder md, List<StageResult> done) {
        boolean header = false;
        for (StageResult r : done) {
            if (!r.verdict().equals("FAIL") || r.phases().isEmpty()) continue;
            if (!header) {
                md.append("## Where the time goes in the FAIL rows\n\n");
                header = true;
            }
            Phase top = r.phases().stream().max(java.util.Comparator.comparingLong(Phase::wallMs)).orElseThrow();
            boolean lines = r.phases().get(0).cpuMs() < 0;
            md.append("**").append(r.stage().name()).append("**: ").append(lines
                    ? "the lines the first run printed and how long until the next one"
                    : "phases of the warm-up run (`FAILREADY_TIMINGS=1`)").append("; longest: ").append(top.name()).append(", ")
                    .append(String.format(Locale.ROOT, "%.2f s", top.wallMs() / 1000.0)).append(".\n\n");
            md.append("| phase | wall | CPU |\n|---|---:|---:|\n");
            for (Phase p : r.phases()) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f s | %s |%n", p.name().replace("|", "\\|"), p.wallMs() / 1000.0,
                        p.cpuMs() < 0 ? "" : String.format(Locale.ROOT, "%.2f s", p.cpuMs() / 1000.0)));
            }
            md.append('\n');
        }
    }

    /** The line that opens the hand-written part of a results file: what the numbers mean and why. */
    static final String NOTES = "<!-- Written by hand; `failready bench run` keeps everything from this line on. -->";

    /**
     * The generated results followed by the hand-written notes of the file being replaced, so a new
     * run refreshes the numbers without deleting the explanation of them.
     */
    static String withNotes(String generated, String previous) {
        int at = previous == null ? -1 : previous.indexOf(NOTES);
        return at < 0 ? generated : generated.stripTrailing() + "\n\n" + previous.substring(at);
    }

    // ---------------------------------------------------------------- collection (owned with the collection work; keep it in this one place)

    private String collectCommand = "failready bench collect --accounts 50 --latency-ms 50 --concurrency 8";

    /**
     * The collection stage: {@code failready collect} against the AWS stub, median of several runs,
     * disturbed runs discarded like any other stage. Adds its row to {@code rows} and returns the note below the table.
     */
    private String collectStage(List<Row> rows) throws Exception {
        String name = "collection vs throttling AWS stub (50 accounts, 50 ms per call, concurrency 8)";
        if (!CollectBench.available()) {
            rows.add(new Row(name, Targets.collectText(), "", "not run", "", "", "", "", "NOT RUN"));
            return "Collection: NOT RUN - the collectors are not in this build.";
        }
        try (AutoCloseable lock = stageLock()) {
            return collectLocked(rows, name);
        }
    }

    private String collectLocked(List<Row> rows, String name) throws Exception {
        String load = loadAverage();
        out.println("bench: collection against the AWS stub (load average " + load + ") ...");
        out.flush();
        List<CollectBench.Result> collections = new ArrayList<>();
        int discards = 0;
        int wanted = quick ? 1 : 3;
        while (collections.size() < wanted) {
            double busy0 = probe.machineBusy(), own0 = probe.own();
            CollectBench.Result r;
            try {
                // 50 accounts (~8,000 calls, ~55 s each) under AWS's request rates
                r = CollectBench.run(launcher, 50, 50, 8, work.resolve("collect"), out);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                out.println("bench:   FAILED: " + why);
                rows.add(new Row(name, Targets.collectText(), load, "failed: " + abbreviate(why), "", "", "", "", "FAIL"));
                return "Collection: FAILED - " + why + ".";
            }
            double other = (probe.machineBusy() - busy0) - (probe.own() - own0);
            if (disturbed(other, r.wallSeconds())) {
                out.printf(Locale.ROOT, "bench:   discarded a collection run: other processes used %.2f s CPU over %.2f s%n", other, r.wallSeconds());
                if (++discards > maxDiscards) break;
                waitForQuiet();
                continue;
            }
            collections.add(r);
        }
        String runsText = collections.size() + (discards > 0 ? " (+" + discards + " discarded)" : "");
        if (collections.size() < wanted) {
            rows.add(new Row(name, Targets.collectText(), load, "busy: not measured", "", "", "", runsText, "busy: not measured"));
            return "Collection: busy, not measured (" + discards + " runs discarded).";
        }
        CollectBench.Result med = medianCollection(collections);
        rows.add(new Row(name, Targets.collectText(), load, String.format(Locale.ROOT, "%.2f s = %.2fx", med.wallSeconds(), med.ratio()),
                String.format(Locale.ROOT, "bound %.2f s", med.lowerBoundSeconds()), "", "",
                runsText, collectVerdict(med) + String.format(Locale.ROOT, " (%.2f calls/resource, %d gaps)", med.callsPerResource(), med.gaps())));
        return "Collection (median of " + collections.size() + " runs, ratios " + ratios(collections) + "): " + med.describe()
                + ". Calls per resource by service: " + med.describePerService() + ". Busiest operations: " + med.topOperations() + ".";
    }

    static CollectBench.Result medianCollection(List<CollectBench.Result> rs) {
        List<CollectBench.Result> sorted = new ArrayList<>(rs);
        sorted.sort(java.util.Comparator.comparingDouble(CollectBench.Result::wallSeconds));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String ratios(List<CollectBench.Result> rs) {
        List<String> out = new ArrayList<>();
        for (CollectBench.Result r : rs) out.add(String.format(Locale.ROOT, "%.2fx", r.ratio()));
        return String.join(", ", out);
    }

    // ---------------------------------------------------------------- helpers

    static Sample median(List<Sample> xs) {
        return new Sample(median(xs.stream().mapToDouble(Sample::wall).toArray()), median(xs.stream().mapToDouble(Sample::cpu).toArray()),
                (long) median(xs.stream().mapToDouble(Sample::rssMb).toArray()), xs.get(0).exit());
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static int countEvaluations(Path report) {
        try {
            var tree = io.failready.util.Json.MAPPER.readTree(report.toFile());
            int n = 0;
            for (var w : tree.path("workloads")) n += w.path("evaluations").size();
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The command as run, with every option that changes what is measured or how it is judged. */
    String commandLine() {
        StringBuilder c = new StringBuilder("failready bench run").append(quick ? " --quick" : "");
        if (runs != (quick ? 3 : 5)) c.append(" --runs ").append(runs);
        if (maxOtherShare != DEFAULT_MAX_OTHER_SHARE) c.append(" --max-other-cpu ").append(fmt(maxOtherShare * 100));
        if (maxDiscards != DEFAULT_MAX_DISCARDS) c.append(" --max-discards ").append(maxDiscards);
        if (!freshClone) c.append(" --no-fresh-clone");
        if (lockFile != null) c.append(" --lock ").append(lockFile);
        for (Path d : extraRules) c.append(" --rules ").append(d);
        return c.append(" --out ").append(results).toString();
    }

    private static String abbreviate(String s) {
        String t = s.strip().replace("|", "\\|");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }

    static String fmt(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }

    private static String mb(long mb) { return mb >= 1024 && mb % 1024 == 0 ? mb / 1024 + " GB" : mb + " MB"; }

    /**
     * CPU time from Linux's /proc: the machine's non-idle time (user, nice, system, irq, softirq,
     * steal: a neighbour VM's steal disturbs a run as much as a local process) and this process's
     * own plus that of the children it has waited for (the measured runs and /usr/bin/time).
     */
    static CpuProbe procProbe() {
        final double HZ = 100.0;  // USER_HZ: the unit of both files on every Linux architecture we run on
        return new CpuProbe() {
            @Override public double machineBusy() {
                try {
                    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                    long busy = 0;
                    for (int i : new int[]{1, 2, 3, 6, 7, 8}) busy += Long.parseLong(f[i]);
                    return busy / HZ;
                } catch (IOException | RuntimeException e) {
                    return Double.NaN;
                }
            }

            @Override public double own() {
                try {
                    String s = Files.readString(Path.of("/proc/self/stat"));
                    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                    return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) / HZ;
                } catch (IOException | RuntimeException e) {
                    return Double.NaN;
                }
            }

            @Override public boolean available() { return !Double.isNaN(machineBusy()) && !Double.isNaN(own()); }
        };
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB";
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        AtomicFiles.deleteRecursively(dir);
    }
}

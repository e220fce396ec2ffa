package io.failready.tooling.bench;

import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleSources;
import io.failready.util.AtomicFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark harness behind {@code failready bench run}: generates the estates, runs every
 * stage as a fresh process through the launcher (so JVM start, flags and class-data sharing are
 * what a user gets), takes medians of wall time, CPU time and peak RSS (from
 * {@code /usr/bin/time}), and writes a Markdown results file with each target, pass/fail, the
 * machine and the exact commands. Never a timed unit test: numbers depend on the machine.
 */
public final class BenchRunner {
    /** One measured stage: what it runs and the target it is judged against. */
    record Stage(String name, String target, double maxSeconds, Long maxRssMb, List<String> args, int runs, Map<String, String> env) {}

    /** One process run: wall and CPU seconds, peak RSS in MB (-1 when unknown), exit code. */
    record Sample(double wall, double cpu, long rssMb, int exit) {}

    /** A stage that could not run to the end: its exit code and the last line it printed. */
    record Failure(int exit, String lastLine) {}

    private final boolean quick;
    private final int runs;
    private final Path work;
    private final Path results;
    private final Path jar;
    private final List<Path> extraRules;
    private final PrintWriter out;
    private final List<String> launcher;
    private final boolean haveTime = Files.isExecutable(Path.of("/usr/bin/time"));

    public BenchRunner(boolean quick, int runs, Path work, Path results, Path jar, List<Path> extraRules, PrintWriter out) {
        this.quick = quick;
        this.runs = Math.max(1, runs);
        this.work = work.toAbsolutePath();
        this.results = results;
        this.jar = jar != null ? jar.toAbsolutePath() : runningJar();
        this.extraRules = extraRules.stream().map(Path::toAbsolutePath).toList();
        this.out = out;
        this.launcher = launcherCommand(this.jar);
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

    /**
     * The repository's launcher when the jar sits in its build directory (ROOT/scanner/target),
     * so measured runs use the same JVM flags and archive as users; otherwise plain java -jar.
     */
    public static List<String> launcherCommand(Path jar) {
        Path root = jar.getParent() == null || jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
        if (root != null && Files.isExecutable(root.resolve("failready"))) return List.of(root.resolve("failready").toString());
        return List.of("java", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
    }

    public int run() throws Exception {
        Files.createDirectories(work);
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        int catalogSize = RuleCatalog.read(RuleSources.bundledPlus(extraRules)).rules().size();
        List<Path> ruleDirs = new ArrayList<>(extraRules);
        String rulesNote;
        if (catalogSize < 30) {
            Path pack = work.resolve("synthetic-rules");
            deleteTree(pack);
            SyntheticRules.write(pack);
            ruleDirs.add(pack);
            rulesNote = "The bundled catalog has " + catalogSize + " rule(s) in this build, so every evaluation also loads the synthetic "
                    + SyntheticRules.COUNT + "-rule pack (`bench generate --rules-out`, catalog-shaped: RegionPair x Resource x GapIndex x "
                    + "Counterparts, no resource-to-resource joins), giving about one evaluation per resource. Provisional: re-run after "
                    + "the full catalog is merged (the pack is then dropped automatically).";
        } else {
            rulesNote = "Rules: the bundled catalog (" + catalogSize + " rules)" + (extraRules.isEmpty() ? "" : " plus " + extraRules) + ".";
        }
        List<String> rulesArgs = new ArrayList<>();
        for (Path d : ruleDirs) { rulesArgs.add("--rules"); rulesArgs.add(d.toString()); }

        Map<String, int[]> estates = new LinkedHashMap<>();
        estates.put("10k", new int[]{10, 1000});
        estates.put("100k", new int[]{100, 1000});
        if (!quick) estates.put("1M", new int[]{1000, 1000});
        for (var e : estates.entrySet()) generate(e.getKey(), e.getValue()[0], e.getValue()[1]);

        List<Stage> stages = new ArrayList<>();
        stages.add(evalStage("10k", 3.0, null, rulesArgs, runs));
        stages.add(evalStage("100k", 8.0, 1024L, rulesArgs, runs));
        if (!quick) stages.add(evalStage("1M", 60.0, 6144L, rulesArgs, Math.min(runs, 3)));
        // The bundled catalog is precompiled; a user rule directory is compiled at every load, so its cost shows here.
        Path userRules = work.resolve("user-rules");
        SyntheticRules.write(userRules, 1);
        List<String> userArgs = new ArrayList<>(evalArgs("10k", rulesArgs));
        userArgs.addAll(List.of("--rules", userRules.toString()));
        // its own report: the gate stages read out-10k, whose rules must be the catalog's
        userArgs.set(userArgs.indexOf("--out") + 1, work.resolve("out-10k-user-rules").toString());
        stages.add(new Stage("evaluate 10k + a one-rule user directory (compiled at load)", "(info)", 0, null, userArgs, runs, Map.of()));
        Path report100k = work.resolve("out-100k/report.json");
        stages.add(new Stage("gate --report (10k-resource report)", "<= 0.5 s", 0.5, null,
                List.of("gate", "--report", work.resolve("out-10k/report.json").toString()), runs, Map.of()));
        stages.add(new Stage("gate --report (100k-resource report)", "(info)", 0, null,
                List.of("gate", "--report", report100k.toString()), runs, Map.of()));
        stages.add(new Stage("rules list", "<= 1.5 s", 1.5, null, List.of("rules", "list"), runs, Map.of()));
        stages.add(new Stage("render HTML + JSON (100k-resource report)", "<= 5 s", 5.0, null,
                List.of("bench", "render", "--report", report100k.toString(), "--out", work.resolve("render").toString()), runs, Map.of()));

        Map<Stage, List<Sample>> measured = new LinkedHashMap<>();
        Map<Stage, Failure> failed = new LinkedHashMap<>();
        for (Stage s : stages) {
            out.println("bench: " + s.name() + " ...");
            out.flush();
            // A stage that fails (the 1M estate running out of memory, say) is a result to publish,
            // not a reason to lose every other measurement of the run.
            Failure f = failure(exec(s)); // warm-up: fills the page cache; not counted
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; f == null && i < s.runs(); i++) {
                Sample x = exec(s);
                f = failure(x);
                if (f == null) samples.add(x);
            }
            if (f != null) {
                failed.put(s, f);
                out.println("bench:   FAILED: exit " + f.exit() + ": " + f.lastLine());
                continue;
            }
            measured.put(s, samples);
            Sample m = median(samples);
            out.printf(Locale.ROOT, "bench:   median %.2f s wall, %.2f s CPU, %s%n", m.wall(), m.cpu(), m.rssMb() < 0 ? "RSS n/a" : m.rssMb() + " MB");
        }
        List<CollectBench.Result> collections = new ArrayList<>();
        String collectionNote;
        if (CollectBench.available()) {
            out.println("bench: collection against the AWS stub ...");
            out.flush();
            // 50 accounts (~8,000 calls, ~55 s each) under AWS's request rates: three runs, the median
            for (int i = 0; i < 3; i++) collections.add(CollectBench.run(launcher, 50, 50, 8, work.resolve("collect"), out));
            CollectBench.Result med = medianCollection(collections);
            collectionNote = "Collection (median of " + collections.size() + " runs, ratios " + ratios(collections) + "): " + med.describe()
                    + ". Calls per resource by service: " + med.describePerService() + ". Busiest operations: " + med.topOperations() + ".";
        } else {
            collectionNote = "Collection: NOT RUN - the collectors (`io.failready.collect.Collection`, `failready collect`) are not in this "
                    + "build. The harness side is ready: `failready bench collect` runs `failready collect` against `AwsStub` (SigV4-scope "
                    + "routing, STS AssumeRole, 50 ms per call) and this row fills in by itself once they are merged.";
        }
        CollectBench.Result collection = collections.isEmpty() ? null : medianCollection(collections);
        int evaluations = countEvaluations(report100k);
        String loadAfter = loadAverage();
        String md = markdown(measured, failed, started, loadBefore, loadAfter, rulesNote, evaluations, estates, collection, collectionNote);
        // the results file is committed: name the launcher and scratch directory relative to the
        // directory the run started in (the repository root), not by this machine's absolute paths
        md = md.replace(Path.of("").toAbsolutePath() + "/", "./");
        AtomicFiles.writeString(results, withNotes(md, Files.exists(results) ? Files.readString(results) : null));
        out.println("wrote " + results);
        return 0;
    }

    private List<String> evalArgs(String size, List<String> rulesArgs) {
        List<String> a = new ArrayList<>(List.of("evaluate", "--snapshot", work.resolve("estate-" + size + ".json.gz").toString(),
                "--config", work.resolve("estate-" + size + ".yaml").toString(), "--out", work.resolve("out-" + size).toString(),
                "--format", "json"));
        a.addAll(rulesArgs);
        return a;
    }

    private Stage evalStage(String size, double maxSeconds, Long maxRss, List<String> rulesArgs, int n) {
        String target = "<= " + fmt(maxSeconds) + " s" + (maxRss == null ? "" : ", RSS <= " + (maxRss >= 1024 ? maxRss / 1024 + " GB" : maxRss + " MB"));
        return new Stage("evaluate " + size + " resources", target, maxSeconds, maxRss, evalArgs(size, rulesArgs), n, Map.of());
    }

    private void generate(String size, int accounts, int perAccount) throws IOException {
        Path snap = work.resolve("estate-" + size + ".json.gz");
        Path cfg = work.resolve("estate-" + size + ".yaml");
        // reuse an estate generated by this very jar (generation of 1M resources takes a while)
        if (Files.exists(snap) && Files.exists(cfg) && Files.getLastModifiedTime(snap).compareTo(Files.getLastModifiedTime(jar)) > 0) return;
        out.printf("bench: generating %s (%d accounts x %d resources)...%n", size, accounts, perAccount);
        out.flush();
        EstateGenerator g = new EstateGenerator(accounts, perAccount, 1);
        g.write(snap);
        AtomicFiles.writeString(cfg, g.config());
    }

    /** Runs one stage once as a separate process under /usr/bin/time; output goes to a log file. */
    private Sample exec(Stage s) throws IOException, InterruptedException {
        Path timeFile = work.resolve("time.txt");
        Path log = work.resolve("last-run.log");
        List<String> cmd = new ArrayList<>();
        if (haveTime) cmd.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%e %U %S %M"));
        cmd.addAll(launcher);
        cmd.addAll(s.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(s.env());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(s.name() + " did not finish in 30 minutes");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int exit = p.exitValue();
        if (!haveTime || failure(new Sample(wall, -1, -1, exit)) != null) return new Sample(wall, -1, -1, exit);
        String[] f = Files.readString(timeFile).trim().split("\\s+");
        // /usr/bin/time prints "Command exited with non-zero status N" first for exits != 0
        int n = f.length;
        return new Sample(Double.parseDouble(f[n - 4]), Double.parseDouble(f[n - 3]) + Double.parseDouble(f[n - 2]),
                Long.parseLong(f[n - 1]) / 1024, exit);
    }

    /** evaluate and gate exit 3 (NOT_READY) or 4 (UNKNOWN) by design on the planted problems; anything else failed. */
    private Failure failure(Sample x) {
        if (x.exit() == 0 || x.exit() == 3 || x.exit() == 4) return null;
        String[] lines = tail(work.resolve("last-run.log")).split("\n");
        String last = "";
        for (String l : lines) if (!l.isBlank() && !l.startsWith("\tat ")) last = l.trim();
        return new Failure(x.exit(), last.length() > 200 ? last.substring(0, 200) + "..." : last);
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

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

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

    private String markdown(Map<Stage, List<Sample>> measured, Map<Stage, Failure> failed, Instant started, String loadBefore, String loadAfter,
                            String rulesNote, int evaluations, Map<String, int[]> estates,
                            CollectBench.Result collection, String collectionNote) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# failready benchmark results\n\n");
        md.append("Generated by `").append(commandLine()).append("` on ").append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(quick ? " (`--quick`: no 1M estate)" : "").append(".\n");
        md.append("Medians of ").append(runs).append(" runs per stage (1M: ").append(Math.min(runs, 3))
                .append("), each a fresh process through the launcher after one untimed warm-up run. Wall and CPU (user + system) ")
                .append("seconds and peak RSS come from `/usr/bin/time`.\n\n");
        md.append("| stage | target | median wall | min - max wall | median CPU | peak RSS | result |\n");
        md.append("|---|---|---:|---:|---:|---:|---|\n");
        Map<String, Double> wallBySize = new LinkedHashMap<>();
        for (var e : measured.entrySet()) {
            Stage s = e.getKey();
            Sample m = median(e.getValue());
            double min = e.getValue().stream().mapToDouble(Sample::wall).min().orElse(0);
            double max = e.getValue().stream().mapToDouble(Sample::wall).max().orElse(0);
            long rss = e.getValue().stream().mapToLong(Sample::rssMb).max().orElse(-1);
            String verdict;
            if (s.maxSeconds() <= 0) verdict = "info";
            else {
                boolean ok = m.wall() <= s.maxSeconds() && (s.maxRssMb() == null || (rss >= 0 && rss <= s.maxRssMb()));
                verdict = ok ? "PASS" : "FAIL";
            }
            if (s.name().startsWith("evaluate ") && s.name().endsWith(" resources")) wallBySize.put(s.name().split(" ")[1], m.wall());
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f s | %.2f - %.2f s | %.2f s | %s | %s |%n", s.name(), s.target(),
                    m.wall(), min, max, m.cpu(), rss < 0 ? "n/a" : rss + " MB", verdict));
        }
        for (var e : failed.entrySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | failed: exit %d (%s) | | | | FAIL |%n", e.getKey().name(), e.getKey().target(),
                    e.getValue().exit(), e.getValue().lastLine().replace("|", "\\|")));
        }
        Double w10 = wallBySize.get("10k"), w100 = wallBySize.get("100k");
        if (w10 != null && w100 != null) {
            double ratio = w100 / w10;
            md.append(String.format(Locale.ROOT, "| evaluate 100k / 10k wall-time ratio | <= 12x | %.1fx | | | | %s |%n", ratio, ratio <= 12 ? "PASS" : "FAIL"));
        }
        if (collection == null) {
            md.append("| collection vs throttling AWS stub (50 accounts, 50 ms per call) | <= 1.3x bound, 0 gaps | not run | | | | pending |\n\n");
        } else {
            md.append(String.format(Locale.ROOT, "| collection vs throttling AWS stub (50 accounts, 50 ms per call, concurrency 8) | <= 1.3x bound, 0 gaps, <= 3.5 calls/resource | %.2f s = %.2fx, %d gaps, %.2f calls/resource | bound %.2f s | | | %s |%n%n",
                    collection.wallSeconds(), collection.ratio(), collection.gaps(), collection.callsPerResource(), collection.boundSeconds(),
                    collection.ratio() <= CollectBench.Result.TARGET && collection.gaps() == 0 && collection.callsPerResource() <= 3.5 ? "PASS" : "FAIL"));
        }
        md.append(collectionNote).append("\n\n");
        md.append("Reports measured: the 100k-resource report holds ").append(evaluations).append(" evaluations.\n\n");
        md.append(rulesNote).append("\n\n");
        md.append("## Machine\n\n");
        md.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores available\n");
        md.append("- Memory: ").append(memTotal()).append('\n');
        md.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
        md.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n');
        md.append("- Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter).append('\n');
        md.append("- Launcher: `").append(String.join(" ", launcher)).append("`\n\n");
        md.append("When the load average exceeds the core count, other processes competed for the CPU and wall times are inflated; ")
                .append("the CPU column is then the better guide to what an idle machine would show.\n\n");
        md.append("## Reproduce\n\n```\n");
        md.append("mvn -q -B -o package -DskipTests\n");
        md.append("bench/run.sh").append(quick ? " --quick" : "").append("        # = ./failready bench run").append(quick ? " --quick" : "")
                .append(" --out ").append(results).append('\n');
        md.append("```\n\nEstates (deterministic, seed 1; the run generates them into ").append(work).append("):\n\n```\n");
        for (var e : estates.entrySet()) {
            md.append(String.format("./failready bench generate --accounts %d --resources-per-account %d --seed 1 --out estate-%s.json.gz --config-out estate-%s.yaml%n",
                    e.getValue()[0], e.getValue()[1], e.getKey(), e.getKey()));
        }
        md.append("```\n\nCommands measured (each prefixed by `/usr/bin/time -f '%e %U %S %M'`):\n\n```\n");
        md.append("failready bench collect --accounts 20 --latency-ms 50 --concurrency 8\n");
        List<Stage> all = new ArrayList<>(measured.keySet());
        all.addAll(failed.keySet());
        for (Stage s : all) {
            StringBuilder c = new StringBuilder();
            s.env().forEach((k, v) -> c.append(k).append('=').append(v).append(' '));
            c.append(String.join(" ", launcher)).append(' ').append(String.join(" ", s.args()));
            md.append(c.toString().replace(work.toString() + "/", "")).append('\n');
        }
        md.append("```\n");
        return md.toString();
    }

    private String commandLine() {
        return "failready bench run" + (quick ? " --quick" : "") + " --out " + results;
    }

    private static String fmt(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }

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
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

package io.failready.cli;

import io.failready.tooling.bench.BenchRunner;
import io.failready.tooling.bench.EstateGenerator;
import io.failready.model.Report;
import io.failready.report.ReportFormat;
import io.failready.report.ReportReader;
import io.failready.report.ReportWriters;
import io.failready.util.AtomicFiles;
import io.failready.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

@Command(name = "bench", header = "Performance tooling: synthetic estates and the benchmark harness.",
        description = {"'bench generate' writes a deterministic synthetic snapshot and matching configuration;",
                "'bench run' measures every stage as separate processes and writes bench/results.md."},
        subcommands = {BenchCommand.Generate.class, BenchCommand.Run.class, BenchCommand.Collect.class, BenchCommand.Render.class,
                BenchCommand.CdsTraining.class})
public final class BenchCommand extends AbstractCommand {
    @Override protected int doExecute() {
        spec.commandLine().usage(out());
        return ExitCodes.OK;
    }

    @Command(name = "generate", header = "Write a synthetic estate: snapshot plus matching workload configuration.",
            description = {"Same seed, same sizes -> byte-identical files. Primary us-east-1, recovery eu-west-1; about 80%% of",
                    "replicated units healthy and 20%% with one planted problem, plus a few collection gaps."})
    public static final class Generate extends AbstractCommand {
        @Option(names = "--accounts", paramLabel = "N", required = true, description = "Number of accounts.")
        int accounts;
        @Option(names = "--resources-per-account", paramLabel = "M", required = true,
                description = "Resources per account (at least " + EstateGenerator.MIN_PER_ACCOUNT + ").")
        int perAccount;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Snapshot file (.json or .json.gz).")
        Path out;
        @Option(names = "--config-out", paramLabel = "FILE", description = "Also write the matching workload configuration (YAML).")
        Path configOut;
        @Option(names = "--rules-out", paramLabel = "DIR", description = {"Also write a synthetic rule pack (catalog-shaped rules, for",
                "benchmarking before the full catalog is present); pass it to evaluate with --rules DIR."})
        Path rulesOut;
        @picocli.CommandLine.Mixin io.failready.shard.ShardOptions shard;

        @Override protected int doExecute() throws Exception {
            EstateGenerator gen;
            try {
                gen = new EstateGenerator(accounts, perAccount, seed);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage() + ".");
            }
            gen.shard(shard.shard());
            long n = gen.write(out);
            out().printf("wrote %s (%d accounts, %d resources)%n", out, accounts, n);
            if (configOut != null) {
                AtomicFiles.writeString(configOut, gen.config());
                out().println("wrote " + configOut);
            }
            if (rulesOut != null) out().printf("wrote %s (%d synthetic rules)%n", rulesOut, io.failready.tooling.bench.SyntheticRules.write(rulesOut));
            return ExitCodes.OK;
        }
    }

    @Command(name = "run", header = "Run the benchmark: every #19 target measured as separate processes, medians, PASS/FAIL -> results file.",
            description = {"Generates (or reuses from --work) the 10k, 100k and 1M-resource estates and measures, each as fresh processes",
                    "through the launcher: evaluate 10k / 100k / 1M, growth 100k -> 1M, gate on a saved report, HTML+JSON rendering,",
                    "the first 'scan --demo' on a fresh git clone of HEAD and later demo runs, collection against a latency-injecting",
                    "AWS stub, and informational rows. Writes a Markdown table of targets, medians, peak RSS, load average and",
                    "PASS/FAIL, the phase breakdown of every FAIL row and the commands to reproduce; the part of an existing results",
                    "file from its hand-written-notes line on is kept. A timed run during which other processes used more than",
                    "--max-other-cpu of one core is discarded and retried; a stage disturbed more than --max-discards times is",
                    "published as 'busy: not measured'. A full run takes about 10-12 minutes on an idle 2-core machine."})
    public static final class Run extends AbstractCommand {
        @Option(names = "--quick", description = "A fast subset: no 1M estate, no fresh clone (later demo runs in this tree), 3 runs per stage, 1 collection.")
        boolean quick;
        @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench/results.md", description = "Results file (default: ${DEFAULT-VALUE}).")
        Path results;
        @Option(names = "--work", paramLabel = "DIR", defaultValue = "bench/work", description = "Scratch directory for estates and reports (default: ${DEFAULT-VALUE}).")
        Path work;
        @Option(names = "--runs", paramLabel = "N", description = "Timed runs per short stage (default: 5, or 3 with --quick; 100k, 1M, render: at most 3).")
        Integer runs;
        @Option(names = "--jar", paramLabel = "FILE", description = "The shaded jar to measure (default: the one running this command).")
        Path jar;
        @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directory passed to every evaluation (repeatable).")
        List<Path> ruleDirs = new java.util.ArrayList<>();
        @Option(names = "--max-other-cpu", paramLabel = "PERCENT", defaultValue = "10",
                description = "Discard a timed run when other processes used more than this share of one core during it (default: ${DEFAULT-VALUE}).")
        double maxOtherCpu;
        @Option(names = "--max-discards", paramLabel = "N", defaultValue = "4",
                description = "Discarded runs after which a stage is published as 'busy: not measured' (default: ${DEFAULT-VALUE}).")
        int maxDiscards;
        @Option(names = "--lock", paramLabel = "FILE", description = {"Hold an flock(1) lock on FILE during each stage, so that benchmarks",
                "from several checkouts on one machine take turns stage by stage."})
        Path lock;
        @Option(names = "--no-fresh-clone", description = "Skip the first-run-on-a-fresh-clone stage (its row says NOT RUN).")
        boolean noFreshClone;

        @Override protected int doExecute() throws Exception {
            if (runs != null && runs < 1) throw new InputException("--runs must be at least 1, not " + runs + ".");
            int cores = Runtime.getRuntime().availableProcessors();
            if (!(maxOtherCpu > 0 && maxOtherCpu <= 100.0 * cores)) {
                throw new InputException("--max-other-cpu is a percentage of one core, above 0 and at most " + 100 * cores + " on this " + cores
                        + "-core machine, not " + maxOtherCpu + ".");
            }
            if (maxDiscards < 0) throw new InputException("--max-discards must be 0 or more, not " + maxDiscards + ".");
            BenchRunner runner = new BenchRunner(quick, runs == null ? (quick ? 3 : 5) : runs, work, results, jar, ruleDirs, out(),
                    maxOtherCpu / 100, maxDiscards, !noFreshClone).lockEachStage(lock);
            return runner.run();
        }
    }

    @Command(name = "collect", header = "Benchmark collection: 'failready collect' against a local AWS stub that throttles like AWS.",
            description = {"The stub adds a fixed latency to every call and throttles with token buckets per account, region and API at",
                    "AWS's documented default rates (times --throttle-scale). Reports API calls per resource (overall and per service),",
                    "throttled attempts, gaps, and the wall time against the bound max(calls x latency / concurrency, the slowest",
                    "bucket's (calls - burst) / rate, the longest task) (target <= 1.3x, no gaps). Then simulates an organization",
                    "of --simulate-accounts accounts with the call profile just observed, at --simulate-shards x --concurrency.",
                    "Needs the collectors (failready collect); in a build without them it exits 2 saying so."},
            exitCodeList = {"0:Collection met its target", ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE,
                    "3:Collection took more than 1.3x its bound, or left gaps"})
    public static final class Collect extends AbstractCommand {
        @Option(names = "--accounts", paramLabel = "N", defaultValue = "50", description = "Accounts (default: ${DEFAULT-VALUE}).")
        int accounts;
        @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "50", description = "Latency added to every call (default: ${DEFAULT-VALUE}).")
        long latencyMs;
        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "collect --concurrency (default: ${DEFAULT-VALUE}).")
        int concurrency;
        @Option(names = "--throttle-scale", paramLabel = "F", defaultValue = "1",
                description = "Multiplies every documented request rate and burst; below 1 makes a small estate meet throttling (default: ${DEFAULT-VALUE}).")
        double throttleScale;
        @Option(names = "--simulate-accounts", paramLabel = "N", defaultValue = "1000", description = "Accounts of the simulated organization (default: ${DEFAULT-VALUE}).")
        int simulateAccounts;
        @Option(names = "--simulate-shards", paramLabel = "N", defaultValue = "4", description = "Shards (collect --shard) of the simulated organization (default: ${DEFAULT-VALUE}).")
        int simulateShards;
        @Option(names = "--work", paramLabel = "DIR", defaultValue = "bench/work/collect", description = "Scratch directory (default: ${DEFAULT-VALUE}).")
        Path work;

        @Override protected int doExecute() throws Exception {
            if (accounts < 1 || concurrency < 1 || latencyMs < 0 || simulateAccounts < 1 || simulateShards < 1) {
                throw new InputException("--accounts, --concurrency, --simulate-accounts and --simulate-shards must be positive, --latency-ms not negative.");
            }
            if (!(throttleScale > 0) || Double.isInfinite(throttleScale)) throw new InputException("--throttle-scale must be a positive number, not " + throttleScale + ".");
            if (!io.failready.tooling.bench.CollectBench.available() || !FailReady.SUBCOMMANDS.containsKey("collect")) {
                throw new InputException("the collection benchmark needs the collectors ('failready collect', io.failready.collect.Collection), "
                        + "which are not in this build.");
            }
            var r = io.failready.tooling.bench.CollectBench.run(BenchRunner.launcherCommand(BenchRunner.runningJarPath()), accounts, latencyMs,
                    concurrency, throttleScale, work, null);
            out().println(r.describe());
            out().println("calls per resource by service: " + r.describePerService());
            out().println("calls by operation (top 8): " + r.topOperations());
            var profile = io.failready.tooling.bench.CollectSimulation.Profile.parse(java.nio.file.Files.readString(work.resolve("collect-profile.txt")));
            out().println("simulated organization: " + io.failready.tooling.bench.CollectSimulation.simulate(profile, simulateAccounts, simulateShards,
                    concurrency, latencyMs / 1000.0, throttleScale).describe());
            return r.ratio() <= io.failready.tooling.bench.CollectBench.Result.TARGET && r.gaps() == 0 ? ExitCodes.OK : ExitCodes.NOT_READY;
        }
    }

    @Command(name = "render", hidden = true, header = "Re-render a saved JSON report as HTML and JSON (the report-rendering benchmark stage).")
    public static final class Render extends AbstractCommand {
        @Option(names = "--report", paramLabel = "REPORT.json", required = true) Path report;
        @Option(names = "--out", paramLabel = "DIR", required = true) Path outDir;

        @Override protected int doExecute() throws Exception {
            Report r = ReportReader.read(report);
            for (Path p : ReportWriters.write(r, null, outDir, Set.of(ReportFormat.JSON, ReportFormat.HTML), id -> "")) out().println("wrote " + p);
            return ExitCodes.OK;
        }
    }

    /**
     * The launcher's class-data-sharing training run (see ./failready): the archive holds the classes
     * one JVM loaded, so this runs the commands people wait for — a demo scan with every report
     * format, the gate on its report, the rule list — in one process. A scan alone left the gate's
     * classes out of the archive, and the gate is what the runbook and every pipeline call.
     */
    @Command(name = "cds-training", hidden = true, header = "Run the commands whose classes the launcher's AppCDS archive should hold.")
    public static final class CdsTraining extends AbstractCommand {
        @Option(names = "--out", paramLabel = "DIR", required = true) Path outDir;

        /**
         * Which commands to train: {@code quick} (the gate on the report an earlier training left
         * in --out, and the rule list), {@code evaluate} (a demo scan in every format, then the quick
         * ones) or {@code collect} (one account collected from the in-process stub). One archive
         * per kind: an archive holding every class of a scan and a collection (~180 MB) made
         * {@code gate --report} a third slower, and a 10k evaluation 0.2 s slower, than archives of
         * their own classes.
         */
        @Option(names = "--profile", paramLabel = "KIND", defaultValue = "evaluate") String profile;

        @Override protected int doExecute() {
            java.io.PrintWriter quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
            String report = outDir.resolve("report.json").toString();
            String[][] quick = {
                    {"gate", "--report", report},
                    {"gate", "--report", report, "--to", "eu-west-1"},
                    {"rules", "list"},
            };
            switch (profile) {
                case "quick" -> { for (String[] args : quick) FailReady.run(quiet, quiet, args); }
                case "evaluate" -> {
                    String[] scan = {"scan", "--demo", "--out", outDir.toString(), "--format", "all"};
                    io.failready.evaluate.EnginePrefetch.start(scan); // as main does: its classes belong in the archive
                    FailReady.run(quiet, quiet, scan);
                    for (String[] args : quick) FailReady.run(quiet, quiet, args);
                }
                case "collect" -> collectAgainstStub();
                default -> throw new InputException("--profile must be quick, evaluate or collect, not '" + profile + "'.");
            }
            return ExitCodes.OK;
        }

        /**
         * A collection of one account against the in-process AWS stub: the SDK's clients, protocols
         * and HTTP stack are thousands of classes, and loading them from the jar was most of the
         * fixed cost of every collect. Fake credentials, the stub's endpoint and an empty
         * environment, so training never reaches AWS whatever the shell has configured.
         */
        private void collectAgainstStub() {
            if (!io.failready.tooling.bench.CollectBench.available()) return;
            try (io.failready.tooling.AwsStub stub = new io.failready.tooling.AwsStub(0, 1)) {
                var req = new io.failready.collect.CollectRequest(List.of(EstateGenerator.accountId(0)), "failready-audit", null,
                        false, null, List.of(EstateGenerator.PRIMARY, EstateGenerator.RECOVERY), stub.endpoint(), 8, null,
                        java.time.Duration.ofMinutes(2), false, null);
                var creds = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIATRAININGNOTREAL00", "training-not-real"));
                var snapshot = io.failready.collect.Collection.run(req, io.failready.collect.Collection.Options.defaults(io.failready.collect.aws.CollectorRegistry.all())
                        .withBaseCredentials(creds).withEnv(java.util.Map.of()));
                io.failready.snapshot.SnapshotIO.write(snapshot, outDir.resolve("collected.json.gz"));
            } catch (java.io.IOException | RuntimeException e) {
                // training is best effort: an archive without the collectors' classes is only slower
            }
        }
    }
}

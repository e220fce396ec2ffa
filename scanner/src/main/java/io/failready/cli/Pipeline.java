package io.failready.cli;

import io.failready.config.ConfigLoader;
import io.failready.config.FailreadyConfig;
import io.failready.evaluate.RuleEngine;
import io.failready.evaluate.WorkloadResult;
import io.failready.model.Report;
import io.failready.report.ReportBuilder;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleMetadata;
import io.failready.rules.RuleSources;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.Hashing;
import io.failready.util.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The stages glued together for the commands: config -> (snapshot) -> evaluate -> report. */
public final class Pipeline {
    private Pipeline() {}

    public static RuleEngine engine(List<Path> userRules, FailreadyConfig cfg) {
        List<Path> dirs = new ArrayList<>(userRules);
        if (cfg != null && cfg.source != null) {
            Path base = Path.of(cfg.source).toAbsolutePath().getParent();
            for (String d : cfg.ruleDirectories) dirs.add(base.resolve(d));
        }
        return RuleEngine.load(dirs);
    }

    /** A configuration and the engine holding its rules. */
    public record Loaded(FailreadyConfig config, RuleEngine engine) {}

    /**
     * Reads the config twice: once to learn its own rule directories, then, with the engine built,
     * again to check every rule id it names (waivers, parameters) against the full catalog.
     */
    public static Loaded load(Path configFile, List<Path> userRules) {
        FailreadyConfig first = ConfigLoader.load(configFile, null);
        RuleEngine engine = engine(userRules, first);
        return new Loaded(config(configFile, engine.catalog()), engine);
    }

    /** A snapshot and the configuration with its rule engine, read side by side. */
    public record Inputs(Snapshot snapshot, Loaded loaded) {}

    /**
     * Reads the snapshot on this thread while the configuration is read and the rules compiled (or
     * loaded from the cache) on another: the two are independent and each takes seconds on a large
     * estate, so on two cores the slower one sets the time instead of their sum. Errors come out as
     * they would one after the other: a bad snapshot first, then a bad configuration or rule file.
     */
    public static Inputs loadWithSnapshot(Path configFile, List<Path> userRules, Path snapshotFile) {
        CompletableFuture<Loaded> rules = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                rules.complete(load(configFile, userRules));
            } catch (Throwable e) {
                rules.completeExceptionally(e);
            }
        }, "failready-rules-loader");
        t.setDaemon(true);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        t.start();
        Snapshot snapshot = SnapshotIO.read(snapshotFile);
        try {
            return new Inputs(snapshot, rules.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Reads the config, checking rule ids against the bundled catalog plus the given rule directories. */
    public static FailreadyConfig config(Path file, RuleCatalog catalog) {
        return ConfigLoader.load(file, catalog == null ? null : catalog.rules().keySet());
    }

    public static Report evaluate(RuleEngine engine, Snapshot snapshot, FailreadyConfig cfg, RuleEngine.Options opts,
                                  Report.Source snapshotSource, Report.Source configSource, Instant generatedAt) {
        return evaluate(engine, snapshot, cfg, opts, List.of(opts.direction()), snapshotSource, configSource, generatedAt, null);
    }

    public static Report evaluate(RuleEngine engine, Snapshot snapshot, FailreadyConfig cfg, RuleEngine.Options opts,
                                  List<io.failready.model.Direction> directions,
                                  Report.Source snapshotSource, Report.Source configSource, Instant generatedAt) {
        return evaluate(engine, snapshot, cfg, opts, directions, snapshotSource, configSource, generatedAt, null);
    }

    /**
     * One report entry per workload and direction (failover, failback or both). With {@code incident}
     * (the incident pre-check), {@code snapshot} is the live one: the baseline's stand-ins are evaluated
     * in its place, and the evaluations that used them are marked before anything is scored.
     */
    public static Report evaluate(RuleEngine engine, Snapshot snapshot, FailreadyConfig cfg, RuleEngine.Options opts,
                                  List<io.failready.model.Direction> directions,
                                  Report.Source snapshotSource, Report.Source configSource, Instant generatedAt,
                                  io.failready.gate.incident.Incident incident) {
        if (incident != null) snapshot = incident.snapshot();
        List<WorkloadResult> results = engine.evaluate(snapshot, cfg, opts, directions);
        if (incident != null) results = incident.mark(results, engine.catalog());
        Map<String, String> window = new TreeMap<>();
        if (snapshot.getCollectionWindow() != null) {
            if (snapshot.getCollectionWindow().startedAt() != null) window.put("startedAt", snapshot.getCollectionWindow().startedAt());
            if (snapshot.getCollectionWindow().finishedAt() != null) window.put("finishedAt", snapshot.getCollectionWindow().finishedAt());
        }
        Report.Sources sources = new Report.Sources(snapshotSource, configSource,
                new Report.Source(null, engine.catalog().ruleSet().sha256(), null), window, incident == null ? null : incident.source());
        return ReportBuilder.build(results, snapshot, engine.catalog(), wellArchitected(engine.catalog()), sources,
                VersionProvider.version(), generatedAt, opts.asOf(), disabled(cfg));
    }

    /** The configuration's disabledRules, each with where it was declared, for every output to show. */
    static List<Report.DisabledRule> disabled(FailreadyConfig cfg) {
        List<Report.DisabledRule> out = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(cfg.disabledRules)) {
            out.add(new Report.DisabledRule(id, cfg.disabledRuleSources.getOrDefault(id, cfg.source)));
        }
        return out;
    }

    /** rules/mappings/well-architected-reliability.yaml, inverted to rule id -> control ids. */
    public static Map<String, List<String>> wellArchitected(RuleCatalog catalog) {
        var wa = io.failready.rules.Frameworks.bundled().get(io.failready.rules.Frameworks.WELL_ARCHITECTED);
        return wa == null ? new TreeMap<>() : wa.controlsByRule();
    }

    /** The rule's Markdown documentation, or a one-line fallback. */
    public static String ruleDoc(RuleCatalog catalog, String id) {
        RuleMetadata m = catalog.get(id);
        if (m == null) return "";
        try {
            return Files.readString(m.docFile());
        } catch (IOException e) {
            return "# " + id + "\n\n" + m.title() + "\n";
        }
    }

    /**
     * The bundled demo configuration as a report records it: under its name in the repository, with
     * its SHA-256 so that {@code verify --demo} can tie a demo report to it like any other.
     */
    public static Report.Source demoConfigSource() {
        Report.Source s = source(io.failready.demo.DemoEstate.config(), null);
        return new Report.Source("demo/payments.yaml", s.sha256(), null);
    }

    public static Report.Source source(Path file, String collectedAt) {
        if (file == null) return null;
        try {
            return new Report.Source(file.toString(), Hashing.sha256(file), collectedAt);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}

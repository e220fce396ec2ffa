package io.failready.evaluate;

import io.failready.rules.api.EvaluationSink;

import io.failready.model.Evaluation;
import io.failready.model.Direction;
import io.failready.rules.FailbackMode;

import io.failready.model.Severity;

import io.failready.model.ComplianceType;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.config.FailreadyConfig;
import io.failready.config.Waiver;
import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.Counterpart;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.facts.RuleParameters;
import io.failready.facts.WorkloadAccount;
import io.failready.facts.WorkloadRegion;
import io.failready.rules.RuleBaseLoader;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleMetadata;
import io.failready.rules.RuleSet;
import io.failready.rules.RuleSources;
import io.failready.snapshot.Snapshot;
import io.failready.util.Globs;
import io.failready.util.InputException;
import io.failready.util.Json;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The evaluate stage: facts in, evaluations out. One KieSession per workload; counterparts,
 * parameters and scope are computed here so the DRL only judges.
 */
public final class RuleEngine {
    private final RuleCatalog catalog;
    /* built on first use when the engine runs partitions: only a fallback, a test or a diagnosis needs it */
    private final java.util.function.Supplier<KieBase> kieBase;
    private final java.util.function.Supplier<List<KieBase>> partitions;
    private final Map<String, Map<String, Map<String, Object>>> profiles;
    /* false only in tests: the reference run that hands every session every fact */
    private final boolean routeFacts;

    /**
     * {@code direction}: which way to judge (failback swaps the region pair, see {@link #failbackPairs});
     * {@code fromRegion}: the recovery region a failback starts from (needed when there are several).
     */
    public record Options(Instant asOf, String toRegion, Predicate<String> ruleFilter, long maxFirings,
                          Duration timeout, long maxEvaluations, Direction direction, String fromRegion) {
        public static Options defaults(Instant asOf) {
            return new Options(asOf, null, id -> true, 50_000_000L, Duration.ofMinutes(10), 20_000_000L, Direction.PRIMARY_TO_RECOVERY, null);
        }
        public Options withRuleFilter(Predicate<String> f) { return new Options(asOf, toRegion, f, maxFirings, timeout, maxEvaluations, direction, fromRegion); }
        public Options withToRegion(String r) { return new Options(asOf, r, ruleFilter, maxFirings, timeout, maxEvaluations, direction, fromRegion); }
        public Options withBudget(long firings, Duration t) { return new Options(asOf, toRegion, ruleFilter, firings, t, maxEvaluations, direction, fromRegion); }
        public Options withDirection(Direction d, String from) { return new Options(asOf, toRegion, ruleFilter, maxFirings, timeout, maxEvaluations, d, from); }
    }

    /** How long past the time budget a rule that ignores Drools' halt (a loop inside one consequence) is waited for. */
    static final long ABANDON_GRACE_MILLIS = 2_000;

    /** One session per workload and direction, on one thread. */
    public RuleEngine(RuleCatalog catalog, KieBase kieBase) {
        this(catalog, () -> kieBase, () -> List.of(kieBase));
    }

    private RuleEngine(RuleCatalog catalog, java.util.function.Supplier<KieBase> kieBase, java.util.function.Supplier<List<KieBase>> partitions) {
        this.catalog = catalog;
        this.kieBase = memo(kieBase);
        this.partitions = memo(partitions);
        this.profiles = loadProfiles(catalog);
        this.routeFacts = true;
    }

    private RuleEngine(RuleEngine of, boolean routeFacts) {
        this.catalog = of.catalog;
        this.kieBase = of.kieBase;
        this.partitions = of.partitions;
        this.profiles = of.profiles;
        this.routeFacts = routeFacts;
    }

    /** The same engine handing each session every fact, not only those its rules can match ({@link FactRouting}). */
    RuleEngine insertingEveryFact() { return new RuleEngine(this, false); }

    /** The engine for the bundled catalog plus user directories, firing on {@link #evalThreads()} threads. */
    public static RuleEngine load(List<Path> userRuleDirs) {
        return load(userRuleDirs, evalThreads());
    }

    /**
     * {@code threads} sessions fire each workload side by side, each with a share of the rules
     * ({@link RuleBaseLoader#buildPartitions}); 1 keeps the single session. The rule bases are built
     * here, on the loading thread, while the snapshot is still being read.
     */
    public static RuleEngine load(List<Path> userRuleDirs, int threads) {
        RuleEngine early = EnginePrefetch.take(userRuleDirs, threads);
        if (early != null) return early;
        return create(userRuleDirs, threads);
    }

    static RuleEngine create(List<Path> userRuleDirs, int threads) {
        RuleSet set = RuleSources.bundledPlus(userRuleDirs);
        RuleCatalog catalog = RuleCatalog.read(set);
        if (threads <= 1) return new RuleEngine(catalog, RuleBaseLoader.build(set));
        List<KieBase> parts = RuleBaseLoader.buildPartitions(set, catalog.inferenceRules(), threads);
        return new RuleEngine(catalog, () -> RuleBaseLoader.build(set), () -> parts);
    }

    /**
     * How many rule sessions fire side by side: {@code FAILREADY_EVAL_THREADS} (or
     * {@code -Dfailready.evalThreads}), else one per available core. Firing is CPU-bound, so more
     * sessions than cores only add memory (each session holds its own fact handles).
     */
    public static int evalThreads() {
        String v = System.getProperty("failready.evalThreads", System.getenv("FAILREADY_EVAL_THREADS"));
        if (v == null || v.isBlank()) return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_EVAL_THREADS));
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= MAX_EVAL_THREADS) return n;
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new InputException("FAILREADY_EVAL_THREADS=" + v + " is not a number of rule threads from 1 to " + MAX_EVAL_THREADS
                + " (1 fires all rules in one session; unset, failready uses one per core).");
    }

    /** Beyond this, sessions share too few rules to gain and each adds the estate's fact handles. */
    static final int MAX_EVAL_THREADS = 16;

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> s) {
        return new java.util.function.Supplier<>() {
            private T value;
            @Override public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }

    public RuleCatalog catalog() { return catalog; }
    public KieBase kieBase() { return kieBase.get(); }
    /** The rule bases that fire side by side (one: the whole rule base). */
    List<KieBase> partitions() { return partitions.get(); }

    /** Region pairs to check: primary -> each recovery region, or every ordered pair when active-active. */
    public static List<RegionPair> pairs(Workload w, String toRegion) {
        List<RegionPair> out = new ArrayList<>();
        List<String> regions = w.allRegions();
        if (w.isActiveActive()) {
            for (String a : regions) for (String b : regions) if (!a.equals(b)) out.add(new RegionPair(w.name, a, b));
        } else {
            for (String r : w.recoveryRegions) out.add(new RegionPair(w.name, w.primaryRegion, r));
        }
        if (toRegion != null) out.removeIf(p -> !p.recovery().equals(toRegion));
        return out;
    }

    public List<WorkloadResult> evaluate(Snapshot snapshot, FailreadyConfig cfg, Options opts) {
        return evaluate(snapshot, cfg, opts, List.of(opts.direction()));
    }

    /** Each workload in each direction, workload by workload: one result (and report entry) per direction. */
    public List<WorkloadResult> evaluate(Snapshot snapshot, FailreadyConfig cfg, Options opts, List<Direction> directions) {
        List<WorkloadResult> results = new ArrayList<>();
        // refused before any rule fires: an ambiguous failback must not cost a whole failover evaluation first
        if (directions.contains(Direction.RECOVERY_TO_PRIMARY)) for (Workload w : cfg.workloads) failbackPair(w, opts.fromRegion());
        for (Workload w : cfg.workloads) {
            for (Direction d : directions) results.add(evaluate(snapshot, w, cfg, opts.withDirection(d, opts.fromRegion())));
        }
        return results;
    }

    /**
     * The failback pairs: the recovery region {@code from} (or the only one) as source, the primary as
     * target. Refuses when the workload has several recovery regions and {@code from} names none of
     * them: which region the load returns from decides what must be copied back.
     */
    public static RegionPair failbackPair(Workload w, String from) {
        List<String> sources = new ArrayList<>(w.allRegions());
        sources.remove(w.primaryRegion);
        if (from != null) {
            if (!sources.contains(from)) {
                throw new InputException("--from " + from + " is not a recovery region of workload " + w.name
                        + " (its recovery regions: " + String.join(", ", sources) + "; its primary is " + w.primaryRegion + ").");
            }
            return new RegionPair(w.name, from, w.primaryRegion);
        }
        if (sources.size() != 1) {
            throw new InputException("workload " + w.name + " has " + (sources.isEmpty() ? "no recovery region" : "several recovery regions ("
                    + String.join(", ", sources) + ")") + ": a failback check needs to know which one the load returns from."
                    + (sources.isEmpty() ? "" : " Pass --from REGION, e.g. --from " + sources.get(0) + "."));
        }
        return new RegionPair(w.name, sources.get(0), w.primaryRegion);
    }

    public WorkloadResult evaluate(Snapshot snapshot, Workload w, FailreadyConfig cfg, Options opts) {
        if (opts.toRegion() != null && !w.allRegions().contains(opts.toRegion())) {
            throw new InputException("--to " + opts.toRegion() + " is not a region of workload " + w.name
                    + " (its regions: " + String.join(", ", w.allRegions()) + ").");
        }
        if (opts.direction() == Direction.RECOVERY_TO_PRIMARY) return failback(snapshot, w, cfg, opts);
        return run(snapshot, w, cfg, opts, pairs(w, opts.toRegion()), id -> true, Direction.PRIMARY_TO_RECOVERY);
    }

    /**
     * Each rule judged as its {@code @failback} mode says: REVERSE and SAME rules over the swapped pair,
     * FORWARD rules over the declared one (the same DNS record or origin group brings the load back).
     * Two sessions rather than one with both pairs: a rule sees only the pair it is meant to judge,
     * and the fail-closed completion of unseen subjects works per pair as it does for a failover.
     */
    private WorkloadResult failback(Snapshot snapshot, Workload w, FailreadyConfig cfg, Options opts) {
        if (opts.toRegion() != null && !opts.toRegion().equals(w.primaryRegion)) {
            throw new InputException("--to " + opts.toRegion() + " with a failback check: a failback returns to the primary region of workload "
                    + w.name + " (" + w.primaryRegion + "); to check failing over to " + opts.toRegion() + ", use --direction primary-to-recovery.");
        }
        RegionPair back = failbackPair(w, opts.fromRegion());
        RegionPair declared = new RegionPair(w.name, back.recovery(), back.primary());
        Predicate<String> forward = id -> catalog.get(id).failbackMode() == FailbackMode.FORWARD;
        WorkloadResult swapped = run(snapshot, w, cfg, opts, List.of(back), forward.negate(), Direction.RECOVERY_TO_PRIMARY);
        boolean anyForward = catalog.rules().keySet().stream().anyMatch(forward);
        if (!anyForward || w.accounts.isEmpty()) return swapped;
        WorkloadResult unswapped = run(snapshot, w, cfg, opts, List.of(declared), forward, Direction.RECOVERY_TO_PRIMARY);
        List<Evaluation> evals = new ArrayList<>(swapped.evaluations());
        evals.addAll(unswapped.evaluations());
        evals.sort(Evaluation.REPORT_ORDER);
        List<String> notices = new ArrayList<>(swapped.waiverNotices());
        for (String n : unswapped.waiverNotices()) if (!notices.contains(n)) notices.add(n);
        return new WorkloadResult(w, List.of(back), evals, notices, Direction.RECOVERY_TO_PRIMARY);
    }

    private WorkloadResult run(Snapshot snapshot, Workload w, FailreadyConfig cfg, Options opts, List<RegionPair> pairs,
                               Predicate<String> ruleScope, Direction direction) {
        if (w.accounts.isEmpty()) {
            // No account could be known (AWS did not answer sts:GetCallerIdentity or organizations:ListAccounts):
            // judge nothing. Configuration-only rules passing here would read as evidence about an estate
            // nobody saw; with no evaluation the gate's "nothing judged" makes the verdict UNKNOWN.
            return new WorkloadResult(w, pairs, List.of(), List.of(), direction);
        }
        Set<String> accounts = new HashSet<>(w.accountIds());
        Set<String> regions = new HashSet<>(w.allRegions());
        regions.add(Resource.GLOBAL);
        Scope scope = new Scope(w.scope);
        List<KieBase> parts = partitions();
        // the engine's own passes use as many threads as the rule sessions fire on
        SideBySide side = new SideBySide(parts.size());
        List<Resource> mine = new ArrayList<>();
        for (List<Resource> slice : side.slices(snapshot.getResources(), rs -> {
            List<Resource> own = new ArrayList<>();
            for (Resource r : rs) {
                if (accounts.contains(r.getAccountId()) && regions.contains(r.getAwsRegion())) {
                    r.setInScope(scope.contains(r));
                    own.add(r);
                }
            }
            return own;
        })) mine.addAll(slice);
        List<CollectionGap> gaps = snapshot.getCollectionGaps().stream()
                .filter(g -> accounts.contains(g.getAccountId())).toList();
        GapIndex gapIndex = new GapIndex(gaps, new HashSet<>(snapshot.getAccounts()), new HashSet<>(snapshot.getRegions()));

        io.failready.util.Timings.mark("scoped " + mine.size());
        // the indexes and the counterparts both only read the scoped resources: built side by side
        SideBySide.Pending<List<Object>> indexes = side.start(() -> {
            List<Object> built = Indexes.build(new Indexes.Estate(w, pairs, mine));
            io.failready.util.Timings.mark("indexes built");
            return built;
        });
        List<Counterpart> counterparts = counterparts(mine, w, pairs);

        io.failready.util.Timings.mark("counterparts " + counterparts.size());
        Set<String> disabled = new HashSet<>(cfg.disabledRules);
        Predicate<String> enabled = id -> !disabled.contains(id) && ruleScope.test(id) && opts.ruleFilter().test(id);

        // Every fact is built here, once, and shared read-only by the sessions: facts do not change while
        // rules fire (a rule that changes them sends the run down the serial path, see fireParallel).
        List<Object> facts = new ArrayList<>(mine.size() + counterparts.size() + gaps.size() + 64);
        facts.add(w);
        facts.add(new AsOf(opts.asOf()));
        facts.add(gapIndex);
        for (Workload.AccountRef a : w.accounts) facts.add(new WorkloadAccount(a.id, a.name));
        for (String r : w.allRegions()) facts.add(new WorkloadRegion(r, r.equals(w.primaryRegion)));
        facts.addAll(pairs);
        for (RuleMetadata m : catalog.rules().values()) facts.add(new RuleParameters(m.id(), parameters(m, w)));
        facts.addAll(mine);
        facts.addAll(indexes.join());
        facts.addAll(gaps);
        facts.addAll(counterparts);
        facts.add(new io.failready.facts.Counterparts(counterparts));
        io.failready.util.Timings.mark("facts built");

        List<Evaluation> fired = parts.size() > 1 ? fireParallel(w.name, parts, facts, enabled, opts) : null;
        if (fired == null) fired = fireSerial(w.name, facts, enabled, opts);
        io.failready.util.Timings.mark("rules fired");
        List<Evaluation> emitted = fired;
        // resources a failed listing hid were never judged: say so instead of saying nothing. The
        // completion only reads what the evaluations are about, attribution and classification only
        // write their gaps, section and severity: the two run side by side.
        SideBySide.Pending<List<Evaluation>> unseen = side.start(
                () -> UnseenSubjects.complete(catalog, enabled, pairs, w.accountIds(), gapIndex, gaps, mine, emitted));
        GapAttribution.Candidates candidates = new GapAttribution.Candidates(gaps);
        side.slices(emitted, slice -> { attributeAndClassify(slice, w, gapIndex, candidates); return null; });
        List<Evaluation> added = unseen.join();
        attributeAndClassify(added, w, gapIndex, candidates);
        List<Evaluation> evals = new ArrayList<>(emitted.size() + added.size());
        evals.addAll(emitted);
        evals.addAll(added);
        io.failready.util.Timings.mark("completed and classified");
        // sorted before waivers are applied, so their notices come in report order whichever session
        // emitted an evaluation first
        side.sort(evals, Evaluation.REPORT_ORDER);
        io.failready.util.Timings.mark("sorted");
        List<String> notices = applyWaivers(evals, w, cfg.waiverPolicy, opts.asOf());
        io.failready.util.Timings.mark("waivers applied");
        return new WorkloadResult(w, pairs, evals, notices, direction);
    }

    /** In a method of its own so the matcher's lookup tables (a map entry per resource) are garbage before the rules fire. */
    private static List<Counterpart> counterparts(List<Resource> mine, Workload w, List<RegionPair> pairs) {
        CounterpartMatcher matcher = new CounterpartMatcher(mine, w);
        List<Counterpart> counterparts = new ArrayList<>();
        List<Resource> inScope = mine.stream().filter(Resource::isInScope).toList();
        for (RegionPair p : pairs) counterparts.addAll(matcher.match(inScope, p));
        return counterparts;
    }

    private void attributeAndClassify(List<Evaluation> evals, Workload w, GapIndex gapIndex, GapAttribution.Candidates candidates) {
        GapAttribution.attach(evals, gapIndex, candidates);
        for (Evaluation e : evals) {
            RuleMetadata m = catalog.get(e.getRuleId());
            String override = w.severityOverrides.get(e.getRuleId());
            e.classify(m.section(), override == null ? m.severity() : Severity.parse(override));
        }
    }

    /** What one session did: its evaluations, how often rules fired, and whether the watchdog halted it. */
    private record Fired(List<Evaluation> evaluations, long fired, long inferenceFired, boolean timedOut, String lastRule, long cpuNanos) {}

    /** The whole rule base in one session, on one thread: the reference every partitioned run must equal. */
    private List<Evaluation> fireSerial(String workload, List<Object> facts, Predicate<String> enabled, Options opts) {
        KieBase kb = kieBase();
        Map<String, Integer> changes = new java.util.concurrent.ConcurrentHashMap<>();
        KieSession session = kb.newKieSession();
        Fired f;
        try {
            f = RuleSandbox.run(workload, opts.timeout().toMillis() + ABANDON_GRACE_MILLIS, this::ruleNames, () -> RuleOwners.of(kb),
                    () -> fire(session, facts, enabled, opts, changes, opts.maxEvaluations()));
        } finally {
            // an abandoned rules thread may still hold the session; disposing it under that thread would
            // only add a second failure to the one being reported
            if (!RuleSandbox.abandoned()) session.dispose();
        }
        if (f.timedOut() || f.fired() >= opts.maxFirings()) throw overrun(workload, f, changes, opts);
        return f.evaluations();
    }

    /**
     * The rule base's partitions (see {@link RuleBaseLoader#buildPartitions}) fired side by side, one
     * session and thread each, over the same facts. The result equals the serial run's because each
     * rule id lives in exactly one partition, every partition holds every inference rule, and verdict
     * rules only read facts: the inference rules then derive the same facts in every session, and each
     * verdict rule sees what it would see in the single session. Where that premise fails or the run
     * goes wrong, the serial run decides instead (returns null): a verdict rule changed working memory
     * (a user's rule may), a rule failed, or a budget was reached only by the partitions together.
     * The exception is a session the time budget stopped: the serial run would be stopped too, later.
     */
    private List<Evaluation> fireParallel(String workload, List<KieBase> parts, List<Object> facts, Predicate<String> enabled, Options opts) {
        Set<String> inference = catalog.inferenceRules();
        Map<String, Integer> changes = new java.util.concurrent.ConcurrentHashMap<>();
        List<KieSession> sessions = new ArrayList<>();
        for (KieBase kb : parts) sessions.add(kb.newKieSession());
        List<java.util.concurrent.Callable<Fired>> work = new ArrayList<>();
        for (KieSession s : sessions) work.add(() -> fire(s, facts, enabled, opts, changes, opts.maxEvaluations()));
        List<Fired> done;
        try {
            done = RuleSandbox.runAll(workload, opts.timeout().toMillis() + ABANDON_GRACE_MILLIS, this::ruleNames, () -> RuleOwners.of(kieBase()),
                    work, () -> sessions.forEach(KieSession::halt));
        } catch (RuleSandbox.PartitionFailed e) {
            return null;
        } finally {
            if (!RuleSandbox.abandoned()) sessions.forEach(KieSession::dispose);
        }
        for (Fired f : done) if (f.timedOut()) throw overrun(workload, f, changes, opts);
        if (changes.keySet().stream().anyMatch(r -> !inference.contains(r))) return null;
        long total = done.get(0).inferenceFired();
        int evaluations = 0;
        for (Fired f : done) {
            total += f.fired() - f.inferenceFired();
            evaluations += f.evaluations().size();
        }
        if (total >= opts.maxFirings() || evaluations > opts.maxEvaluations()) return null;
        List<Evaluation> out = new ArrayList<>(evaluations);
        StringBuilder cpu = new StringBuilder();
        for (Fired f : done) {
            out.addAll(f.evaluations());
            cpu.append(cpu.isEmpty() ? "" : " ").append(f.cpuNanos() / 1_000_000);
        }
        // how evenly the partitions share the work: the slowest sets the wall time
        io.failready.util.Timings.mark("sessions' CPU ms: " + cpu);
        return out;
    }

    /**
     * Inserts the facts and fires the rules of one session, on the calling (sandboxed) thread: Drools
     * evaluates conditions as facts arrive, and a user's condition can loop as well as a consequence.
     * Only the facts the session's rule base can match are inserted ({@link FactRouting}).
     */
    private Fired fire(KieSession session, List<Object> facts, Predicate<String> enabled, Options opts,
                       Map<String, Integer> changes, long maxEvaluations) {
        Set<String> inference = catalog.inferenceRules();
        EvaluationSink sink = new EvaluationSink(maxEvaluations);
        String[] lastRule = {null};
        long[] inferenceFired = {0};
        FactRouting routing = routeFacts ? FactRouting.of(session.getKieBase()) : null;
        for (Object fact : facts) if (routing == null || routing.accepts(fact)) session.insert(fact);
        AgendaFilter filter = match -> {
            String name = match.getRule().getName();
            if (inference.contains(name)) { inferenceFired[0]++; RuleSandbox.firing(name); return true; }
            int sep = name.indexOf(" - ");
            String id = sep < 0 ? name : name.substring(0, sep);
            if (!enabled.test(id)) return false;
            lastRule[0] = name;
            RuleSandbox.firing(name);
            return true;
        };
        // Which rule changes working memory, so a budget overrun blames the rule that loops: every
        // check reading the facts it keeps inserting or updating fires as often as it does, and
        // "the last rule to fire" was as likely one of those. Only rule-made changes are counted,
        // so the listener costs nothing on the firing path of a settled catalog.
        session.addEventListener(new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
            private void count(org.kie.api.definition.rule.Rule r) { if (r != null) changes.merge(r.getName(), 1, Integer::sum); }
            @Override public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent e) { count(e.getRule()); }
            @Override public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent e) { count(e.getRule()); }
            @Override public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent e) { count(e.getRule()); }
        });
        io.failready.util.Timings.mark("facts inserted");
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "failready-rule-watchdog");
            t.setDaemon(true);
            return t;
        });
        EvaluationSink.bind(sink);
        ScheduledFuture<?> timer = watchdog.schedule(() -> { timedOut.set(true); session.halt(); },
                opts.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            // Inference rules carry a positive salience (checked by the catalog test), so derived
            // facts exist before any verdict rule testing "not SomeDerivedFact" can fire. A second
            // fireAllRules pass would not work: Drools drops matches an AgendaFilter rejects.
            int fired = session.fireAllRules(filter, (int) Math.min(Integer.MAX_VALUE, opts.maxFirings()));
            return new Fired(sink.evaluations(), fired, inferenceFired[0], timedOut.get(), lastRule[0],
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        } catch (RuntimeException e) {
            throw unwrap(e, lastRule[0]);
        } finally {
            timer.cancel(false);
            watchdog.shutdownNow();
            EvaluationSink.unbind();
        }
    }

    private static RuleBudgetException overrun(String workload, Fired f, Map<String, Integer> changes, Options opts) {
        String busiest = changes.entrySet().stream().filter(e -> e.getValue() > 1)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(f.lastRule());
        String what = f.timedOut() ? "was stopped after " + opts.timeout().toSeconds() + " s"
                : "reached the budget of " + opts.maxFirings() + " rule firings";
        return new RuleBudgetException(busiest, "rule evaluation for workload " + workload + " " + what
                + "; rule \"" + busiest + "\"" + (changes.containsKey(busiest)
                ? " changed facts " + changes.get(busiest) + " times" : " fired last") + " (the last to fire was \""
                + f.lastRule() + "\"). A rule that inserts or modifies facts in a loop never settles.");
    }

    private List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (var p : kieBase().getKiePackages()) for (var r : p.getRules()) names.add(r.getName());
        return names;
    }

    private static RuntimeException unwrap(RuntimeException e, String lastRule) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof EvaluationSink.RuleFailure rf) return rf;
            if (t instanceof InputException ie) return ie;
            t = t.getCause();
        }
        return new RuleBudgetException(lastRule, "rule \"" + lastRule + "\" failed while firing: " + rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** A rule that loops, explodes or throws; reported naming the rule. */
    public static final class RuleBudgetException extends EvaluationSink.RuleFailure {
        public RuleBudgetException(String rule, String message) { super(rule, message); }
    }

    /** Default from metadata, then the strategy profile, then the workload's own override. */
    Map<String, Object> parameters(RuleMetadata m, Workload w) {
        Map<String, Object> values = new LinkedHashMap<>(m.parameters());
        Map<String, Map<String, Object>> profile = w.strategy == null ? null : profiles.get(w.strategy.id());
        if (profile != null && profile.containsKey(m.id())) values.putAll(profile.get(m.id()));
        Map<String, Object> own = w.parameters.get(m.id());
        if (own != null) {
            for (String k : own.keySet()) {
                if (!m.parameters().containsKey(k)) {
                    throw new InputException("workload " + w.name + " sets parameter " + k + " of rule " + m.id()
                            + ", which declares only: " + (m.parameters().isEmpty() ? "none" : String.join(", ", m.parameters().keySet())) + ".");
                }
            }
            values.putAll(own);
        }
        return values;
    }

    /**
     * Strategy profiles live in rules/profiles/&lt;strategy&gt;.yaml as
     * {@code parameters: {RULE_ID: {Name: value}}}; they only lower or raise defaults, never add
     * parameters a rule does not declare.
     */
    static Map<String, Map<String, Map<String, Object>>> loadProfiles(RuleCatalog catalog) {
        Map<String, Map<String, Map<String, Object>>> out = new HashMap<>();
        Path dir = RuleSources.bundledRoot().resolve("profiles");
        if (!Files.isDirectory(dir)) return out;
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String fn = f.getFileName().toString();
                if (!fn.endsWith(".yaml")) continue;
                String display = "rules/profiles/" + fn;
                JsonNode tree;
                try (InputStream in = Files.newInputStream(f)) {
                    tree = Json.readLocated(in, display, true);
                }
                Map<String, Map<String, Object>> params = new HashMap<>();
                JsonNode p = tree.path("parameters");
                for (var it = p.fields(); it.hasNext(); ) {
                    var e = it.next();
                    RuleMetadata m = catalog.get(e.getKey());
                    if (m == null) throw new InputException(display, -1, -1, "profile names unknown rule id " + e.getKey() + ".");
                    Map<String, Object> vals = new LinkedHashMap<>();
                    for (var pit = e.getValue().fields(); pit.hasNext(); ) {
                        var pe = pit.next();
                        if (!m.parameters().containsKey(pe.getKey())) {
                            throw new InputException(display, -1, -1, "profile sets parameter " + pe.getKey() + " that rule " + m.id() + " does not declare.");
                        }
                        vals.put(pe.getKey(), Json.MAPPER.treeToValue(pe.getValue(), Object.class));
                    }
                    params.put(e.getKey(), vals);
                }
                out.put(fn.substring(0, fn.length() - 5), params);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read strategy profiles: " + e.getMessage(), e);
        }
        return out;
    }

    /** Returns notices for waivers that matched a finding but no longer apply (expired, unapproved). */
    static List<String> applyWaivers(List<Evaluation> evals, Workload w, io.failready.config.WaiverPolicy policy, Instant asOf) {
        List<String> notices = new ArrayList<>();
        if (w.waivers.isEmpty()) return notices;
        java.time.LocalDate today = new AsOf(asOf).getToday();
        Map<Waiver, Pattern> patterns = new LinkedHashMap<>();
        for (Waiver wv : w.waivers) patterns.put(wv, Globs.glob(wv.resource == null ? "*" : wv.resource));
        Set<String> noticed = new HashSet<>();
        for (Evaluation e : evals) {
            if (e.getComplianceType() == ComplianceType.COMPLIANT || e.getComplianceType() == ComplianceType.NOT_APPLICABLE) continue;
            for (Map.Entry<Waiver, Pattern> en : patterns.entrySet()) {
                Waiver wv = en.getKey();
                if (!wv.rule.equals(e.getRuleId())) continue;
                boolean hit = en.getValue().matcher(nz(e.getResourceId())).matches() || en.getValue().matcher(nz(e.getResourceName())).matches();
                if (!hit) continue;
                String where = wv.source == null ? "" : " (" + wv.source + ")";
                String refused = policy.refusal(wv, e, today);
                if (refused != null) {
                    String notice = "Waiver for " + wv.rule + " on " + wv.resource + where + " " + refused + ".";
                    if (noticed.add(notice)) notices.add(notice);
                    continue;
                }
                e.setWaiver(new Evaluation.WaiverRef(wv.reason, wv.approver, wv.owner, String.valueOf(wv.expires), wv.source));
                break;
            }
        }
        return notices;
    }

    private static String nz(String s) { return s == null ? "" : s; }
}

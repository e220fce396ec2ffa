package io.failready.rules;

import io.failready.util.InputException;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the KieBase of a {@link RuleSet} from Drools executable models. The bundled catalog's model
 * is generated and compiled at build time ({@code io.failready.tooling.rules.PrecompileRules}, run by
 * Maven in process-classes): its classes ship in the jar and a run only instantiates them, with no DRL
 * parsing or Java compilation. User rule directories are compiled at load time into a model of their
 * own (DRL plus decision classes), and one KieBase is built from all models, so user rules see the
 * facts the bundled inference rules derive exactly as bundled rules do.
 */
public final class RuleBaseLoader {
    /** Where the build writes the bundled model's class names and the digest of the DRL it was built from. */
    static final String MODEL_LIST = "/failready/rules-model/models";
    static final String MODEL_DIGEST = "/failready/rules-model/digest";

    /*
     * A distinct release per kind of module: the generated classes are named from package and release,
     * so a user package that shares a name with a bundled one (rules.data) cannot produce a class the
     * jar already holds and silently load the bundled one in its place.
     */
    static final ReleaseId BUNDLED = KieServices.Factory.get().newReleaseId("io.failready", "failready-rules", "1.0.0");
    private static final ReleaseId USER = KieServices.Factory.get().newReleaseId("io.failready", "failready-user-rules", "1.0.0");
    /* and the bundled DRL compiled in this JVM must not resolve to the stale precompiled classes it replaces */
    private static final ReleaseId BUNDLED_AT_RUN_TIME = KieServices.Factory.get().newReleaseId("io.failready", "failready-rules-run-time", "1.0.0");

    private RuleBaseLoader() {}

    public static ReleaseId bundledRelease() { return BUNDLED; }
    public static String modelListResource() { return MODEL_LIST; }
    public static String modelDigestResource() { return MODEL_DIGEST; }

    /*
     * A KieBase is immutable once built and safe to share between sessions, so one JVM that
     * evaluates many times with the same rules (tests, verify, bench) builds it once.
     */
    private static final Map<String, KieBase> CACHE = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, KieBase> e) { return size() > 4; }
    };

    public static synchronized KieBase build(RuleSet set) {
        String key = set.sha256();
        KieBase cached = CACHE.get(key);
        if (cached != null) return cached;
        KieBase built = KieBaseBuilder.createKieBaseFromModel(models(set).get());
        CACHE.put(key, built);
        return built;
    }

    /*
     * The models of a rule set: its classes are found (or compiled) once per JVM, and every rule base
     * built from them gets instances of its own. Each instance makes its own rule, pattern and
     * declaration objects (the generated constructor calls the rule methods); what instances share is
     * stateless (the generated lambdas are enum singletons, the domain-class metadata is constant), so
     * rule bases can be built from them on several threads at once without relying on the builder
     * leaving the model's objects untouched.
     */
    private static final Map<String, java.util.function.Supplier<List<Model>>> MODELS = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, java.util.function.Supplier<List<Model>>> e) { return size() > 4; }
    };
    /* a build in progress is found too, so a second caller waits for it instead of building again */
    private static final Map<String, java.util.concurrent.FutureTask<List<KieBase>>> PARTITIONS = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, java.util.concurrent.FutureTask<List<KieBase>>> e) { return size() > 4; }
    };

    static synchronized java.util.function.Supplier<List<Model>> models(RuleSet set) {
        String key = set.sha256();
        java.util.function.Supplier<List<Model>> cached = MODELS.get(key);
        if (cached != null) return cached;
        List<RuleSet.DrlSource> bundled = set.sources().stream().filter(RuleSet.DrlSource::bundled).toList();
        List<RuleSet.DrlSource> user = set.sources().stream().filter(s -> !s.bundled()).toList();
        List<java.util.function.Supplier<List<Model>>> parts = new ArrayList<>();
        if (!bundled.isEmpty()) {
            java.util.function.Supplier<List<Model>> pre = precompiledClasses(bundled);
            // Only a classes directory left behind by an edit without a rebuild gets here (the jar is built
            // in one step); compiling is slower but never runs rules other than the ones on disk.
            parts.add(pre != null ? pre : compile(bundled, List.of(), BUNDLED_AT_RUN_TIME));
        }
        if (!user.isEmpty() || !set.javaSources().isEmpty()) parts.add(compile(user, set.javaSources(), USER));
        java.util.function.Supplier<List<Model>> models = () -> {
            List<Model> all = new ArrayList<>();
            for (var p : parts) all.addAll(p.get());
            return List.copyOf(all);
        };
        MODELS.put(key, models);
        return models;
    }

    /**
     * The rule set split into {@code k} rule bases that fire side by side, one session each: every
     * partition holds all {@code inference} rules (each session derives the same facts) and a share
     * of the verdict rules, all outcome rules of one rule id together (so one session's
     * {@link io.failready.rules.api.EvaluationSink} sees every evaluation a rule id can emit). Shares are
     * dealt by {@link #assign}; a partition may be empty of verdict rules when there are fewer ids than
     * partitions. The result is cached like {@link #build}.
     */
    public static List<KieBase> buildPartitions(RuleSet set, java.util.Set<String> inference, int k) {
        if (k < 1) throw new IllegalArgumentException("partitions: " + k);
        String key = set.sha256() + "/" + k;
        java.util.concurrent.FutureTask<List<KieBase>> task;
        boolean mine = false;
        // Built outside the lock: a build of other rules (the bundled ones, started before the command line
        // was read) does not hold up this one.
        synchronized (RuleBaseLoader.class) {
            task = PARTITIONS.get(key);
            if (task == null) {
                task = new java.util.concurrent.FutureTask<>(() -> partitions(set, inference, k));
                PARTITIONS.put(key, task);
                mine = true;
            }
        }
        if (mine) task.run();
        try {
            return built(task);
        } catch (RuntimeException | Error e) {
            // a failed build is not cached: the next caller tries again and gets its own error
            synchronized (RuleBaseLoader.class) {
                PARTITIONS.remove(key, task);
            }
            throw e;
        }
    }

    private static List<KieBase> partitions(RuleSet set, java.util.Set<String> inference, int k) {
        java.util.function.Supplier<List<Model>> models = models(set);
        List<List<Model>> instances = new ArrayList<>();
        for (int i = 0; i < k; i++) instances.add(models.get());
        List<String> ids = new ArrayList<>();
        for (Model m : instances.get(0)) {
            for (org.drools.model.Rule r : m.getRules()) {
                String id = ruleId(r.getName());
                if (!inference.contains(r.getName()) && !ids.contains(id)) ids.add(id);
            }
        }
        Map<String, Integer> share = assign(ids, k);
        // Each partition is built from model instances of its own, so the builds share no rule objects
        // and run side by side: on two cores the rule bases take the time of one instead of the sum.
        List<java.util.concurrent.FutureTask<KieBase>> builds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int part = i;
            builds.add(new java.util.concurrent.FutureTask<>(() -> {
                List<Model> mine = new ArrayList<>();
                for (Model m : instances.get(part)) {
                    mine.add(new RulesOf(m, m.getRules().stream()
                            .filter(r -> inference.contains(r.getName()) || share.get(ruleId(r.getName())) == part).toList()));
                }
                return KieBaseBuilder.createKieBaseFromModel(mine);
            }));
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (int i = 1; i < k; i++) {
            Thread t = new Thread(builds.get(i), "failready-rule-base-" + i);
            t.setDaemon(true);
            t.setContextClassLoader(context);
            t.start();
        }
        builds.get(0).run();
        List<KieBase> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            KieBase kb = built(builds.get(i));
            java.util.Set<String> expected = new java.util.TreeSet<>();
            for (Model m : instances.get(i)) {
                for (org.drools.model.Rule r : m.getRules()) {
                    if (inference.contains(r.getName()) || share.get(ruleId(r.getName())) == i) expected.add(r.getName());
                }
            }
            checkHolds(kb, expected, i);
            parts.add(kb);
        }
        return List.copyOf(parts);
    }

    /**
     * A partition's rule base holds exactly the rules dealt to it. Drools does not promise that rule
     * bases built side by side cannot disturb each other, and a rule missing from its partition would
     * judge nothing, silently; so a rule base that differs is an internal error, never a smaller run.
     */
    static void checkHolds(KieBase kb, java.util.Set<String> expected, int partition) {
        java.util.Set<String> held = new java.util.TreeSet<>();
        for (var p : kb.getKiePackages()) for (var r : p.getRules()) held.add(r.getName());
        if (held.equals(expected)) return;
        java.util.Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(held);
        java.util.Set<String> extra = new java.util.TreeSet<>(held);
        extra.removeAll(expected);
        throw new IllegalStateException("rule partition " + (partition + 1) + " was built without " + missing
                + (extra.isEmpty() ? "" : " and with " + extra) + "; run with FAILREADY_EVAL_THREADS=1 and report this.");
    }

    private static <T> T built(java.util.concurrent.FutureTask<T> build) {
        return io.failready.util.Threads.await(build);
    }

    /**
     * Deals rule ids to {@code k} partitions round-robin in id order: the bundled rules cost about the
     * same per subject (each decides once per subject from hash lookups), so an even count is an even
     * share, and the order does not depend on the estate, so partitions can be built while the
     * snapshot is still being read.
     */
    static Map<String, Integer> assign(List<String> ids, int k) {
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) out.put(sorted.get(i), i % k);
        return out;
    }

    /** "S3_X - insufficient data" -> "S3_X", as {@link io.failready.rules.api.Judge#ruleId} reads it. */
    static String ruleId(String ruleName) {
        int sep = ruleName.indexOf(" - ");
        return sep < 0 ? ruleName.trim() : ruleName.substring(0, sep).trim();
    }

    /** A model with only some of its rules; globals and type declarations are shared. */
    private record RulesOf(Model model, List<org.drools.model.Rule> rules) implements Model {
        @Override public String getName() { return model.getName(); }
        @Override public String getPackageName() { return model.getPackageName(); }
        @Override public List<org.drools.model.Global> getGlobals() { return model.getGlobals(); }
        @Override public List<org.drools.model.Rule> getRules() { return rules; }
        @Override public List<org.drools.model.Query> getQueries() { return model.getQueries(); }
        @Override public List<org.drools.model.TypeMetaData> getTypeMetaDatas() { return model.getTypeMetaDatas(); }
        @Override public List<org.drools.model.EntryPoint> getEntryPoints() { return model.getEntryPoints(); }
    }

    /** The bundled model built with the jar, or null when it is missing or was built from other DRL. */
    static List<Model> precompiled(List<RuleSet.DrlSource> bundled) {
        java.util.function.Supplier<List<Model>> classes = precompiledClasses(bundled);
        return classes == null ? null : classes.get();
    }

    /** Makes instances of the bundled model built with the jar; null when it is missing or was built from other DRL. */
    private static java.util.function.Supplier<List<Model>> precompiledClasses(List<RuleSet.DrlSource> bundled) {
        String list = resource(MODEL_LIST);
        String digest = resource(MODEL_DIGEST);
        if (list == null || digest == null || !digest.trim().equals(digest(bundled))) return null;
        List<String> names = new ArrayList<>();
        for (String name : list.split("\\s+")) if (!name.isBlank()) names.add(name);
        return instances(RuleBaseLoader.class.getClassLoader(), names);
    }

    /** Digest of the bundled DRL the model is built from: the same hash the report carries for the rule set. */
    public static String digest(List<RuleSet.DrlSource> bundled) {
        return new RuleSet(bundled).sha256();
    }

    private static String resource(String name) {
        try (InputStream in = io.failready.util.ClasspathDirs.resource(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /* Loads the model classes now (a missing one fails here, once); each get() makes fresh instances. */
    private static java.util.function.Supplier<List<Model>> instances(ClassLoader loader, List<String> classNames) {
        List<java.lang.reflect.Constructor<?>> constructors = new ArrayList<>();
        for (String name : classNames) {
            try {
                Class<?> c = Class.forName(name, true, loader);
                if (!Model.class.isAssignableFrom(c)) throw new ClassCastException(name + " is not a " + Model.class.getName());
                constructors.add(c.getDeclaredConstructor());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new IllegalStateException("rule model class " + name + " cannot be loaded: " + e, e);
            }
        }
        return () -> {
            List<Model> models = new ArrayList<>();
            for (var c : constructors) {
                try {
                    models.add((Model) c.newInstance());
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new IllegalStateException("rule model class " + c.getDeclaringClass().getName() + " cannot be instantiated: " + e, e);
                }
            }
            return List.copyOf(models);
        };
    }

    /** Compiles DRL and decision classes into executable models, in this JVM. */
    static java.util.function.Supplier<List<Model>> compile(List<RuleSet.DrlSource> drl, List<RuleSet.JavaSource> java, ReleaseId release) {
        InternalKieModule module = compileModule(drl, java, release);
        ClassLoader loader = KieServices.Factory.get().newKieContainer(release).getClassLoader();
        return instances(loader, modelClassNames(module, release));
    }

    /**
     * Compiles into an in-memory kjar holding the generated model's classes. Errors name the user's
     * file and line: each file is written under the KieFileSystem path that mirrors its package (or
     * Drools warns once per file), and the build reuses one ReleaseId per kind, so compiling again in
     * one JVM (tests, rules test) replaces rather than accumulates modules.
     */
    public static InternalKieModule compileModule(List<RuleSet.DrlSource> drl, List<RuleSet.JavaSource> java, ReleaseId release) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        Map<String, String> display = new HashMap<>();
        int n = 0;
        for (RuleSet.DrlSource src : drl) {
            // an index keeps two user files of the same name in one package apart
            String path = "src/main/resources/" + src.packageName().replace('.', '/') + "/" + (n++) + "_" + src.path().getFileName();
            kfs.write(path, src.text());
            display.put(path, src.displayName());
            // the model compiler reports DRL errors by resource path, without the source folder
            display.put(path.substring("src/main/resources/".length()), src.displayName());
        }
        for (RuleSet.JavaSource src : java) {
            String path = "src/main/java/" + src.className().replace('.', '/') + ".java";
            if (display.containsKey(path)) {
                throw new InputException(src.displayName(), 1, 1, "decision class " + src.className() + " is also defined in "
                        + display.get(path) + " (class names are global across all rule directories).");
            }
            kfs.write(path, src.text());
            display.put(path, src.displayName());
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            // the model generator throws rather than reports on a few constructs it cannot translate
            String files = String.join(", ", display.values().stream().sorted().toList());
            throw new InputException("rules cannot be compiled (" + files + "): the Drools rule compiler failed with "
                    + rootMessage(e) + ". A binding or property named like a Java keyword (e.g. '$r : record') is a known cause: "
                    + "use the getter instead ('$r : getRecord()').");
        }
        Results results = builder.getResults();
        List<Message> errors = results.getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            // an error in a file the user wrote says the most; one in the generated model code names no
            // file of theirs, so the message then names the files compiled together
            Message first = errors.stream().filter(m -> display.containsKey(m.getPath())).findFirst().orElse(errors.get(0));
            String file = display.get(first.getPath());
            if (file == null) {
                List<String> mine = drl.stream().map(RuleSet.DrlSource::displayName).sorted().toList();
                throw new InputException("rule file" + (mine.size() == 1 ? " " : "s ") + String.join(", ", mine.size() > 3 ? mine.subList(0, 3) : mine)
                        + (mine.size() > 3 ? " (and " + (mine.size() - 3) + " more)" : "") + (mine.size() == 1 ? " does" : " do")
                        + " not compile: " + RuleCatalog.clean(first.getText()) + ".");
            }
            boolean inJava = first.getPath() != null && first.getPath().endsWith(".java") && display.containsKey(first.getPath());
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")" : "";
            // the Java compiler's column is an offset into the file, not into the line: only the line is shown
            throw new InputException(file, first.getLine(), inJava ? -1 : first.getColumn(),
                    (inJava ? "decision class does not compile: " : "rule file does not compile: ") + RuleCatalog.clean(first.getText()) + more + ".");
        }
        return (InternalKieModule) builder.getKieModule();
    }

    /** The model classes a compiled kjar lists, in a stable order. */
    public static List<String> modelClassNames(InternalKieModule module, ReleaseId release) {
        byte[] list = module.getBytes("META-INF/kie/" + release.getGroupId() + "/" + release.getArtifactId() + "/drools-model");
        if (list == null) throw new IllegalStateException("the rule compiler produced no executable model");
        List<String> names = new ArrayList<>();
        for (String line : new String(list, StandardCharsets.UTF_8).split("\\s+")) {
            // the first line is the model format ("Drools-Model-Version:10.2.0"), the rest class names
            if (!line.isBlank() && !line.contains(":")) names.add(line);
        }
        names.sort(null);
        return names;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}

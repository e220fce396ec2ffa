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
        KieBase built = KieBaseBuilder.createKieBaseFromModel(models(set));
        CACHE.put(key, built);
        return built;
    }

    /*
     * The models of a rule set, instantiated once per JVM: the full rule base and its partitions are
     * all built from the same objects.
     */
    private static final Map<String, List<Model>> MODELS = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, List<Model>> e) { return size() > 4; }
    };
    private static final Map<String, List<KieBase>> PARTITIONS = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, List<KieBase>> e) { return size() > 4; }
    };

    private static synchronized List<Model> models(RuleSet set) {
        String key = set.sha256();
        List<Model> cached = MODELS.get(key);
        if (cached != null) return cached;
        List<RuleSet.DrlSource> bundled = set.sources().stream().filter(RuleSet.DrlSource::bundled).toList();
        List<RuleSet.DrlSource> user = set.sources().stream().filter(s -> !s.bundled()).toList();
        List<Model> models = new ArrayList<>();
        if (!bundled.isEmpty()) {
            List<Model> pre = precompiled(bundled);
            // Only a classes directory left behind by an edit without a rebuild gets here (the jar is built
            // in one step); compiling is slower but never runs rules other than the ones on disk.
            models.addAll(pre != null ? pre : compile(bundled, List.of(), BUNDLED_AT_RUN_TIME));
        }
        if (!user.isEmpty() || !set.javaSources().isEmpty()) models.addAll(compile(user, set.javaSources(), USER));
        models = List.copyOf(models);
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
    public static synchronized List<KieBase> buildPartitions(RuleSet set, java.util.Set<String> inference, int k) {
        if (k < 1) throw new IllegalArgumentException("partitions: " + k);
        String key = set.sha256() + "/" + k;
        List<KieBase> cached = PARTITIONS.get(key);
        if (cached != null) return cached;
        List<Model> models = models(set);
        List<String> ids = new ArrayList<>();
        for (Model m : models) {
            for (org.drools.model.Rule r : m.getRules()) {
                String id = ruleId(r.getName());
                if (!inference.contains(r.getName()) && !ids.contains(id)) ids.add(id);
            }
        }
        Map<String, Integer> share = assign(ids, k);
        List<KieBase> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int part = i;
            List<Model> mine = new ArrayList<>();
            for (Model m : models) {
                mine.add(new RulesOf(m, m.getRules().stream()
                        .filter(r -> inference.contains(r.getName()) || share.get(ruleId(r.getName())) == part).toList()));
            }
            parts.add(KieBaseBuilder.createKieBaseFromModel(mine));
        }
        parts = List.copyOf(parts);
        PARTITIONS.put(key, parts);
        return parts;
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
        String list = resource(MODEL_LIST);
        String digest = resource(MODEL_DIGEST);
        if (list == null || digest == null || !digest.trim().equals(digest(bundled))) return null;
        List<Model> models = new ArrayList<>();
        for (String name : list.split("\\s+")) {
            if (!name.isBlank()) models.add(instantiate(RuleBaseLoader.class.getClassLoader(), name));
        }
        return models;
    }

    /** Digest of the bundled DRL the model is built from: the same hash the report carries for the rule set. */
    public static String digest(List<RuleSet.DrlSource> bundled) {
        return new RuleSet(bundled).sha256();
    }

    private static String resource(String name) {
        try (InputStream in = RuleBaseLoader.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static Model instantiate(ClassLoader loader, String className) {
        try {
            return (Model) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("rule model class " + className + " cannot be loaded: " + e, e);
        }
    }

    /** Compiles DRL and decision classes into executable models, in this JVM. */
    static List<Model> compile(List<RuleSet.DrlSource> drl, List<RuleSet.JavaSource> java, ReleaseId release) {
        InternalKieModule module = compileModule(drl, java, release);
        ClassLoader loader = KieServices.Factory.get().newKieContainer(release).getClassLoader();
        List<Model> models = new ArrayList<>();
        for (String name : modelClassNames(module, release)) models.add(instantiate(loader, name));
        return models;
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

package io.failready.rules;

import io.failready.util.InputException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
import org.kie.api.runtime.KieContainer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link RuleSet} into a KieBase. Each file is written under the KieFileSystem path that
 * mirrors its DRL package (otherwise Drools warns once per file), and every build reuses one
 * ReleaseId so rebuilding in one JVM (tests, rules test) replaces rather than accumulates modules.
 * Compiled packages are cached on disk ({@link RuleBaseCache}) when running from the jar.
 */
public final class RuleBaseLoader {
    private static final ReleaseId RELEASE = KieServices.Factory.get().newReleaseId("io.failready", "failready-rules", "1.0.0");

    private RuleBaseLoader() {}

    /*
     * A KieBase is immutable once built and safe to share between sessions, so one JVM that
     * evaluates many times with the same rules (tests, verify, bench) compiles them once.
     */
    private static final Map<String, KieBase> CACHE = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, KieBase> e) { return size() > 4; }
    };

    public static synchronized KieBase build(RuleSet set) {
        String key = set.sha256();
        KieBase cached = CACHE.get(key);
        if (cached != null) return cached;
        Path cacheFile = RuleBaseCache.file(set);
        cached = RuleBaseCache.load(cacheFile);
        if (cached == null) {
            cached = compile(set);
            RuleBaseCache.store(cacheFile, cached);
        }
        CACHE.put(key, cached);
        KieBase built = cached;
        return built;
    }

    private static KieBase compile(RuleSet set) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(RELEASE);
        Map<String, String> display = new HashMap<>();
        int n = 0;
        for (RuleSet.DrlSource src : set.sources()) {
            // an index keeps two user files of the same name in one package apart
            String path = "src/main/resources/" + src.packageName().replace('.', '/') + "/" + (n++) + "_" + src.path().getFileName();
            kfs.write(path, src.text());
            display.put(path, src.displayName());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        Results results = builder.getResults();
        List<Message> errors = results.getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            Message first = errors.get(0);
            String file = display.getOrDefault(first.getPath(), first.getPath());
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")" : "";
            throw new InputException(file, first.getLine(), first.getColumn(),
                    "rule file does not compile: " + RuleCatalog.clean(first.getText()) + more + ".");
        }
        KieContainer container = ks.newKieContainer(RELEASE);
        return container.getKieBase();
    }
}

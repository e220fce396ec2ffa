package io.failready.rules;

import io.failready.config.FailreadyConfig;
import io.failready.demo.DemoEstate;
import io.failready.evaluate.FixtureRunner;
import io.failready.evaluate.RuleEngine;
import io.failready.evaluate.WorkloadResult;
import io.failready.model.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled catalog runs from the executable model the build precompiled, and that model judges
 * exactly as the same DRL compiled at run time by Drools' classic (MVEL) compiler: on the demo estate
 * and on every fixture of every rule folder, whatever rules the folders hold.
 */
class PrecompiledRulesTest {
    static RuleSet bundled;
    static RuleEngine precompiled;
    static RuleEngine runtime;

    @BeforeAll
    static void build() {
        bundled = RuleSources.bundledPlus(List.of());
        RuleCatalog catalog = RuleCatalog.read(bundled);
        precompiled = new RuleEngine(catalog, RuleBaseLoader.build(bundled));
        runtime = new RuleEngine(catalog, compileClassic(bundled));
    }

    /** The DRL compiled at run time the way failready did before the executable model. */
    static KieBase compileClassic(RuleSet set) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId release = ks.newReleaseId("io.failready", "failready-rules-classic", "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        int n = 0;
        for (RuleSet.DrlSource s : set.sources()) {
            kfs.write("src/main/resources/" + s.packageName().replace('.', '/') + "/" + (n++) + "_" + s.path().getFileName(), s.text());
        }
        KieBuilder b = ks.newKieBuilder(kfs).buildAll();
        assertEquals(List.of(), b.getResults().getMessages(Message.Level.ERROR));
        return ks.newKieContainer(release).getKieBase();
    }

    @Test
    void theJarCarriesTheModelOfTheBundledDrl() {
        List<org.drools.model.Model> models = RuleBaseLoader.precompiled(bundled.sources());
        assertNotNull(models, "no precompiled model for the bundled rules (the build's process-classes step did not run, or ran on other DRL)");
        assertFalse(models.isEmpty());
        List<String> fromModel = ruleNames(precompiled.kieBase());
        List<String> fromDrl = ruleNames(runtime.kieBase());
        assertEquals(fromDrl, fromModel);
        for (var p : precompiled.kieBase().getKiePackages()) {
            for (var r : p.getRules()) {
                if (precompiled.catalog().contains(r.getName())) {
                    assertEquals(r.getName(), r.getMetaData().get("id"), "metadata of " + r.getName() + " lost in the model");
                }
            }
        }
    }

    @Test
    void aModelBuiltFromOtherDrlIsNotUsed() {
        List<RuleSet.DrlSource> edited = new ArrayList<>(bundled.sources());
        RuleSet.DrlSource first = edited.get(0);
        edited.set(0, new RuleSet.DrlSource(first.path(), first.displayName(), first.packageName(), first.text() + "\n// edited\n", true));
        assertEquals(null, RuleBaseLoader.precompiled(edited));
    }

    @Test
    void bundledDrlThatDiffersFromTheModelIsCompiledNotShadowedByTheStaleModel() {
        // a classes directory edited without a rebuild: the DRL on disk decides, not the model built before
        List<RuleSet.DrlSource> fewer = bundled.sources().stream()
                .filter(s -> !s.displayName().contains("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION")).toList();
        assertEquals(bundled.sources().size() - 1, fewer.size());
        List<String> names = ruleNames(RuleBaseLoader.build(new RuleSet(fewer)));
        assertFalse(names.stream().anyMatch(n -> n.endsWith(" S3_BUCKET_REPLICATED_TO_RECOVERY_REGION")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith(" S3_BUCKET_REPLICATION_MONITORED")), names.toString());
    }

    @Test
    void oneKieBasePerRuleSetInOneJvm() {
        assertSame(precompiled.kieBase(), RuleBaseLoader.build(RuleSources.bundledPlus(List.of())));
    }

    @Test
    void demoEstateJudgedTheSameEitherWay() {
        FailreadyConfig cfg = io.failready.config.ConfigLoader.load(DemoEstate.config(), precompiled.catalog().rules().keySet());
        var snapshot = DemoEstate.snapshot();
        RuleEngine.Options opts = RuleEngine.Options.defaults(Instant.parse(DemoEstate.COLLECTED_AT));
        List<String> a = canonical(precompiled.evaluate(snapshot, cfg, opts));
        List<String> b = canonical(runtime.evaluate(DemoEstate.snapshot(), cfg, opts));
        assertTrue(a.size() > 100, "the demo judges hundreds of resources: " + a.size());
        assertEquals(b, a);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureJudgedTheSameEitherWay() {
        List<FixtureRunner.Fixture> all = FixtureRunner.discover(RuleFixturesTest.RULES, "rules/");
        assertFalse(all.isEmpty());
        FixtureRunner pre = new FixtureRunner(precompiled);
        FixtureRunner run = new FixtureRunner(runtime);
        return all.stream().map(f -> DynamicTest.dynamicTest(f.ruleId() + " / " + f.file().getFileName(), () ->
                assertEquals(canonicalEvaluations(run.evaluations(f)), canonicalEvaluations(pre.evaluations(f)))));
    }

    private static List<String> ruleNames(KieBase kb) {
        List<String> names = new ArrayList<>();
        for (var p : kb.getKiePackages()) for (var r : p.getRules()) names.add(p.getName() + " " + r.getName());
        names.sort(null);
        return names;
    }

    private static List<String> canonical(List<WorkloadResult> results) {
        List<Evaluation> all = new ArrayList<>();
        for (WorkloadResult r : results) all.addAll(r.evaluations());
        return canonicalEvaluations(all);
    }

    private static List<String> canonicalEvaluations(List<Evaluation> evals) {
        List<String> out = new ArrayList<>(io.failready.rules.api.TestFacts.canonical(evals));
        out.sort(null);
        return out;
    }
}

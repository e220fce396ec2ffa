package io.failready.rules;

import org.drools.model.Model;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partitions' rule bases are built side by side, each from model objects no other build touches. */
class RuleBaseLoaderPartitionsTest {
    static final RuleSet BUNDLED = RuleSources.bundledPlus(List.of());
    static final RuleCatalog CATALOG = RuleCatalog.read(BUNDLED);

    @Test
    void everyRuleBaseGetsModelObjectsOfItsOwn() {
        var models = RuleBaseLoader.models(BUNDLED);
        List<Model> a = models.get();
        List<Model> b = models.get();
        assertEquals(a.size(), b.size());
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Model m : a) for (org.drools.model.Rule r : m.getRules()) seen.add(r);
        for (Model m : b) {
            assertTrue(seen.add(m), "model instance shared: " + m.getName());
            for (org.drools.model.Rule r : m.getRules()) assertTrue(seen.add(r), "rule object shared between builds: " + r.getName());
        }
    }

    @Test
    void partitionsBuiltSideBySideHoldEveryRuleOnceAndAllInferenceRules() {
        List<KieBase> parts = RuleBaseLoader.buildPartitions(BUNDLED, CATALOG.inferenceRules(), 4);
        assertEquals(4, parts.size());
        List<String> verdicts = new ArrayList<>();
        for (KieBase kb : parts) {
            Set<String> names = names(kb);
            assertTrue(names.containsAll(CATALOG.inferenceRules()), "inference rules missing from a partition: " + names);
            for (String n : names) if (!CATALOG.inferenceRules().contains(n)) verdicts.add(n);
        }
        Set<String> all = names(RuleBaseLoader.build(BUNDLED));
        all.removeAll(CATALOG.inferenceRules());
        assertEquals(new TreeSet<>(all), new TreeSet<>(verdicts));
        assertEquals(all.size(), verdicts.size(), "a verdict rule is in two partitions");
        // the same rules asked for again: the rule bases already built
        assertSame(parts, RuleBaseLoader.buildPartitions(BUNDLED, CATALOG.inferenceRules(), 4));
        assertNotSame(parts, RuleBaseLoader.buildPartitions(BUNDLED, CATALOG.inferenceRules(), 3));
    }

    @Test
    void aPartitionBuiltWithoutOneOfItsRulesIsAnInternalErrorNamingIt() {
        KieBase kb = RuleBaseLoader.buildPartitions(BUNDLED, CATALOG.inferenceRules(), 2).get(0);
        Set<String> held = names(kb);
        RuleBaseLoader.checkHolds(kb, held, 0);
        Set<String> expected = new TreeSet<>(held);
        expected.add("SOME_RULE - dealt here, built elsewhere");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleBaseLoader.checkHolds(kb, expected, 0));
        assertTrue(e.getMessage().contains("rule partition 1 was built without [SOME_RULE - dealt here, built elsewhere]"), e.getMessage());
        Set<String> fewer = new TreeSet<>(held);
        String dropped = fewer.iterator().next();
        fewer.remove(dropped);
        e = assertThrows(IllegalStateException.class, () -> RuleBaseLoader.checkHolds(kb, fewer, 0));
        assertTrue(e.getMessage().contains("and with [" + dropped + "]"), e.getMessage());
    }

    private static Set<String> names(KieBase kb) {
        Set<String> out = new TreeSet<>();
        for (var p : kb.getKiePackages()) for (var r : p.getRules()) out.add(r.getName());
        return out;
    }
}

package io.failready.evaluate;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled engine loaded before the command line is read, used only where it is the one asked for. */
class EnginePrefetchTest {
    @Test
    void startsForCommandsThatEvaluateTheBundledRulesOnly() {
        assertTrue(EnginePrefetch.wanted("evaluate", "--snapshot", "s.json", "--config", "c.yaml"));
        assertTrue(EnginePrefetch.wanted("scan", "--demo"));
        assertTrue(EnginePrefetch.wanted("gate", "--snapshot", "s.json", "--config", "c.yaml"));
        assertTrue(EnginePrefetch.wanted("verify", "--demo"));
        // a saved report, user rules, help, other commands: nothing to prefetch
        assertFalse(EnginePrefetch.wanted("gate", "--report", "r.json"));
        assertFalse(EnginePrefetch.wanted("gate", "-r", "r.json"));
        assertFalse(EnginePrefetch.wanted("gate", "--report=r.json"));
        assertFalse(EnginePrefetch.wanted("gate", "-rr.json", "--to", "eu-west-1"));
        assertFalse(EnginePrefetch.wanted("evaluate", "--rules", "mine", "--snapshot", "s.json"));
        assertFalse(EnginePrefetch.wanted("scan", "--demo", "--rules=mine"));
        assertFalse(EnginePrefetch.wanted("evaluate", "--help"));
        assertFalse(EnginePrefetch.wanted("rules", "list"));
        assertFalse(EnginePrefetch.wanted("iam-policy"));
        assertFalse(EnginePrefetch.wanted());
        // an @file's arguments are read by picocli later: they may name a report or rule directories
        assertFalse(EnginePrefetch.wanted("gate", "@runbook-args"));
        assertFalse(EnginePrefetch.wanted("evaluate", "--snapshot", "s.json", "@more"));
        // after "--" nothing is an option
        assertTrue(EnginePrefetch.wanted("evaluate", "--", "--rules"));
    }

    @Test
    void theEngineAskedForIsThePrefetchedOneOnceAndOnlyWhenItMatches() {
        int threads = RuleEngine.evalThreads();
        EnginePrefetch.start("evaluate", "--snapshot", "s.json");
        assertNull(EnginePrefetch.take(List.of(Path.of("user-rules")), threads), "user rules need an engine of their own");
        assertNull(EnginePrefetch.take(List.of(), threads + 1), "another number of rule threads needs other partitions");
        RuleEngine early = EnginePrefetch.take(List.of(), threads);
        assertNotNull(early);
        assertNull(EnginePrefetch.take(List.of(), threads), "taken once");
        RuleEngine loaded = RuleEngine.load(List.of(), threads);
        assertEquals(loaded.catalog().rules().keySet(), early.catalog().rules().keySet());
        assertEquals(loaded.partitions(), early.partitions(), "the same cached rule bases");
    }
}

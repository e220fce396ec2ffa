package io.failready.rules;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled catalog is read from heads the build wrote beside the precompiled model; these tests
 * hold that shortcut to the DRL: same catalog as parsing, and never used for DRL it was not built from.
 */
class RuleHeadsTest {

    @Test
    void theBuildsHeadsAreUsedForTheBundledRulesAndMatchParsingThem() {
        RuleSet bundled = RuleSources.bundledPlus(List.of());
        Map<String, List<RuleHeads.Head>> prebuilt = RuleHeads.bundled(bundled);
        assertNotNull(prebuilt, "the build writes " + RuleHeads.RESOURCE + " for the bundled DRL");
        assertEquals(bundled.sources().size(), prebuilt.size());
        for (RuleSet.DrlSource src : bundled.sources()) {
            assertEquals(RuleCatalog.heads(src), prebuilt.get(src.displayName()), src.displayName());
        }
    }

    @Test
    void bundledDrlOtherThanTheBuildsIsParsedNotReadFromTheHeads() {
        RuleSet bundled = RuleSources.bundledPlus(List.of());
        String id = "DR_DRILL_RECENT";
        String original = bundled.sources().stream().filter(s -> s.text().contains("@id(\"" + id + "\")")).findFirst()
                .orElseThrow().text();
        RuleMetadata before = RuleCatalog.read(bundled).get(id);
        // the same file with another title, as a classes directory edited after the build would hold it
        List<RuleSet.DrlSource> edited = new ArrayList<>();
        for (RuleSet.DrlSource s : bundled.sources()) {
            edited.add(s.text() != original ? s : new RuleSet.DrlSource(s.path(), s.displayName(), s.packageName(),
                    s.text().replace("@title(\"" + before.title() + "\")", "@title(\"Edited after the build\")"), true));
        }
        RuleSet changed = new RuleSet(edited);
        assertNull(RuleHeads.bundled(changed));
        assertEquals("Edited after the build", RuleCatalog.read(changed).get(id).title());
    }

    @Test
    void headsWrittenForOtherDrlOrCutShortAreNotRead() throws Exception {
        List<RuleSet.DrlSource> bundled = RuleSources.bundledPlus(List.of()).sources();
        byte[] bytes = RuleHeads.write(bundled);
        String digest = RuleBaseLoader.digest(bundled);
        assertNotNull(RuleHeads.read(new ByteArrayInputStream(bytes), digest));
        assertNull(RuleHeads.read(new ByteArrayInputStream(bytes), "0".repeat(64)));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertNull(RuleHeads.read(new ByteArrayInputStream(longer), digest));
        boolean cutShortFails = false;
        try {
            RuleHeads.read(new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, bytes.length - 3)), digest);
        } catch (java.io.EOFException e) {
            cutShortFails = true;
        }
        assertTrue(cutShortFails, "a truncated file is an error, which the catalog answers by parsing the DRL");
    }
}

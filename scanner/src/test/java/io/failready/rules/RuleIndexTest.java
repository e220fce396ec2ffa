package io.failready.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gate judges saved reports by rules/catalog.index: it must say what the DRL says. */
class RuleIndexTest {
    @Test
    void committedIndexMatchesTheBundledDrl() throws IOException {
        RuleCatalog catalog = RuleCatalog.read(RuleSources.bundledPlus(List.of()));
        String committed = Files.readString(Path.of("../rules/catalog.index"));
        assertEquals(RuleIndex.format(catalog), committed,
                "rules/catalog.index is stale: regenerate it with ./failready rules list --format index > rules/catalog.index");
        RuleIndex shipped = RuleIndex.bundledPlus(List.of());
        assertEquals(catalog.rules().keySet(), shipped.ids());
        catalog.rules().forEach((id, m) -> assertEquals(new RuleIndex.Entry(m.section(), m.severity()), shipped.get(id), id));
    }
}

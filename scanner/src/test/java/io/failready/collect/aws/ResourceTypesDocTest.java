package io.failready.collect.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/resource-types.md and the snapshot schema agree with the types the collectors declare. */
class ResourceTypesDocTest {
    static final Path DOC = Path.of("..", "docs", "resource-types.md");
    static final Path SNAPSHOT_SCHEMA = Path.of("..", "schemas", "snapshot.schema.json");
    static final String BEGIN = "<!-- BEGIN generated", END = "<!-- END generated -->";

    /** The committed doc with its generated block replaced by what the registry renders now. */
    static String regenerated(String doc) {
        int begin = doc.indexOf(BEGIN), end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/resource-types.md lost its generated-block markers");
        int afterBegin = doc.indexOf("-->", begin) + "-->".length() + 1;
        return doc.substring(0, afterBegin) + ResourceTypes.markdownTable() + doc.substring(end);
    }

    @Test
    void summaryTableIsWhatTheRegistryGenerates() throws IOException {
        String doc = Files.readString(DOC);
        String fresh = regenerated(doc);
        if (Boolean.getBoolean("failready.updateDocs")) Files.writeString(DOC, fresh);
        assertEquals(fresh, Files.readString(DOC), "docs/resource-types.md is stale: regenerate it with "
                + "mvn -o -q test -pl scanner -Dtest=ResourceTypesDocTest -Dfailready.updateDocs=true");
    }

    @Test
    void everyDeclaredTypeHasHandWrittenFieldsAndEveryDocumentedTypeIsDeclared() throws IOException {
        String doc = Files.readString(DOC);
        String fields = doc.substring(doc.indexOf("\n## Types\n"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+::[A-Za-z0-9]*::[A-Za-z0-9]+)` \\|").matcher(fields);
        while (m.find()) documented.add(m.group(1));
        assertEquals(ResourceTypes.all().keySet(), documented,
                "the field descriptions under '## Types' and the types the collectors declare differ");
    }

    @Test
    void gapSectionNamesEveryServiceAGapMayName() throws IOException {
        String doc = Files.readString(DOC);
        String gaps = doc.substring(doc.indexOf("## Collection gaps"), doc.indexOf("## Types and their collectors"));
        for (var d : CollectorRegistry.everyCaller()) {
            for (String service : d.gapServices()) assertTrue(gaps.contains("`" + service + "`"), "'## Collection gaps' does not list " + service);
        }
    }

    @Test
    void everyDeclaredTypeIsAValidSnapshotResourceType() throws IOException {
        JsonNode schema = Json.MAPPER.readTree(SNAPSHOT_SCHEMA.toFile());
        String pattern = schema.findValue("resourceType").path("pattern").asText();
        assertTrue(!pattern.isEmpty(), "the snapshot schema no longer constrains resourceType");
        for (String type : ResourceTypes.all().keySet()) {
            assertTrue(Pattern.compile(pattern).matcher(type).find(), type + " does not match the snapshot schema's " + pattern);
        }
    }
}

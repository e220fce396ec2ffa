package io.failready.gate.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.rules.RuleSources;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Which side each rule judges when a baseline stands in (rules/mappings/incident-baseline.yaml). */
public record BaselineSides(Map<String, Side> sides) {
    public static final String FILE = "mappings/incident-baseline.yaml";

    public enum Side {
        /** Recovery region, global services, configuration: never judged from the baseline. */
        LIVE,
        /** Source-side configuration: judged from the baseline, marked with its age. */
        CONFIGURATION,
        /** Source-side measurement or health: stale by definition, so INSUFFICIENT_DATA. */
        STATE
    }

    public static BaselineSides load() {
        Path f = RuleSources.bundledRoot().resolve(FILE);
        try (InputStream in = Files.newInputStream(f)) {
            JsonNode t = Json.readLocated(in, "rules/" + FILE, true);
            Map<String, Side> out = new TreeMap<>();
            for (Side s : Side.values()) {
                for (JsonNode n : t.path(s.name().toLowerCase(java.util.Locale.ROOT))) {
                    if (out.put(n.asText(), s) != null) throw new IllegalStateException("rules/" + FILE + " lists " + n.asText() + " twice");
                }
            }
            return new BaselineSides(Map.copyOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rule not listed (a user's own rule) reads source-side state: fail closed. */
    public Side of(String ruleId) { return sides.getOrDefault(ruleId, Side.STATE); }
}

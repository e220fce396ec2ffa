package io.failready.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.rules.RuleSources;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which rules the runbook pre-check runs (rules/mappings/failover-precheck.yaml). */
public record FailoverPrecheck(List<String> sections, List<String> rules) {

    public static FailoverPrecheck load() {
        Path f = RuleSources.bundledRoot().resolve("mappings/failover-precheck.yaml");
        try (InputStream in = Files.newInputStream(f)) {
            JsonNode t = Json.readLocated(in, "rules/mappings/failover-precheck.yaml", true);
            List<String> s = new ArrayList<>();
            t.path("sections").forEach(n -> s.add(n.asText()));
            List<String> r = new ArrayList<>();
            t.path("rules").forEach(n -> r.add(n.asText()));
            return new FailoverPrecheck(List.copyOf(s), List.copyOf(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean includes(String ruleId, String section) { return rules.contains(ruleId) || sections.contains(section); }
}

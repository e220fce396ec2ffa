package io.failready.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.cli.FailReady;
import io.failready.util.InputException;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident side is declared once, in each rule's DRL ({@code @incident}), beside {@code @failback}:
 * bundled rules must say it explicitly, a user's rule that does not is read as state (fail closed).
 */
class IncidentSideTest {
    static final Pattern DECLARED = Pattern.compile("(?m)^\\s*@incident\\(\"(live|configuration|state)\"\\)\\s*$");

    @TempDir Path tmp;

    static String rule(String extra) {
        return """
                package rules.mine;

                rule "MY_RULE"
                    @id("MY_RULE")
                    @title("My rule holds")
                    @section("data")
                    @severity("LOW")
                    @resourceType("AWS::S3::Bucket")
                %s
                when
                then
                end
                """.formatted(extra);
    }

    Path userRules(String extra) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("MY_RULE.drl"), rule(extra));
        return dir;
    }

    @Test
    void everyBundledRuleDeclaresItsSide() throws IOException {
        RuleCatalog catalog = RuleCatalog.read(RuleSources.only(List.of(RuleCatalogTest.RULES)));
        Set<String> undeclared = new TreeSet<>();
        Set<String> state = new TreeSet<>();
        for (RuleMetadata m : catalog.rules().values()) {
            var found = DECLARED.matcher(Files.readString(m.drlFile()));
            if (!found.find()) undeclared.add(m.id());
            else assertEquals(found.group(1), m.incident(), m.id());
            if (m.incidentSide() == IncidentSide.STATE) state.add(m.id());
        }
        assertEquals(Set.of(), undeclared, "bundled rules must declare @incident(\"live\"|\"configuration\"|\"state\"): the default is for users' rules");
        // only the lag measured in the source region is stale by definition during an outage
        assertEquals(Set.of("REPLICATION_LAG_WITHIN_RPO"), state);
        // the evidence rules: plans are global (never replaced), drill and restore-testing records are history the outage does not change
        assertEquals(IncidentSide.LIVE, catalog.get("REGION_SWITCH_PLAN_READY").incidentSide());
        assertEquals(IncidentSide.CONFIGURATION, catalog.get("DR_DRILL_RECENT").incidentSide());
        assertEquals(IncidentSide.CONFIGURATION, catalog.get("BACKUP_RESTORE_TESTED").incidentSide());
        assertEquals(IncidentSide.LIVE, catalog.get("ROUTE53_FAILOVER_RECORDS_CONFIGURED").incidentSide());
    }

    @Test
    void aUserRuleWithoutTheAnnotationIsStateAndRulesListSaysSo() throws Exception {
        Path dir = userRules("");
        assertEquals(IncidentSide.STATE, RuleCatalog.read(RuleSources.only(List.of(dir))).get("MY_RULE").incidentSide());
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "rules", "list", "--format", "json", "--rules", dir.toString());
        assertEquals(0, exit, e::toString);
        boolean mine = false, bundled = false;
        for (JsonNode r : Json.MAPPER.readTree(o.toString())) {
            if (r.path("id").asText().equals("MY_RULE")) {
                mine = true;
                assertEquals("state", r.path("incident").asText(), r::toString);
                assertEquals("reverse", r.path("failback").asText(), r::toString);
            }
            if (r.path("id").asText().equals("CLOUDFRONT_ORIGIN_FAILOVER_CONFIGURED")) {
                bundled = true;
                assertEquals("live", r.path("incident").asText(), r::toString);
                assertEquals("forward", r.path("failback").asText(), r::toString);
            }
        }
        assertTrue(mine && bundled, o::toString);
    }

    @Test
    void aDeclaredSideIsRead() throws IOException {
        Path dir = userRules("    @incident(\"configuration\")");
        assertEquals(IncidentSide.CONFIGURATION, RuleCatalog.read(RuleSources.only(List.of(dir))).get("MY_RULE").incidentSide());
    }

    @Test
    void anUnknownSideIsRefusedNamingTheFileAndLine() throws IOException {
        Path dir = userRules("    @incident(\"primary\")");
        InputException e = assertThrows(InputException.class, () -> RuleCatalog.read(RuleSources.only(List.of(dir))));
        assertTrue(e.describe().contains("MY_RULE.drl") && e.getMessage().contains("@incident(\"primary\") must be live, configuration or state"),
                e.getMessage());
    }
}

package io.failready.rules;

import io.failready.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failback mode is declared once, in each rule's DRL; docs/failback.md is the table readers
 * see, so it must say the same for every bundled rule. A custom rule's @failback is checked like
 * its other annotations.
 */
class FailbackDocTest {
    @TempDir Path tmp;

    @Test
    void docsTableMatchesEveryBundledRulesAnnotation() throws IOException {
        RuleCatalog catalog = RuleCatalog.read(RuleSources.only(List.of(RuleCatalogTest.RULES)));
        Map<String, String> declared = new TreeMap<>();
        catalog.rules().values().forEach(m -> declared.put(m.id(), m.failback()));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| \\w+ \\| `([A-Z0-9_]+)` \\| (\\w+) \\|$")
                .matcher(Files.readString(Path.of("..", "docs", "failback.md")));
        while (row.find()) documented.put(row.group(1), row.group(2));
        assertEquals(declared, documented, "docs/failback.md must list every bundled rule with its @failback mode");
        // the two rules whose own mechanism returns the load are judged on the declared roles
        assertEquals("forward", declared.get("ROUTE53_FAILOVER_RECORDS_CONFIGURED"));
        assertEquals("forward", declared.get("CLOUDFRONT_ORIGIN_FAILOVER_CONFIGURED"));
        assertEquals("reverse", declared.get("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION"));
    }

    @Test
    void anUnknownFailbackModeIsRefusedNamingTheFileAndLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("MY_RULE.drl"), """
                package rules.mine;

                rule "MY_RULE"
                    @id("MY_RULE")
                    @title("My rule holds")
                    @section("data")
                    @severity("LOW")
                    @resourceType("AWS::S3::Bucket")
                    @failback("backwards")
                when
                then
                end
                """);
        InputException e = assertThrows(InputException.class, () -> RuleCatalog.read(RuleSources.only(List.of(dir))));
        assertTrue(e.getMessage().contains("@failback(\"backwards\") must be reverse, forward or same"),
                e.getMessage());
    }
}

package io.failready.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, truncated, oversized and hostile inputs to every parser (configuration, waiver file,
 * snapshot, report, rule fixture, flags), generated from valid inputs by seeded mutation. The
 * contract for every one: no crash (never exit 1), no stack trace, a "failready: FILE..." message
 * when refused (exit 2), and no partial report on disk.
 */
class HostileInputTest {
    @TempDir Path tmp;
    Path snapshot, config, report;

    static final long SEED = 20261122L;

    @BeforeEach
    void validInputs() throws IOException {
        snapshot = tmp.resolve("snapshot.json");
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false));
        config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                version: 1
                workloads:
                  - name: payments
                    owner: sre@example.com
                    accounts: [{id: "111111111111"}]
                    primaryRegion: us-east-1
                    recoveryRegions: [eu-west-1]
                    strategy: warm-standby
                    rto: 30m
                    rpo: 5m
                    waivers:
                      - {rule: SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION, resource: "x*", reason: r, approver: a, expires: 2099-01-01}
                """);
        Path out = tmp.resolve("valid-out");
        CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", config.toString(), "--out", out.toString(), "--format", "json");
        report = out.resolve("report.json");
    }

    /** Mutations of a valid text: truncations, byte flips, deletions, duplications and hostile payloads. */
    static List<String[]> mutations(String valid, int count, boolean yaml) {
        Random rnd = new Random(SEED + valid.length());
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = rnd.nextInt(valid.length()), b = Math.min(valid.length(), a + 1 + rnd.nextInt(40));
            switch (i % 6) {
                case 0 -> out.add(new String[]{"truncated at " + a, valid.substring(0, a)});
                case 1 -> {
                    char[] c = valid.toCharArray();
                    c[a] = "{}[]:,\"'\\\n\t-#&*!|>%@`\u0000\u00ff".charAt(rnd.nextInt(23));
                    out.add(new String[]{"byte " + a + " replaced", new String(c)});
                }
                case 2 -> out.add(new String[]{"chars " + a + ".." + b + " deleted", valid.substring(0, a) + valid.substring(b)});
                case 3 -> out.add(new String[]{"chars " + a + ".." + b + " duplicated", valid.substring(0, b) + valid.substring(a)});
                case 4 -> out.add(new String[]{"random bytes", randomText(rnd, 200)});
                default -> out.add(new String[]{"value at " + a + " replaced by a number", valid.substring(0, a) + "12345" + valid.substring(b)});
            }
        }
        out.add(new String[]{"empty", ""});
        out.add(new String[]{"deeply nested", "[".repeat(20_000) + "]".repeat(20_000)});
        out.add(new String[]{"huge string", (yaml ? "version: " : "{\"schemaVersion\": \"") + "x".repeat(30_000_000) + (yaml ? "\n" : "\"}")});
        out.add(new String[]{"not an object", yaml ? "- just\n- a list\n" : "[1, 2, 3]"});
        if (yaml) {
            out.add(new String[]{"alias bomb", "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                    + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"});
            out.add(new String[]{"custom tag", "workloads: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n"});
        }
        return out;
    }

    static String randomText(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    Stream<DynamicTest> cases(String what, String valid, boolean yaml, int count, Function<Path, String[]> command) {
        return mutations(valid, count, yaml).stream().map(m -> DynamicTest.dynamicTest(what + ": " + m[0], () -> {
            Path f = tmp.resolve(what.replace(' ', '-') + (yaml ? ".yaml" : ".json"));
            Files.writeString(f, m[1], StandardCharsets.ISO_8859_1);
            Path out = tmp.resolve("out-" + Math.abs(m[0].hashCode()));
            String[] base = command.apply(f);
            String[] args = java.util.Arrays.copyOf(base, base.length + 2);
            args[base.length] = "--out";
            args[base.length + 1] = out.toString();
            if (base[0].equals("gate")) args = base; // gate writes nothing
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertNotEquals(1, r.exit(), "internal error on " + m[0] + ": " + r.err());
            assertFalse(r.err().contains("\tat "), "stack trace on " + m[0] + ": " + r.err());
            if (r.exit() == 2) {
                assertTrue(r.err().startsWith("failready: "), r.err());
                assertTrue(r.err().contains(f.getFileName().toString()) || r.err().contains("--"), "names the file: " + r.err());
                assertTrue(r.err().length() < 2000, "one paragraph, not a dump: " + r.err().length() + " chars");
                assertFalse(Files.exists(out.resolve("report.json")), "partial report written");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> configurations() throws IOException {
        return cases("config", Files.readString(config), true, 30,
                f -> new String[]{"evaluate", "--snapshot", snapshot.toString(), "--config", f.toString()});
    }

    @TestFactory
    Stream<DynamicTest> snapshots() throws IOException {
        return cases("snapshot", Files.readString(snapshot), false, 30,
                f -> new String[]{"evaluate", "--snapshot", f.toString(), "--config", config.toString()});
    }

    @TestFactory
    Stream<DynamicTest> reports() throws IOException {
        return cases("report", Files.readString(report), false, 30, f -> new String[]{"gate", "--report", f.toString()});
    }

    @TestFactory
    Stream<DynamicTest> waiverFiles() {
        String valid = """
                version: 1
                waivers:
                  - rule: SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION
                    resource: "prod/*"
                    reason: accepted
                    approver: ciso@example.com
                    expires: 2099-01-01
                """;
        return cases("waivers", valid, true, 20, f -> new String[]{"gate", "--report", report.toString(), "--waivers", f.toString()});
    }

    @TestFactory
    Stream<DynamicTest> ruleFixtures() throws IOException {
        Path fixture = Path.of("..", "rules", "security", "SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION", "fixtures", "non_compliant-no-replica.json");
        String valid = Files.readString(fixture);
        return mutations(valid, 12, false).stream().map(m -> DynamicTest.dynamicTest("fixture: " + m[0], () -> {
            Path dir = Files.createDirectories(tmp.resolve("fx" + Math.abs(m[0].hashCode()) + "/SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION/fixtures"));
            Files.writeString(dir.resolve("non_compliant-mutated.json"), m[1], StandardCharsets.ISO_8859_1);
            CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.getParent().getParent().toString());
            assertNotEquals(1, r.exit(), "internal error on " + m[0] + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }));
    }

    @TestFactory
    Stream<DynamicTest> flags() {
        List<String[]> bad = List.of(
                new String[]{"scan", "--demo", "--format", ""},
                new String[]{"scan", "--demo", "--as-of", "yesterday"},
                new String[]{"scan", "--demo", "--rule-timeout", "forever"},
                new String[]{"scan", "--demo", "--max-rule-firings", "-5"},
                new String[]{"gate", "--report", "a.json", "--snapshot", "b.json"},
                new String[]{"gate", "--demo", "--max-age", "soon"},
                new String[]{"gate", "--demo", "--min-score", "eighty"},
                new String[]{"gate", "--demo", "--min-score", "140"},
                new String[]{"gate", "--demo", "--max-lines", "x"},
                new String[]{"evaluate", "--snapshot"},
                new String[]{"rules", "list", "--format", "xml"},
                new String[]{"no-such-command"},
                new String[]{"init", "--accounts", "12345", "--output", "/dev/null/x.yaml"});
        return bad.stream().map(a -> DynamicTest.dynamicTest("flags: " + String.join(" ", a), () -> {
            CliTestSupport.Result r = CliTestSupport.run(a);
            assertTrue(r.exit() == 2, "exit " + r.exit() + " for " + String.join(" ", a) + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }));
    }
}

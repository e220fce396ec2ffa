package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ci/runbook-precheck.sh: what it passes to failready (with a recording stand-in for the
 * launcher), its usage, and one real run on the demo estate.
 */
class RunbookPrecheckTest {
    static final Path SCRIPT = Path.of("../ci/runbook-precheck.sh").toAbsolutePath().normalize();
    @TempDir Path tmp;

    record Run(int exit, String out, String err) {}

    Run run(Path launcher, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        if (launcher != null) pb.environment().put("FAILREADY", launcher.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        return new Run(p.waitFor(), out, err.get());
    }

    static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A launcher that logs each command line and answers like failready would (scan/evaluate write the report). */
    Path recorder() throws IOException {
        Path f = tmp.resolve("fake-failready");
        Files.writeString(f, """
                #!/usr/bin/env bash
                echo "$*" >> "$(dirname "$0")/calls.log"
                out=""; prev=""
                for a in "$@"; do [[ "$prev" == --out ]] && out="$a"; prev="$a"; done
                case "$1" in
                  scan|evaluate) mkdir -p "$out" && echo '{}' > "$out/report.json"; exit 3 ;;
                  gate) echo "NO-GO  w failover"; exit 3 ;;
                esac
                exit 1
                """);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    List<String> calls() throws IOException {
        return Files.readAllLines(tmp.resolve("calls.log")).stream().map(l -> l.replaceAll("failready-precheck-\\d{8}T\\d{6}Z", "OUT")).toList();
    }

    @Test
    void configGivenEitherWayIsUsedForTheScanAndForTheGatesPolicy() throws Exception {
        Path fake = recorder();
        for (String[] form : List.of(new String[]{"--config", "my.yaml"}, new String[]{"--config=my.yaml"}, new String[]{"-c", "my.yaml"})) {
            Files.deleteIfExists(tmp.resolve("calls.log"));
            List<String> args = new ArrayList<>(List.of("eu-west-1"));
            args.addAll(List.of(form));
            args.addAll(List.of("--profile", "audit", "--fail-on", "CRITICAL", "--allow-unknown", "--warn-only=DR_DRILL_RECENT"));
            Run r = run(fake, args.toArray(String[]::new));
            assertEquals(3, r.exit(), r.out() + r.err());
            assertEquals(List.of("scan --config my.yaml --profile audit --out OUT --format json,md",
                    "gate --to eu-west-1 --report OUT/report.json --config my.yaml --fail-on CRITICAL --allow-unknown --warn-only=DR_DRILL_RECENT"),
                    calls(), String.join(" ", form));
            assertTrue(r.out().contains("=> NO-GO"), r.out());
            assertTrue(r.out().matches("(?s).*Report: failready-precheck-\\d{8}T\\d{6}Z/report\\.json\n.*"), r.out());
        }
    }

    @Test
    void savedReportAndSnapshotAreGatedWithTheConfig() throws Exception {
        Path fake = recorder();
        Run r = run(fake, "eu-west-1", "--report", "last/report.json", "--config=c.yaml", "--max-age", "2h");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(List.of("gate --to eu-west-1 --report last/report.json --config c.yaml --max-age 2h"), calls());
        Files.delete(tmp.resolve("calls.log"));
        r = run(fake, "eu-west-1", "--snapshot=s.json.gz", "--config", "c.yaml", "--out", "evidence", "--rules", "extra", "--format=html");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(List.of("evaluate --snapshot s.json.gz --config c.yaml --rules extra --out evidence --format json,md,html",
                "gate --to eu-west-1 --report evidence/report.json --config c.yaml --rules extra"), calls());
        assertTrue(r.out().contains("Report: evidence/report.json"), r.out());
    }

    @Test
    void failbackScansRecoveryToPrimaryAndPassesFromToBoth() throws Exception {
        Path fake = recorder();
        Run r = run(fake, "us-east-1", "--failback", "--from", "eu-west-1", "--snapshot", "s.json", "--config", "c.yaml", "--out", "fb");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(List.of("evaluate --snapshot s.json --config c.yaml --direction recovery-to-primary --from eu-west-1 --out fb --format json,md",
                "gate --to us-east-1 --report fb/report.json --config c.yaml --from eu-west-1"), calls());
        assertTrue(r.out().startsWith("Failback pre-check: -> us-east-1"), r.out());
        Files.delete(tmp.resolve("calls.log"));
        // a saved report is gated as it is: the gate refuses one without a failback result
        r = run(fake, "us-east-1", "--failback", "--report", "r.json");
        assertEquals(List.of("gate --to us-east-1 --report r.json"), calls());
    }

    @Test
    void ruleDirectoriesAndTheClockReachTheGateToo() throws Exception {
        // the gate re-derives severities from the catalog: without the scan's --rules it refused the
        // scan's own report (exit 2), and --as-of (needed with --max-age on the demo) was refused with --report
        Path fake = recorder();
        Run r = run(fake, "eu-west-1", "--demo", "--rules", "team", "--as-of=2026-11-20T06:30:00Z", "--max-age", "1h",
                "--decision-out", "d.json");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(List.of("scan --demo --rules team --as-of=2026-11-20T06:30:00Z --out OUT --format json,md",
                "gate --to eu-west-1 --report OUT/report.json --config " + SCRIPT.getParent().resolve("../demo/payments.yaml")
                        + " --rules team --as-of=2026-11-20T06:30:00Z --max-age 1h --decision-out d.json"), calls());
        Files.delete(tmp.resolve("calls.log"));
        r = run(fake, "eu-west-1", "--report", "r.json", "--rules", "team", "--as-of", "2026-11-20T06:30:00Z");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(List.of("gate --to eu-west-1 --report r.json --rules team --as-of 2026-11-20T06:30:00Z"), calls());
    }

    @Test
    void usageOnHelpAndBadArgumentsWithoutTheScriptText() throws Exception {
        for (String h : List.of("-h", "--help")) {
            Run r = run(null, h);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("Usage: ci/runbook-precheck.sh REGION [OPTIONS]"), r.out());
            assertFalse(r.out().contains("#!") || r.out().contains("set -uo") || r.out().contains("usage()"), r.out());
        }
        for (String[] bad : List.of(new String[]{}, new String[]{"--demo"}, new String[]{"eu-west-1x"}, new String[]{"eu-west-1", "extra"},
                new String[]{"eu-west-1", "--config"}, new String[]{"eu-west-1", "--fail-on"}, new String[]{"eu-west-1", "--demo", "--config", "c.yaml"},
                new String[]{"eu-west-1", "--report", "r.json", "--snapshot", "s.json"})) {
            Run r = run(tmp.resolve("never-called"), bad);
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("runbook-precheck: ") && r.err().contains("--help"), String.join(" ", bad) + ": " + r.err());
            assertFalse(r.err().contains("set -uo"), r.err());
        }
    }

    @Test
    void demoWritesTheReportItPointsToAndStatesAgeCountsAndRunbooks() throws Exception {
        Path launcher = tmp.resolve("failready-java");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' io.failready.cli.FailReady \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Run r = run(launcher, "eu-west-1", "--demo");
        assertEquals(3, r.exit(), r.out() + r.err());
        Matcher m = Pattern.compile("(?m)^Report: (\\S+)$").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Files.size(tmp.resolve(m.group(1))) > 1000, "the report the output names exists");
        assertTrue(Pattern.compile("(?m)^  INVENTORY collected 2026-11-20T06:00:00Z \\(\\d+d \\d+h old\\)$").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("(?m)^  COUNTS \\d+ blocking, \\d+ lacking data$").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("  RUNBOOK failover: https://wiki.example.com/payments/runbooks/failover-eu-west-1\n"), r.out());
        assertTrue(r.out().contains("  RUNBOOK failback: none declared\n"), r.out());
        assertTrue(r.out().contains("=> NO-GO"), r.out());
    }

    @Test
    void gateWithoutConfigSaysWhereRunbooksWouldComeFrom() throws IOException {
        Path out = tmp.resolve("out");
        CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "json");
        var r = CliTestSupport.run("gate", "--to", "eu-west-1", "--report", out.resolve("report.json").toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("  RUNBOOK unknown: pass --config FILE to show the workload's runbooks"), r.out());
        assertTrue(r.out().contains("  INVENTORY collected 2026-11-20T06:00:00Z ("), r.out());
    }
}

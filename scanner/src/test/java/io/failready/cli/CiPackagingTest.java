package io.failready.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Action (action.yml) and the GitLab template (ci/gitlab/failready.gitlab-ci.yml) run
 * for real: their shell steps are taken from the YAML, their ${{ }} expressions and variables
 * filled in as the CI system would, and run with bash against the demo estate, with failready
 * being this build's classes. The examples in ci/ must use them.
 */
class CiPackagingTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String DEMO_CLOCK = "2026-11-20T06:30:00Z"; // the demo inventory is fixed in time; see ci/test-examples.sh

    @TempDir static Path tmp;
    static Path home;

    /** A failready launcher running this build's classes, standing in for the repository's ./failready. */
    @BeforeAll
    static void launcher() throws IOException {
        home = Files.createDirectories(tmp.resolve("failready-home"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path cp = tmp.resolve("classpath.txt");
        Files.writeString(cp, System.getProperty("java.class.path"));
        Path script = home.resolve("failready");
        Files.writeString(script, "#!/usr/bin/env bash\nexec '" + java + "' -cp \"$(cat '" + cp + "')\" io.failready.cli.FailReady \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theActionScansSummarisesAndGatesTheDemo() throws Exception {
        JsonNode action = Json.YAML.readTree(Files.readString(ROOT.resolve("action.yml")));
        assertEquals("composite", action.path("runs").path("using").asText());
        for (String in : List.of("config", "formats", "fail-on", "max-age")) assertTrue(action.path("inputs").has(in), "input " + in);
        String all = action.toString();
        assertTrue(all.contains("github/codeql-action/upload-sarif") && all.contains("report.sarif"), "uploads SARIF to code scanning");
        assertTrue(all.contains("junit.xml") && all.contains("GITHUB_STEP_SUMMARY"), "JUnit test report and the job summary");

        Path work = Files.createDirectories(tmp.resolve("gh"));
        Map<String, String> inputs = new HashMap<>();
        action.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().path("default").asText()));
        inputs.put("config", "");
        inputs.put("scan-args", "--demo");
        inputs.put("gate-args", "--as-of " + DEMO_CLOCK);
        Path output = Files.createFile(work.resolve("github_output")), summary = Files.createFile(work.resolve("step_summary"));
        Map<String, Integer> exits = new HashMap<>();
        for (JsonNode step : action.path("runs").path("steps")) {
            if (!step.has("run")) continue;
            Map<String, String> env = new HashMap<>();
            step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), githubExpr(e.getValue().asText(), inputs)));
            env.put("GITHUB_OUTPUT", output.toString());
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            exits.put(step.path("name").asText(), bash(step.path("run").asText(), env, work));
        }
        assertEquals(0, exits.get("Scan"), "a NOT_READY scan is a verdict for the gate, not a failed step");
        assertTrue(Files.readString(output).contains("exit=3"));
        assertTrue(Files.readString(summary).contains("failready: NOT_READY"), "the job summary is summary.md");
        for (String f : List.of("report.json", "report.sarif", "junit.xml", "summary.md")) assertTrue(Files.exists(work.resolve("failready-out").resolve(f)), f);
        assertEquals(3, exits.get("Gate"), "the gate's exit code fails the job");
    }

    @Test
    void theGitlabTemplateScansAndGatesTheDemo() throws Exception {
        JsonNode job = Json.YAML.readTree(Files.readString(ROOT.resolve("ci/gitlab/failready.gitlab-ci.yml"))).path(".failready");
        assertEquals("$FAILREADY_OUT/junit.xml", job.path("artifacts").path("reports").path("junit").asText());
        Path work = Files.createDirectories(tmp.resolve("gl"));
        Map<String, String> env = new HashMap<>();
        job.path("variables").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("FAILREADY_HOME", home.toString());
        env.put("FAILREADY_CONFIG", "");
        env.put("FAILREADY_SCAN_ARGS", "--demo");
        env.put("FAILREADY_GATE_ARGS", "--as-of " + DEMO_CLOCK);
        List<Integer> exits = new ArrayList<>();
        // GitLab runs the script lines in one shell with errexit: a failing line ends the job
        for (JsonNode line : job.path("script")) {
            int code = bash("set -eo pipefail\n" + line.asText(), env, work);
            exits.add(code);
            if (code != 0) break;
        }
        assertEquals(List.of(0, 3), exits, "scan passes its verdict on; the gate fails the job");
        assertTrue(Files.exists(work.resolve("failready-out/junit.xml")));
    }

    @Test
    void theCiExamplesUseTheActionAndTheTemplate() throws IOException {
        JsonNode wf = Json.YAML.readTree(Files.readString(ROOT.resolve("ci/github-actions.yml")));
        boolean usesAction = false;
        for (JsonNode s : wf.path("jobs").path("failready").path("steps")) usesAction |= s.path("uses").asText().equals("./");
        assertTrue(usesAction, "ci/github-actions.yml uses the action");
        JsonNode gl = Json.YAML.readTree(Files.readString(ROOT.resolve("ci/gitlab-ci.yml")));
        assertEquals("ci/gitlab/failready.gitlab-ci.yml", gl.path("include").get(0).path("local").asText());
        assertEquals(".failready", gl.path("failready").path("extends").asText());
    }

    static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

    /** The two kinds of expression the action's env blocks use: inputs.NAME and github.action_path. */
    static String githubExpr(String s, Map<String, String> inputs) {
        Matcher m = EXPR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String v;
            if (e.equals("github.action_path")) v = home.toString();
            else if (e.startsWith("inputs.")) v = inputs.getOrDefault(e.substring(7), "");
            else throw new AssertionError("unexpected expression in a run step's env: " + e);
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static int bash(String script, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "step timed out: " + out);
        if (p.exitValue() != 0 && p.exitValue() != 3) System.err.println(out);
        return p.exitValue();
    }
}

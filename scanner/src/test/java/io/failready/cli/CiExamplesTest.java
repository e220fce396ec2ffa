package io.failready.cli;

import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI examples in ci/ parse, and every failready command they run names a real subcommand
 * with real options (ci/test-examples.sh then runs them against the demo with the built jar; the
 * GitHub Action and the GitLab template the other examples use are run by CiPackagingTest).
 */
class CiExamplesTest {
    static final Path CI = Path.of("..", "ci");
    static final Pattern CMD = Pattern.compile("\\./failready ([^|'\\n]*)");

    @Test
    void yamlExamplesParse() throws IOException {
        for (String f : List.of("github-actions.yml", "gitlab-ci.yml", "gitlab/failready.gitlab-ci.yml", "../action.yml")) {
            var tree = Json.YAML.readTree(Files.readString(CI.resolve(f)));
            assertTrue(tree.isObject() && tree.size() > 0, f + " is empty");
        }
        String jenkins = Files.readString(CI.resolve("Jenkinsfile"));
        assertEquals(jenkins.chars().filter(c -> c == '{').count(), jenkins.chars().filter(c -> c == '}').count(), "Jenkinsfile braces balance");
    }

    @Test
    void everyFailreadyCommandInTheExamplesIsValid() throws IOException {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (String f : List.of("github-actions.yml", "gitlab-ci.yml", "Jenkinsfile", "runbook-precheck.sh")) {
            Matcher m = CMD.matcher(Files.readString(CI.resolve(f)));
            while (m.find()) {
                String line = m.group(1).replaceAll("\\s+\\|\\|.*", "").trim();
                String[] words = line.split("\\s+");
                CommandLine root = FailReady.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()));
                CommandLine sub = root.getSubcommands().get(words[0]);
                if (sub == null) { problems.add(f + ": no subcommand '" + words[0] + "'"); continue; }
                for (String w : words) {
                    if (w.startsWith("--") && sub.getCommandSpec().findOption(w) == null) problems.add(f + ": '" + words[0] + "' has no option " + w);
                }
                seen++;
            }
        }
        // the GitHub and GitLab examples call failready through the action and the template, which CiPackagingTest runs
        assertTrue(seen >= 2, "expected the examples to run failready several times, found " + seen);
        assertEquals(List.of(), problems);
    }

    static final Pattern DOCKER = Pattern.compile("^docker (build|tag|push)\\b(.*)$", Pattern.MULTILINE);
    static final Pattern IMAGE = Pattern.compile("(?m)^\\s*\"?image\"?\\s*:\\s*\"?([^\"\\s,]+)");

    /**
     * One image name: the README builds failready:VERSION (the project's version), tags it for the
     * registry and pushes that name, and every container the Kubernetes and AWS Batch examples run
     * is that pushed name.
     */
    @Test
    void theContainerExamplesRunTheImageTheReadmeBuildsAndPushes() throws IOException {
        Matcher m = DOCKER.matcher(Files.readString(Path.of("..", "README.md")));
        List<String[]> docker = new ArrayList<>();
        while (m.find()) docker.add(new String[] {m.group(1), m.group(2).trim()});
        String built = docker.stream().filter(d -> d[0].equals("build")).map(d -> d[1].replaceAll(".*-t (\\S+).*", "$1")).findFirst().orElseThrow();
        assertEquals("failready:" + VersionProvider.version(), built, "the README builds the image as failready:<project version>");
        String[] tag = docker.stream().filter(d -> d[0].equals("tag")).findFirst().orElseThrow()[1].split("\\s+");
        assertEquals(built, tag[0], "the README tags the image it built");
        String pushed = docker.stream().filter(d -> d[0].equals("push")).findFirst().orElseThrow()[1];
        assertEquals(tag[1], pushed, "the README pushes the name it tagged");

        int seen = 0;
        for (String f : List.of("k8s-indexed-job.yaml", "aws-batch-job-definition.json", "aws-batch-array-job.json", "aws-batch-merge-job.json")) {
            Matcher im = IMAGE.matcher(Files.readString(CI.resolve(f)));
            while (im.find()) { assertEquals(pushed, im.group(1), f + " runs another image"); seen++; }
        }
        assertTrue(seen >= 3, "the Kubernetes jobs and the Batch job definition name their image, found " + seen);
        String arrayJob = Files.readString(CI.resolve("aws-batch-array-job.json")), mergeJob = Files.readString(CI.resolve("aws-batch-merge-job.json"));
        String definition = Json.MAPPER.readTree(Files.readString(CI.resolve("aws-batch-job-definition.json"))).path("jobDefinitionName").asText();
        for (String job : List.of(arrayJob, mergeJob)) {
            assertEquals(definition, Json.MAPPER.readTree(job).path("jobDefinition").asText(), "the Batch jobs run the job definition that names the image");
        }
    }

    static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w$}.])/[A-Za-z][\\w./-]*");

    /**
     * The container examples run on the image as built: as its non-root user on a read-only root
     * filesystem, with no AWS CLI in it. So each job shares its files through a mounted volume, and
     * every path a command reads or writes is on one of the container's mounts.
     */
    @Test
    void theContainerExamplesRunOnTheReadOnlyNonRootImageWithoutAnAwsCli() throws IOException {
        List<String> problems = new ArrayList<>();
        var definition = Json.MAPPER.readTree(Files.readString(CI.resolve("aws-batch-job-definition.json"))).path("containerProperties");
        if (!definition.path("readonlyRootFilesystem").asBoolean()) problems.add("the Batch job definition must keep the root filesystem read-only");
        List<String> batchMounts = new ArrayList<>();
        definition.path("mountPoints").forEach(mp -> batchMounts.add(mp.path("containerPath").asText()));
        for (String f : List.of("aws-batch-array-job.json", "aws-batch-merge-job.json")) {
            var command = Json.MAPPER.readTree(Files.readString(CI.resolve(f))).path("containerOverrides").path("command");
            checkCommand(f, command.get(command.size() - 1).asText(), batchMounts, problems);
        }
        for (var doc : Json.YAML.readerFor(com.fasterxml.jackson.databind.JsonNode.class).<com.fasterxml.jackson.databind.JsonNode>readValues(Files.readString(CI.resolve("k8s-indexed-job.yaml"))).readAll()) {
            if (!doc.path("kind").asText().equals("Job")) continue;
            String job = "k8s " + doc.path("metadata").path("name").asText();
            var pod = doc.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) problems.add(job + ": no runAsNonRoot");
            List<String> emptyDirs = new ArrayList<>();
            pod.path("volumes").forEach(v -> { if (v.has("emptyDir")) emptyDirs.add(v.path("name").asText()); });
            for (var c : pod.path("containers")) {
                if (!c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()) problems.add(job + ": root filesystem not read-only");
                List<String> mounts = new ArrayList<>();
                boolean tmp = false;
                for (var m : c.path("volumeMounts")) {
                    mounts.add(m.path("mountPath").asText());
                    tmp |= m.path("mountPath").asText().equals("/tmp") && emptyDirs.contains(m.path("name").asText());
                }
                if (!tmp) problems.add(job + ": no emptyDir at /tmp for the JVM's temporary files");
                StringBuilder cmd = new StringBuilder();
                c.path("args").forEach(a -> cmd.append(a.asText()).append(' '));
                checkCommand(job, cmd.toString(), mounts, problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void checkCommand(String where, String command, List<String> mounts, List<String> problems) {
        if (command.matches("(?s).*(^|[;&|{(]\\s*)aws\\s.*")) problems.add(where + ": runs the AWS CLI, which the image does not have");
        // the shared volume outlives the jobs: an inventory a previous run left there must not decide GO
        if (command.contains("failready gate") && !command.contains("--max-age")) problems.add(where + ": gates without --max-age");
        Matcher p = ABSOLUTE_PATH.matcher(command);
        while (p.find()) {
            String path = p.group();
            if (path.startsWith("/dev/")) continue;
            if (mounts.stream().noneMatch(m -> path.equals(m) || path.startsWith(m + "/"))) problems.add(where + ": " + path + " is on none of the mounts " + mounts);
        }
    }

    @Test
    void runbookPrecheckUsesTheGateDirection() throws IOException {
        String s = Files.readString(CI.resolve("runbook-precheck.sh"));
        assertTrue(s.contains("gate --to"), "the runbook pre-check must use gate --to");
        assertFalse(s.contains("--allow-unknown\"") , "the pre-check must fail closed by default");
    }
}

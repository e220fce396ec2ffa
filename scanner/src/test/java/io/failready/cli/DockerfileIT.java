package io.failready.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container image without a container engine (none runs on the build machines): the Dockerfile
 * is parsed, its RUN steps must be the scripts in packaging/, and the runtime stage's install step is
 * run as written, with a temporary directory standing in for the image's root and this build's jar
 * (the build stage's step, packaging/build-jar.sh, is the `package` this `mvn verify` has just run).
 * The installed entrypoint is then run by name from the PATH, as the Dockerfile's user where the
 * test may switch users: the demo scan exits 3, --version answers, the gate reads the written
 * report, and each run maps the class-data archive built at install time.
 *
 * Runs in the integration-test phase (after the shaded jar is built), not with the unit tests.
 */
class DockerfileIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("scanner/target/failready.jar");
    /** The bundled tree (rules, demo, templates, schemas), on the jar's Class-Path. */
    static final Path BUNDLE = ROOT.resolve("scanner/target/failready-bundle.jar");

    record Instruction(String keyword, String args) {}

    /** The Dockerfile's instructions, continuation lines joined, comments and blank lines dropped. */
    static List<Instruction> instructions() throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
            String t = line.strip();
            if (cur.isEmpty() && (t.isEmpty() || t.startsWith("#"))) continue;
            if (t.endsWith("\\")) { cur.append(t, 0, t.length() - 1).append(' '); continue; }
            cur.append(t);
            String[] kv = cur.toString().split("\\s+", 2);
            out.add(new Instruction(kv[0].toUpperCase(), kv.length > 1 ? kv[1].strip() : ""));
            cur.setLength(0);
        }
        return out;
    }

    /** The instructions of each stage, in order. */
    static List<List<Instruction>> stages() throws IOException {
        List<List<Instruction>> stages = new ArrayList<>();
        for (Instruction i : instructions()) {
            if (i.keyword().equals("FROM")) stages.add(new ArrayList<>());
            if (!stages.isEmpty()) stages.get(stages.size() - 1).add(i);
        }
        return stages;
    }

    /** A RUN step's command, without its --mount (and other) flags. */
    static String command(Instruction run) {
        String s = run.args();
        while (s.startsWith("--")) s = s.split("\\s+", 2)[1];
        return s;
    }

    static List<Instruction> of(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    @Test
    void theDockerfileBuildsInOneStageAndRunsAsANonRootUserInASecond() throws IOException {
        List<List<Instruction>> stages = stages();
        assertEquals(2, stages.size(), "a build stage and a runtime stage");
        String buildFrom = stages.get(0).get(0).args(), runFrom = stages.get(1).get(0).args();
        assertTrue(buildFrom.matches("maven:\\S*temurin-17\\S* AS build"), "a Maven + JDK 17 build stage: " + buildFrom);
        assertTrue(runFrom.matches("eclipse-temurin:17-jre\\S*"), "a JRE 17 base: " + runFrom);
        assertEquals(List.of("packaging/build-jar.sh"), of(stages.get(0), "RUN").stream().map(DockerfileIT::command).toList(),
                "the build stage's one RUN step is the script ./failready builds with");

        List<Instruction> runtime = stages.get(1);
        List<Instruction> users = of(runtime, "USER");
        assertEquals(1, users.size());
        String uid = users.get(0).args().split(":")[0];
        assertTrue(uid.matches("[1-9][0-9]*"), "a numeric non-root user (Kubernetes' runAsNonRoot can check it): " + uid);
        assertTrue(runtime.indexOf(users.get(0)) > runtime.indexOf(of(runtime, "RUN").get(0)), "the install runs as root, the image as the user");
        assertEquals(List.of(new Instruction("ENTRYPOINT", "[\"failready\"]")), of(runtime, "ENTRYPOINT"));
        assertTrue(of(runtime, "RUN").stream().anyMatch(r -> command(r).startsWith("/src/packaging/install.sh ")), "the runtime stage installs with packaging/install.sh");

        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertTrue(ignored.contains("**/target") && ignored.contains(".git"),
                "the build context leaves out local build output (a stale jar or archive) and .git");
    }

    @Test
    void theImageStepsInstallAnEntrypointThatUsesItsClassDataArchives(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && isFresh(), "needs this build's shaded jar (mvn package / the integration-test phase)");
        Path image = Files.createDirectories(tmp.resolve("image"));
        Path work = Files.createDirectories(tmp.resolve("work"));

        // the runtime stage's install step as written: /src is the build stage's tree (this repository), / the image
        Instruction install = of(stages().get(1), "RUN").stream().filter(r -> command(r).contains("install.sh")).findFirst().orElseThrow();
        List<String> argv = new ArrayList<>();
        for (String w : command(install).split("\\s+")) argv.add(w.equals("/") ? image.toString() : w.replaceFirst("^/src/", ROOT + "/"));
        Result installed = run(argv, Map.of(), tmp, 600);
        assertEquals(0, installed.code(), installed.out());

        Path lib = image.resolve("opt/failready/lib");
        try (Stream<Path> files = Files.list(lib)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.stream().filter(n -> n.endsWith(".jsa")).count(), "the three archives: " + names);
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".tmp") || n.endsWith(".lock")), "nothing half-written or left over: " + names);
        }

        // the image's user must be able to read and run everything installed
        try (Stream<Path> files = Files.walk(image.resolve("opt"))) {
            for (Path p : files.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                assertTrue(perms.contains(PosixFilePermission.OTHERS_READ), "readable by the image's user: " + p);
                if (Files.isDirectory(p) || p.endsWith("bin/failready")) assertTrue(perms.contains(PosixFilePermission.OTHERS_EXECUTE), p.toString());
            }
        }

        // the entrypoint by name, as ENTRYPOINT ["failready"] finds it, as the image's user where we can switch to it
        List<String> asUser = new ArrayList<>();
        String uid = of(stages().get(1), "USER").get(0).args().split(":")[0];
        if ("0".equals(run(List.of("id", "-u"), Map.of(), tmp, 10).out().strip()) && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            asUser.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));
            openUp(tmp);
        }
        String path = image.resolve("usr/local/bin") + ":" + System.getenv("PATH");

        Result version = entrypoint(asUser, path, work, tmp.resolve("version.classes"), "--version");
        assertEquals(0, version.code(), version.out());
        assertTrue(version.out().contains(VersionProvider.version()), version.out());

        Result scan = entrypoint(asUser, path, work, tmp.resolve("scan.classes"), "scan", "--demo", "--out", "out");
        assertEquals(3, scan.code(), "the demo estate is NOT_READY: " + scan.out());
        assertTrue(Files.isRegularFile(work.resolve("out/report.json")));

        Result gate = entrypoint(asUser, path, work, tmp.resolve("gate.classes"), "gate", "--report", "out/report.json");
        assertEquals(3, gate.code(), gate.out());
        assertTrue(gate.out().contains("NOT_READY"), gate.out());

        for (String log : List.of("version.classes", "scan.classes", "gate.classes")) {
            String classes = Files.readString(tmp.resolve(log));
            assertTrue(classes.contains("io.failready.cli.FailReady source: shared objects file"),
                    "the entrypoint ran with its class-data archive (" + log + ")");
        }
    }

    /**
     * One entrypoint run. -Xshare:on makes the JVM refuse to start rather than run without the
     * archive the entrypoint names, and the class-loading log says where each class came from.
     */
    static Result entrypoint(List<String> asUser, String path, Path work, Path classLog, String... args) throws Exception {
        List<String> argv = new ArrayList<>(asUser);
        argv.add("failready");
        argv.addAll(Arrays.asList(args));
        Files.deleteIfExists(classLog);
        Files.writeString(classLog, "");
        Files.setPosixFilePermissions(classLog, PosixFilePermissions.fromString("rw-rw-rw-"));
        return run(argv, Map.of("PATH", path, "JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + classLog), work, 300);
    }

    record Result(int code, String out) {}

    static Result run(List<String> argv, Map<String, String> env, Path dir, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FAILREADY_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + argv + "\n" + out);
        return new Result(p.exitValue(), out);
    }

    /** The JVM flags the launcher gives an evaluation on this machine, from the one place they are chosen (packaging/launch.sh). */
    static String defaultJvmOptions() throws Exception {
        return run(List.of("bash", "-c", "source packaging/launch.sh && failready_jvm_opts evaluate"), Map.of(), ROOT, 30).out().strip();
    }

    /** The jar is this build's: no source that goes into it (as the launcher's rebuild check counts them) is newer. */
    static boolean isFresh() throws IOException {
        long jar = Files.getLastModifiedTime(JAR).toMillis();
        for (String dir : List.of("pom.xml", "scanner/pom.xml", "scanner/src/main", "rules", "reports/templates", "schemas", "demo")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
                if (files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith("Test.java"))
                        .anyMatch(f -> f.toFile().lastModified() > jar)) return false;
            }
        }
        return true;
    }

    /** The temporary tree readable by the image's user, its work directory writable (as a mounted volume would be). */
    static void openUp(Path tmp) throws IOException {
        Path tmpdir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path p = tmp.toAbsolutePath(); p.startsWith(tmpdir) && !p.equals(tmpdir); p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            perms.addAll(Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(p, perms);
        }
        Files.setPosixFilePermissions(tmp.resolve("work"), PosixFilePermissions.fromString("rwxrwxrwx"));
    }
}

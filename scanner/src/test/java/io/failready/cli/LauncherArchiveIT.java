package io.failready.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./failready's class-data archives, on a copy of the launcher and this build's jar (a tree with no
 * sources, so the launcher never rebuilds): a run that finds no archive answers without one and
 * leaves a detached builder behind, which replaces an archive of an earlier jar and the leftovers
 * of a killed builder; the next run maps the new archive. FAILREADY_CDS=off builds nothing, and a
 * misspelt value is a usage error before anything is built.
 */
class LauncherArchiveIT {
    static final Path ROOT = DockerfileIT.ROOT;

    @Test
    void theFirstRunLeavesTheArchivesToABackgroundJobAndTheNextRunUsesThem(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DockerfileIT.JAR) && DockerfileIT.isFresh(), "needs this build's shaded jar (the integration-test phase)");
        Path root = launcherTree(tmp);
        Path target = root.resolve("scanner/target");
        // what an earlier build and a builder killed with -KILL leave behind
        Path stale = Files.writeString(target.resolve("failready-evaluate-1-1.jsa"), "an archive of another jar");
        Path leftover = Files.writeString(target.resolve("failready-quick-1-1.jsa.4242.tmp"), "half written");

        DockerfileIT.Result off = DockerfileIT.run(List.of(root.resolve("failready").toString(), "--version"), Map.of("FAILREADY_CDS", "off"), tmp, 120);
        assertEquals(0, off.code(), off.out());
        assertFalse(Files.exists(target.resolve(".failready-cds.lock")), "FAILREADY_CDS=off starts no archive builder");

        DockerfileIT.Result typo = DockerfileIT.run(List.of(root.resolve("failready").toString(), "--version"), Map.of("FAILREADY_CDS", "of"), tmp, 120);
        assertEquals(2, typo.code(), typo.out());
        assertTrue(typo.out().contains("FAILREADY_CDS must be on (the default), off or wait, not 'of'"), typo.out());

        DockerfileIT.Result run1 = DockerfileIT.run(List.of(root.resolve("failready").toString(), "--version"), Map.of(), tmp, 120);
        assertEquals(0, run1.code(), run1.out());
        assertTrue(run1.out().contains("failready " + VersionProvider.version()), "the first run answers at once, without archives: " + run1.out());

        String stamp = waitForArchives(target);
        try (Stream<Path> files = Files.list(target)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("failready-"))
                    .filter(n -> !n.equals(DockerfileIT.BUNDLE.getFileName().toString())).sorted().toList();
            assertEquals(List.of("failready-collect-" + stamp + ".jsa", "failready-evaluate-" + stamp + ".jsa", "failready-quick-" + stamp + ".jsa"),
                    names, "one archive per kind, named after the jar; nothing else");
        }
        assertFalse(Files.exists(stale), "the archive of another jar is removed");
        assertFalse(Files.exists(leftover), "a killed builder's temporary file is removed");

        Path second = tmp.resolve("second.classes");
        Path mapping = tmp.resolve("second.cds");
        DockerfileIT.Result run2 = DockerfileIT.run(List.of(root.resolve("failready").toString(), "--version"),
                Map.of("FAILREADY_JAVA_OPTS", DockerfileIT.defaultJvmOptions() + " -Xshare:on -Xlog:class+load=info:file=" + second
                        + " -Xlog:cds=info:file=" + mapping), tmp, 120);
        assertEquals(0, run2.code(), run2.out());
        assertTrue(Files.readString(second).contains("io.failready.cli.FailReady source: shared objects file"), "the next run maps the archive");
        // at the address it was dumped for: mapped elsewhere, every pointer in it is rewritten first (~0.1 s of each start)
        String log = Files.readString(mapping);
        assertTrue(log.contains("Mapped static  region #0"), log);
        assertFalse(log.contains("alternative address"), "the archive is relocated at start-up: " + log);
        assertFalse(run2.out().contains("cds"), "no class-data log in the output: " + run2.out());

        // a rebuilt jar (another modification time) runs without the archives of the earlier one; the
        // test holds the builders' lock meanwhile, so the builder this run starts gives way at once
        Files.setLastModifiedTime(target.resolve("failready.jar"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        Path third = tmp.resolve("third.classes");
        DockerfileIT.Result run3 = DockerfileIT.run(List.of("flock", target.resolve(".failready-cds.lock").toString(), root.resolve("failready").toString(), "--version"),
                Map.of("FAILREADY_JAVA_OPTS", DockerfileIT.defaultJvmOptions() + " -Xlog:class+load=info:file=" + third), tmp, 120);
        assertEquals(0, run3.code(), run3.out());
        String loaded = Files.readString(third);
        assertTrue(loaded.contains("io.failready.cli.FailReady source: "), "the class-loading log was written");
        assertFalse(loaded.contains("io.failready.cli.FailReady source: shared objects file"), "an archive of the earlier jar is not used");
    }

    /** Waits (up to 10 minutes) for the detached builder to publish the three archives and let go of its lock; the jar's stamp. */
    static String waitForArchives(Path target) throws Exception {
        String stamp = DockerfileIT.run(List.of("bash", "-c", "source ../../packaging/launch.sh && failready_jar_stamp failready.jar"), Map.of(), target, 30).out().strip();
        for (int i = 0; i < 600; i++) {
            boolean all = Stream.of("evaluate", "quick", "collect").allMatch(k -> Files.isRegularFile(target.resolve("failready-" + k + "-" + stamp + ".jsa")));
            if (all && DockerfileIT.run(List.of("flock", "-n", target.resolve(".failready-cds.lock").toString(), "true"), Map.of(), target, 30).code() == 0) return stamp;
            Thread.sleep(1000);
        }
        throw new AssertionError("the archive builder did not finish within 10 minutes");
    }

    /** The launcher and its scripts, with this build's jar, and no sources (so nothing is newer than the jar). */
    static Path launcherTree(Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(ROOT.resolve("failready"), root.resolve("failready"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(root.resolve("packaging"));
        try (Stream<Path> scripts = Files.list(ROOT.resolve("packaging"))) {
            for (Path s : scripts.toList()) Files.copy(s, root.resolve("packaging").resolve(s.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path target = Files.createDirectories(root.resolve("scanner/target"));
        // the bundle first: one newer than the jar is a build cut short, which the launcher rebuilds
        Files.copy(DockerfileIT.BUNDLE, target.resolve(DockerfileIT.BUNDLE.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(DockerfileIT.JAR, target.resolve("failready.jar"));
        return root;
    }
}

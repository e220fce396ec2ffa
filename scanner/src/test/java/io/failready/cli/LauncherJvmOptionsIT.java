package io.failready.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's default JVM flags (packaging/launch.sh, also the image's entrypoint) on a run with
 * no class-data archive, as the first run of a fresh clone and FAILREADY_CDS=off make it: loading
 * Drools and the rule model must not push the JVM into a Full GC for class metadata in the middle
 * of the evaluation.
 */
class LauncherJvmOptionsIT {
    @Test
    void aDemoScanWithoutAnArchiveRunsNoMetadataTriggeredCollection(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DockerfileIT.JAR) && DockerfileIT.isFresh(), "needs this build's shaded jar (the integration-test phase)");
        String flags = DockerfileIT.defaultJvmOptions();
        Path gcLog = tmp.resolve("gc.log");
        List<String> argv = new ArrayList<>(List.of("java"));
        argv.addAll(List.of(flags.split("\\s+")));
        argv.addAll(List.of("-Xlog:gc:file=" + gcLog, "-cp", DockerfileIT.JAR.toString(), "io.failready.cli.FailReady",
                "scan", "--demo", "--out", tmp.resolve("out").toString()));
        DockerfileIT.Result demo = DockerfileIT.run(argv, Map.of(), tmp, 600);
        assertEquals(3, demo.code(), demo.out());
        String log = Files.readString(gcLog);
        assertTrue(log.contains("Using Parallel"), "the GC log was written with the launcher's collector: " + log);
        assertFalse(log.contains("Metadata GC Threshold"), "class loading triggered a collection:\n" + log);
    }
}

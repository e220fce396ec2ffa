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

    /**
     * An estate that outgrows the starting heap (here 100k resources in a heap started at 256 MB, as a
     * million do in the default 8% of a 24 GB machine) meets a Full GC; after it the heap keeps 1.5x
     * its live data free, so the estate still to come fits. The collector's own sizing left a few
     * hundred MB free and ran another Full GC each time the promoted estate filled it (five at 1M).
     * How many Full GCs a run meets depends on when the reading threads' garbage is caught, so the
     * test reads the room each one leaves: "before->after(capacity)", young generation included.
     */
    @Test
    void aFullCollectionLeavesRoomForTheRestOfTheEstate(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DockerfileIT.JAR) && DockerfileIT.isFresh(), "needs this build's shaded jar (the integration-test phase)");
        io.failready.tooling.bench.EstateGenerator gen = new io.failready.tooling.bench.EstateGenerator(100, 1000, 1);
        Path snap = tmp.resolve("estate.json.gz");
        gen.write(snap);
        Path cfg = tmp.resolve("estate.yaml");
        Files.writeString(cfg, gen.config());
        Path gcLog = tmp.resolve("gc.log");
        String flags = DockerfileIT.defaultJvmOptions();
        assertTrue(flags.contains("-Xmn96m"), "the young generation this test subtracts: " + flags);
        List<String> argv = new ArrayList<>(List.of("java"));
        argv.addAll(List.of(flags.split("\\s+")));
        argv.addAll(List.of("-Xms256m", "-Xlog:gc:file=" + gcLog, "-cp", DockerfileIT.JAR.toString(), "io.failready.cli.FailReady",
                "evaluate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--out", tmp.resolve("out").toString(), "--format", "json"));
        DockerfileIT.Result run = DockerfileIT.run(argv, Map.of(), tmp, 600);
        assertEquals(3, run.code(), run.out());
        String log = Files.readString(gcLog);
        // the collector sizes the heap only once its statistics cover 5 collections (AdaptiveSizePolicyReadyThreshold)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("GC\\((\\d+)\\) Pause Full \\([^)]*\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(log);
        int judged = 0;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) < 5) continue;
            long live = Long.parseLong(m.group(3)), old = Long.parseLong(m.group(4)) - 96;
            assertTrue(old - live >= 1.4 * live, "a Full GC left " + (old - live) + " MB free beside " + live + " MB live:\n" + log);
            judged++;
        }
        assertTrue(judged > 0, "the estate outgrew the starting heap, as the test means it to:\n" + log);
    }
}

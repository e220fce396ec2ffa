package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's entrypoint reads FAILREADY_CDS as ./failready does (LauncherArchiveIT covers the
 * launcher): a misspelt value is a usage error naming it, before any JVM starts, instead of a run
 * with the archives the user meant to turn off. Runs the installed layout's scripts without a jar.
 */
class EntrypointCdsModeTest {
    @Test
    void aMisspeltCdsModeIsAUsageErrorInTheImageToo(@TempDir Path tmp) throws Exception {
        Path packaging = Path.of("..", "packaging");
        Files.createDirectories(tmp.resolve("bin"));
        Files.createDirectories(tmp.resolve("lib"));
        Files.copy(packaging.resolve("entrypoint.sh"), tmp.resolve("bin/failready"));
        Files.copy(packaging.resolve("launch.sh"), tmp.resolve("lib/launch.sh"));
        DockerfileIT.Result typo = DockerfileIT.run(List.of("bash", tmp.resolve("bin/failready").toString(), "--version"),
                Map.of("FAILREADY_CDS", "Off"), tmp, 60);
        assertEquals(2, typo.code(), typo.out());
        assertTrue(typo.out().contains("FAILREADY_CDS must be on (the default), off or wait, not 'Off'"), typo.out());
    }
}

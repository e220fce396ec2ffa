package io.failready.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./failready linked from elsewhere (a ~/bin on the PATH, a link to that link) runs the checkout it
 * points to: the launcher found packaging/launch.sh and the jar next to the link instead, and failed.
 */
class LauncherSymlinkIT {
    @Test
    void aLinkToTheLauncherOrToSuchALinkRunsTheCheckout(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DockerfileIT.JAR) && DockerfileIT.isFresh(), "needs this build's shaded jar (the integration-test phase)");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("failready"), DockerfileIT.ROOT.resolve("failready").toAbsolutePath());
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.createSymbolicLink(other.resolve("fr"), Path.of("../bin/failready"));
        for (Path link : List.of(bin.resolve("failready"), other.resolve("fr"))) {
            DockerfileIT.Result r = DockerfileIT.run(List.of(link.toString(), "--version"), Map.of("FAILREADY_CDS", "off"), tmp, 120);
            assertEquals(0, r.code(), link + ": " + r.out());
            assertTrue(r.out().startsWith("failready "), r.out());
        }
        // called by its relative name from the link's own directory
        DockerfileIT.Result r = DockerfileIT.run(List.of("./fr", "--version"), Map.of("FAILREADY_CDS", "off"), other, 120);
        assertEquals(0, r.code(), r.out());
    }
}

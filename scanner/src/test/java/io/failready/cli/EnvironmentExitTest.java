package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where failready writes is the user's environment: problems they can fix are exit 2 in one line, not internal errors. */
class EnvironmentExitTest {
    @TempDir Path tmp;

    @Test
    void anOutThatIsAFileIsExitTwo() throws IOException {
        Path snap = tmp.resolve("s.json");
        Files.writeString(snap, GateCommandTest.snapshotJson(false));
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, """
                workloads:
                  - {name: payments, accounts: [{id: "111111111111"}], primaryRegion: us-east-1, recoveryRegions: [eu-west-1], strategy: warm-standby}
                """);
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        var r = CliTestSupport.run("evaluate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--out", file.toString(), "--format", "json");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("must be a directory; this is a file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("x", Files.readString(file), "the file is left alone");
    }

    @Test
    void aFullDiskOrReadOnlyFileSystemIsNamedAsSuch() {
        String full = AbstractCommand.environmentProblem(new FileSystemException("/out/report.json", null, "No space left on device"));
        assertTrue(full.startsWith("/out/report.json: the disk is full"), full);
        String ro = AbstractCommand.environmentProblem(new FileSystemException("/out", null, "Read-only file system"));
        assertTrue(ro.contains("read-only"), ro);
        assertTrue(AbstractCommand.environmentProblem(new java.nio.file.AccessDeniedException("/out")).contains("permission denied"));
        assertNull(AbstractCommand.environmentProblem(new IOException("Stream closed")), "other I/O failures stay internal errors");
    }
}

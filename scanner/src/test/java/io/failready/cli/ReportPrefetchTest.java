package io.failready.cli;

import io.failready.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's head start on reading --report: used only when picocli's parse names the same file. */
class ReportPrefetchTest {
    @TempDir Path tmp;

    @Test
    void startsOnlyForAGateWithAReport() {
        assertNull(ReportPrefetch.start("scan", "--report", "r.json"));
        assertNull(ReportPrefetch.start("gate", "--snapshot", "s.json.gz", "--config", "c.yaml"));
        assertNull(ReportPrefetch.start("gate"));
        assertNotNull(ReportPrefetch.start("gate", "--report", tmp.resolve("a.json").toString()));
        assertNotNull(ReportPrefetch.start("gate", "--fail-on", "LOW", "-r", tmp.resolve("a.json").toString()));
        assertNotNull(ReportPrefetch.start("gate", "--report=" + tmp.resolve("a.json")));
    }

    @Test
    void aDifferentFileFromPicocliIsReadAfreshAndErrorsSurfaceAsTheGateWouldRaiseThem() throws Exception {
        Path demo = tmp.resolve("demo");
        assertEquals(3, CliTestSupport.run("scan", "--demo", "--out", demo.toString(), "--format", "json").exit());
        Path report = demo.resolve("report.json");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\n  \"schemaVersion\": \"1.1\",\n  oops\n}");

        // prefetched a broken file, but the command names the good one: the good one decides
        ReportPrefetch guess = ReportPrefetch.start("gate", "--report", broken.toString());
        assertEquals("payments", ReportPrefetch.read(guess, report).workloads().get(0).name());

        // prefetched the same broken file: the reader's file:line error, as without the prefetch
        ReportPrefetch same = ReportPrefetch.start("gate", "--report", broken.toString());
        InputException e = assertThrows(InputException.class, () -> ReportPrefetch.read(same, broken));
        assertTrue(e.describe().startsWith(broken + ":3:"), e.describe());

        var r = CliTestSupport.run("gate", "--report=" + broken);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(broken + ":3:"), r.err());
    }
}

package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A report written both ways holds the failover and the failback of one workload: history keeps them
 * as two series, so a failback score never appears as a jump of the failover line and the changes
 * since the previous report compare a direction with itself.
 */
class HistoryDirectionTest {
    @TempDir Path tmp;

    static int run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        if (exit > 1 && exit < 3) throw new AssertionError(o + "\n" + e);
        return exit;
    }

    @Test
    void aFailbackEntryIsItsOwnSeries() throws Exception {
        Path reports = tmp.resolve("reports");
        assertEquals(3, run("scan", "--demo", "--format", "json", "--no-snapshot", "--out", reports.resolve("a").toString()));
        assertEquals(3, run("scan", "--demo", "--direction", "both", "--format", "json", "--no-snapshot", "--out", reports.resolve("b").toString()));
        assertEquals(0, run("history", reports.toString(), "--format", "csv", "--out", tmp.resolve("trend").toString()));

        List<String> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(tmp.resolve("trend").resolve("history.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        int file = head.indexOf("file"), workload = head.indexOf("workload"), scope = head.indexOf("scope"), score = head.indexOf("score"),
                fresh = head.indexOf("newFindings"), gone = head.indexOf("disappeared");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c[scope].equals("workload")) rows.add(c[file] + " " + c[workload] + " " + c[score] + " new=" + c[fresh] + " gone=" + c[gone]);
        }
        rows.sort(null);
        assertEquals(List.of("a/report.json payments 55.3 new= gone=", "b/report.json payments (failback) 63.9 new= gone=",
                "b/report.json payments 55.3 new=0 gone=0"), rows);
    }
}

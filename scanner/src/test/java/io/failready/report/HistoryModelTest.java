package io.failready.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts stay readable with 60 reports and hundreds of accounts: top N worst + one mean line, thinned labels, a full table. */
class HistoryModelTest {
    @Test
    void threeHundredAccountsOverSixtyReportsDrawTheWorstEightAndTheRestAsOneMean() {
        int n = 60;
        List<String> labels = new ArrayList<>(), stamps = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            stamps.add(java.time.Instant.parse("2022-01-01T00:00:00Z").plus(java.time.Duration.ofDays(30L * k)).toString());
            labels.add(HistoryModel.day(stamps.get(k)));
        }
        List<Object> series = new ArrayList<>();
        var all = new ArrayList<HistoryModelTestAccess.S>();
        for (int a = 0; a < 300; a++) {
            List<Double> v = new ArrayList<>();
            for (int k = 0; k < n; k++) v.add(a == 7 && k == 30 ? null : (double) ((a * 7 + k) % 101));
            all.add(new HistoryModelTestAccess.S(String.format("%012d", a), v));
        }
        HistoryModel.LineChart c = HistoryModelTestAccess.chart(all, 8);
        assertEquals(9, c.lines().size(), "8 worst + the rest");
        assertTrue(c.lines().get(8).name().startsWith("other 292 accounts (mean)"), c.lines().get(8).name());
        assertEquals("line-rest", c.lines().get(8).cls());
        assertEquals(300, c.table().size(), "the table lists every account");
        assertTrue(c.xTicks().size() <= 9, "x labels thinned: " + c.xTicks().size());
        assertEquals(labels.get(0), c.xTicks().get(0).text());
        assertEquals(labels.get(n - 1), c.xTicks().get(c.xTicks().size() - 1).text(), "the newest report is labelled");
        // the worst by latest score come first: at k = 59 the lowest value is 0
        double worstLatest = Double.parseDouble(c.table().stream().mapToDouble(r -> Double.parseDouble(r.cells().get(n - 1))).min().getAsDouble() + "");
        assertEquals(HistoryModel.num(HistoryModel.y(worstLatest)), last(c.lines().get(0)), "the first line is the worst account");
        assertTrue(series.isEmpty());
    }

    @Test
    void aMissingPointBreaksTheLine() {
        var s = new HistoryModelTestAccess.S("a", java.util.Arrays.asList(50.0, null, 70.0));
        HistoryModel.LineChart c = HistoryModelTestAccess.chart(List.of(s), 8);
        assertEquals(2, c.lines().get(0).segments().size());
        assertEquals(2, c.lines().get(0).dots().size());
    }

    static String last(HistoryModel.Line l) {
        String seg = l.segments().get(l.segments().size() - 1);
        String pt = seg.substring(seg.lastIndexOf(' ') + 1);
        return pt.substring(pt.indexOf(',') + 1);
    }
}

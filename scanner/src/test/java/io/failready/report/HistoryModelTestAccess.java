package io.failready.report;

import java.util.ArrayList;
import java.util.List;

/** Builds HistoryModel charts from plain series for HistoryModelTest. */
final class HistoryModelTestAccess {
    private HistoryModelTestAccess() {}

    record S(String name, List<Double> values) {}

    static HistoryModel.LineChart chart(List<S> series, int top) {
        int n = series.get(0).values().size();
        List<String> stamps = new ArrayList<>(), labels = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            stamps.add(java.time.Instant.parse("2022-01-01T00:00:00Z").plus(java.time.Duration.ofDays(30L * k)).toString());
            labels.add(HistoryModel.day(stamps.get(k)));
        }
        return HistoryModel.chart("c", "t", "d", labels, stamps,
                series.stream().map(s -> new HistoryModel.Series(s.name(), s.values())).toList(), top, "accounts");
    }
}

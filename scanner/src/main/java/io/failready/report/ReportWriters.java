package io.failready.report;

import io.failready.util.AtomicFiles;
import io.failready.util.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a report in each requested format into one directory. Every file is written to a
 * temporary name and renamed, so a failure never leaves half a report behind.
 */
public final class ReportWriters {
    private ReportWriters() {}

    /**
     * @param previous an earlier report for the trend and diff views, or null
     * @param ruleDocs rule id -> its Markdown documentation (rationale, fix), for the HTML drill-down
     * @return the files written
     */
    public static List<Path> write(Report report, Report previous, Path outDir, Set<ReportFormat> formats,
                                   Function<String, String> ruleDocs) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : formats) {
            Path target = outDir.resolve(f.fileName());
            switch (f) {
                case JSON -> AtomicFiles.write(target, out -> Json.MAPPER.writeValue(new NonClosing(out), report));
                case HTML -> AtomicFiles.writeString(target, HtmlReportWriter.render(report, previous, ruleDocs));
                default -> throw new UnsupportedOperationException(f + " reports are not implemented yet");
            }
            written.add(target);
        }
        return written;
    }

    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream o) { super(o); }
        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
        @Override public void close() throws IOException { flush(); }
    }
}

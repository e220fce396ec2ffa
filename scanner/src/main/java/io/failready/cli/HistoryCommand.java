package io.failready.cli;

import io.failready.model.Report;
import io.failready.report.History;
import io.failready.report.HistoryModel;
import io.failready.report.HistoryWriter;
import io.failready.util.InputException;
import io.failready.util.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code failready history DIR [--out DIR] [--format html,csv,json]}: the trend over a folder of
 * saved reports ({@link History}).
 */
@Command(name = "history", header = "The trend over a folder of saved JSON reports (e.g. one per month).",
        description = {"Reads every *.json / *.json.gz report in DIR (and DIR/*/report.json, a folder of scan --out directories),",
                "orders them by generatedAt and writes, per workload, section and account: the score and verdict at each",
                "report, the counts per compliance type, what was new, resolved, regressed and disappeared since the",
                "workload's previous report (as 'diff' counts them), and how old each report's inventory was.",
                "Every file must be a valid report: one that is not is refused (exit 2, naming it), never skipped, so a",
                "trend never silently misses a month. Byte-identical copies are counted once. Nothing is re-evaluated."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:The history was written",
        "1:Internal error (rerun with --stacktrace)",
        "2:Invalid command line, a file in DIR that is not a valid report (or whose verdict or score its evaluations do not give), two different reports of one workload written at the same instant, or --out is not usable"})
public final class HistoryCommand extends AbstractCommand {

    @Parameters(paramLabel = "DIR", description = "The folder of JSON reports.")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "failready-history",
            description = "Directory for history.html, history.csv and history.json (default: ${DEFAULT-VALUE}); replaced as a set.")
    Path out;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "html,csv",
            description = "Comma-separated: html, csv, json, or all (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + HistoryModel.DEFAULT_TOP,
            description = "Lines per chart: the N worst workloads or accounts by latest score, the rest as one mean line (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    protected int doExecute() throws Exception {
        Set<HistoryWriter.Format> formats;
        try {
            formats = HistoryWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("--format: " + e.getMessage() + ".");
        }
        if (top < 1) throw new InputException("--top must be at least 1.");
        if (out.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
            throw new InputException(out, "--out is the folder of reports itself: history.json would be read as a report next time. Write elsewhere.");
        }
        Path base = dir;
        List<History.Entry> entries = History.read(dir, w -> err().println("failready: " + Terminal.safe(w)));
        History h = History.of(entries, new Report.Tool("failready", VersionProvider.version()),
                p -> base.relativize(p).toString());
        for (Path p : HistoryWriter.write(h, out, formats, top)) out().println("wrote " + Terminal.safe(p.toString()));
        out().printf("history: %d report(s), %d workload(s), %s to %s%n", h.reports().size(), h.workloads().size(),
                Terminal.safe(h.reports().get(0).generatedAt()), Terminal.safe(h.reports().get(h.reports().size() - 1).generatedAt()));
        return ExitCodes.OK;
    }
}

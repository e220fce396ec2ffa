package io.failready.cli;

import io.failready.report.DiffWriter;
import io.failready.model.Report;
import io.failready.report.ReportDiff;
import io.failready.report.ReportReader;
import io.failready.util.AtomicFiles;
import io.failready.util.InputException;
import io.failready.util.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code failready diff OLD.json NEW.json [--out DIR] [--format md|json|text] [--fail-on-regression]}:
 * new, regressed, resolved and disappeared findings ({@link ReportDiff}) and the score change per
 * workload and section. Prints the diff; with --out also writes diff.txt / diff.md / diff.json.
 */
@Command(name = "diff", description = {
        "Compare two JSON reports: new, regressed, resolved and disappeared findings, and score changes.",
        "A finding is an unwaived NON_COMPLIANT evaluation; regressed means it was COMPLIANT or waived before;",
        "resolved means it is now COMPLIANT, NOT_APPLICABLE or waived; disappeared means the new report",
        "cannot judge it (resource gone, not collected, or INSUFFICIENT_DATA) and is not counted as resolved."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:The diff was produced (without --fail-on-regression: whatever it contains)",
        "1:Internal error (rerun with --stacktrace)",
        "2:Invalid command line or report",
        "3:With --fail-on-regression: a finding regressed, or a new finding blocks the gate under the new report's policy"})
public final class DiffCommand extends AbstractCommand {

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report.")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
    Path newReport;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, md or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the diff to DIR/diff.txt, diff.md or diff.json.")
    Path out;

    @Option(names = "--fail-on-regression", description = "Exit 3 when a finding regressed or a new finding blocks the gate "
            + "(under the policy recorded in NEW.json).")
    boolean failOnRegression;

    @Override
    protected int doExecute() throws Exception {
        DiffWriter.Format f;
        try {
            f = DiffWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("--format: " + e.getMessage() + ".");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) throw new InputException(out, "--out must be a directory.");
        Report before = ReportReader.read(oldReport);
        Report after = ReportReader.read(newReport);
        ReportDiff diff = ReportDiff.of(before, after);
        String text = DiffWriter.render(diff, f, io.failready.report.ReportFacts.accountNames(after, before));
        out().print(text);
        if (out != null) {
            Path target = out.resolve(f.fileName());
            AtomicFiles.writeString(target, text);
            err().println("failready: wrote " + Terminal.safe(target.toString()));
        }
        if (failOnRegression && diff.regressions() > 0) {
            err().printf("failready: %d regressed and %d new blocking finding(s) (--fail-on-regression)%n",
                    diff.summary().regressed(), diff.summary().newBlocking());
            return ExitCodes.NOT_READY;
        }
        return ExitCodes.OK;
    }
}

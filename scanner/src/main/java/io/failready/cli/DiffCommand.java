package io.failready.cli;

import io.failready.report.DiffWriter;
import io.failready.report.Report;
import io.failready.report.ReportDiff;
import io.failready.report.ReportReader;
import io.failready.util.AtomicFiles;
import io.failready.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code failready diff OLD.json NEW.json [--out DIR] [--format md|json|text]}: new, resolved
 * and regressed findings (regressed = was COMPLIANT or waived, now NON_COMPLIANT; matched by
 * ruleId + resourceId + region + recoveryRegion within a workload) and the score change per
 * workload and section. Prints the diff; with --out also writes diff.txt / diff.md / diff.json.
 */
@Command(name = "diff", description = {
        "Compare two JSON reports: new, resolved and regressed findings, and score changes.",
        "A finding is an unwaived NON_COMPLIANT evaluation; regressed means it was COMPLIANT or waived before."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:The diff was produced (whatever it contains)",
        "1:Internal error (rerun with --stacktrace)",
        "2:Invalid command line or report"})
public final class DiffCommand extends AbstractCommand {

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier report.")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later report.")
    Path newReport;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, md or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the diff to DIR/diff.txt, diff.md or diff.json.")
    Path out;

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
        String text = DiffWriter.render(ReportDiff.of(before, after), f);
        out().print(text);
        if (out != null) {
            Path target = out.resolve(f.fileName());
            AtomicFiles.writeString(target, text);
            err().println("failready: wrote " + target);
        }
        return ExitCodes.OK;
    }
}

package io.failready.cli;

import io.failready.model.Report;
import io.failready.report.ReportFormat;
import io.failready.report.ReportReader;
import io.failready.report.ReportWriters;
import io.failready.report.RuleDocs;
import io.failready.rules.RuleSources;
import io.failready.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code failready report IN.json --format html,md --out DIR [--previous OLD.json] [--template DIR]}:
 * re-renders a saved JSON report in other formats, with no AWS access and no re-evaluation.
 * The input is validated against the report schema first; a bad file is exit code 2 with its
 * file and line.
 */
@Command(name = "report", description = {
        "Re-render a saved JSON report as HTML, Markdown, JUnit XML, CSV, JSON, OCSF, ASFF (Security Hub) or SARIF.",
        "Nothing is re-evaluated: scores and verdicts are the report's own."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:The report was rendered",
        "1:Internal error (rerun with --stacktrace)",
        "2:Invalid command line, report, previous report or template, or --out is not a usable directory or is locked by another run"})
public final class ReportCommand extends AbstractCommand {

    @Parameters(index = "0", paramLabel = "REPORT.json", description = "A JSON report written by scan or evaluate (.json or .json.gz).")
    Path input;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "html,md",
            description = "Comma-separated formats: json, html, junit, md, csv, ocsf, asff, sarif, or all (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--framework", paramLabel = "NAME", description = EvaluationOptions.FRAMEWORK_HELP)
    String framework;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory to write into (default: current directory). The report files are replaced as a set; "
            + "other files there are left alone; exit 2 if another run is writing into DIR.")
    Path out;

    @Option(names = "--previous", paramLabel = "OLD.json", description = "An earlier report: adds the trend and the diff to HTML and Markdown.")
    Path previous;

    @Option(names = "--template", paramLabel = "DIR",
            description = "A directory whose report.ftlh (and any component, asset or messages.properties) replaces the bundled one. Templates may render the report, never create objects or run commands.")
    Path template;

    @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directories whose <ID>/<ID>.md documents custom rules in the HTML report.")
    List<Path> ruleDirs = new ArrayList<>();

    @Override
    protected int doExecute() throws Exception {
        Set<ReportFormat> formats;
        try {
            formats = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("--format: " + e.getMessage() + ".");
        }
        var fw = framework == null ? null : io.failready.rules.Frameworks.bundled().require("--framework", framework);
        if (template != null && !Files.isDirectory(template)) {
            throw new InputException(template, "--template must be a directory holding report.ftlh.");
        }
        Report report = ReportReader.read(input);
        Report old = previous == null ? null : ReportReader.read(previous);
        if (Files.exists(out) && !Files.isDirectory(out)) throw new InputException(out, "--out must be a directory.");
        List<Path> roots = new ArrayList<>();
        roots.add(RuleSources.bundledRoot());
        roots.addAll(ruleDirs);
        List<Path> written = ReportWriters.write(report, old, out, formats, RuleDocs.from(roots), template, fw);
        for (Path p : written) out().println(io.failready.util.Terminal.safe(p.toString()));
        return ExitCodes.OK;
    }
}

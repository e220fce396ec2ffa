package io.failready.cli;

import io.failready.model.Report;
import io.failready.report.Portfolio;
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
 * file and line. {@code report --portfolio R1.json R2.json ...} combines several reports (see
 * {@link Portfolio}) into one HTML and Markdown overview.
 */
@Command(name = "report", description = {
        "Re-render a saved JSON report as HTML, Markdown, JUnit XML, CSV, JSON, OCSF, ASFF (Security Hub) or SARIF.",
        "With --portfolio, combine several reports (one per workload or team) into one HTML and Markdown portfolio,",
        "worst workload first.",
        "Nothing is re-evaluated: scores and verdicts are the report's own."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:The report was rendered",
        "1:Internal error (rerun with --stacktrace)",
        "2:Invalid command line, report, previous report or template, reports that cannot be combined (the same workload twice), "
                + "or --out is not a usable directory or is locked by another run"})
public final class ReportCommand extends AbstractCommand {

    @Parameters(arity = "1..*", paramLabel = "REPORT.json", description = "A JSON report written by scan or evaluate (.json or .json.gz); several with --portfolio.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--portfolio", description = "Combine the reports into one portfolio (HTML and Markdown only): each workload once, "
            + "with its own verdict, score and inventory age. The same workload in two reports is refused (exit 2), as is a report whose verdict or score its own evaluations do not give.")
    boolean portfolio;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "html,md",
            description = "Comma-separated formats: json, html, junit, md, csv, ocsf, asff, sarif, or all (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--framework", paramLabel = "NAME", description = EvaluationOptions.FRAMEWORK_HELP)
    String framework;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory to write into (default: current directory). The report files are replaced as a set; "
            + "other files there are left alone; exit 2 if another run is writing into DIR.")
    Path out;

    @Option(names = "--previous", paramLabel = "OLD.json", description = "An earlier report: adds the trend and the diff to HTML and Markdown. "
            + "With --portfolio, repeat it for the earlier reports of the workloads (combined like the current ones).")
    List<Path> previous = new ArrayList<>();

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
        if (!portfolio && inputs.size() > 1) {
            throw new InputException("report: " + inputs.size() + " reports given; pass --portfolio to combine them into one portfolio, "
                    + "or render them one at a time.");
        }
        if (!portfolio && previous.size() > 1) {
            throw new InputException("--previous: given " + previous.size() + " times; one earlier report is compared with one report "
                    + "(repeat --previous only with --portfolio).");
        }
        if (portfolio && !Set.of(ReportFormat.HTML, ReportFormat.MD).containsAll(formats)) {
            throw new InputException("--format: a portfolio renders html and md only; the JSON, JUnit and CSV evidence stays in each "
                    + "report (render those with failready report REPORT.json --format ...).");
        }
        Report report;
        Report old = null;
        java.util.function.Function<String, String> inventoryOf = null;
        if (portfolio) {
            Portfolio p = Portfolio.combine(inputs, read(inputs));
            report = p.report();
            inventoryOf = p.inventoryAt()::get;
            if (!previous.isEmpty()) old = Portfolio.combine(previous, read(previous)).report();
        } else {
            report = ReportReader.read(inputs.get(0));
            old = previous.isEmpty() ? null : ReportReader.read(previous.get(0));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) throw new InputException(out, "--out must be a directory.");
        List<Path> roots = new ArrayList<>();
        roots.add(RuleSources.bundledRoot());
        roots.addAll(ruleDirs);
        List<Path> written = ReportWriters.write(report, old, out, formats, RuleDocs.from(roots), template, java.util.Map.of(), inventoryOf, fw);
        for (Path p : written) out().println(io.failready.util.Terminal.safe(p.toString()));
        return ExitCodes.OK;
    }

    private static List<Report> read(List<Path> files) throws java.io.IOException {
        List<Report> out = new ArrayList<>();
        for (Path f : files) out.add(ReportReader.read(f));
        return out;
    }
}

package io.failready.cli;

import io.failready.evaluate.RuleEngine;
import io.failready.report.ReportFormat;
import io.failready.rules.Frameworks;
import io.failready.util.Durations;
import io.failready.util.InputException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Options shared by every command that evaluates rules and writes reports. */
public final class EvaluationOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directory (repeatable): its .drl files and .java decision classes are compiled at load and added to the bundled catalog. Its rules are code that runs here: load only reviewed directories.")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the reports (default: ${DEFAULT-VALUE}). The report files are replaced as a set; "
            + "other files there are left alone; exit 2 if another run is writing into DIR.", defaultValue = "failready-out")
    Path out;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "json,html",
            description = "Report formats, comma-separated: json, html, junit, md, csv, ocsf, asff, sarif, all (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--framework", paramLabel = "NAME", description = FRAMEWORK_HELP)
    String framework;

    static final String FRAMEWORK_HELP = "Show the reports through one compliance framework: nist-sp-800-53-r5, iso-27001-2022, soc2, dora or "
            + "well-architected-reliability. HTML and Markdown gain each control's status; HTML, Markdown, CSV, OCSF, ASFF and SARIF keep only "
            + "the evaluations of the framework's rules. The JSON report, the JUnit XML, the verdict and the exit code stay the whole checklist's.";

    @Option(names = "--previous", paramLabel = "REPORT.json", description = "An earlier JSON report, for the trend and diff in the HTML report.")
    Path previous;

    @Option(names = "--as-of", paramLabel = "TIME", description = "Judge dates (drill age, approval and waiver expiry) as of this ISO-8601 instant instead of now. "
            + "For gate, also the clock the inventory's age (--max-age) is measured on; waivers must still hold today.")
    String asOf;

    @Option(names = "--rule-timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "Stop a workload's rule evaluation after this long and name the last rule that fired (default: ${DEFAULT-VALUE}).")
    String ruleTimeout;

    @Option(names = "--max-rule-firings", paramLabel = "N", defaultValue = "50000000",
            description = "Stop a workload's rule evaluation after this many rule firings (default: ${DEFAULT-VALUE}).")
    long maxFirings;

    Set<ReportFormat> formats() {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InputException("--format: " + e.getMessage() + ".");
        }
    }

    /** The --framework, or null; exit 2 naming the choices when unknown. */
    Frameworks.Framework framework() {
        return framework == null ? null : Frameworks.bundled().require("--framework", framework);
    }

    /** Checks --format and --framework before any slow work (a scan), so a typo costs seconds, not a scan. */
    void checkReportOptions() {
        formats();
        framework();
    }

    Instant asOf(Instant dflt) {
        if (asOf == null) return dflt;
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(asOf).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InputException("--as-of '" + asOf + "' is not an ISO-8601 instant (2026-11-20T06:00:00Z) or date (2026-11-20).");
            }
        }
    }

    RuleEngine.Options engineOptions(Instant dfltAsOf) {
        Duration t;
        try {
            t = Durations.parse(ruleTimeout);
        } catch (IllegalArgumentException e) {
            throw new InputException("--rule-timeout: " + e.getMessage() + ".");
        }
        if (maxFirings <= 0) throw new InputException("--max-rule-firings must be positive.");
        return RuleEngine.Options.defaults(asOf(dfltAsOf)).withBudget(maxFirings, t);
    }
}

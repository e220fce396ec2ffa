package io.failready.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "failready",
        header = "Can this workload fail over from its primary AWS region to its recovery region right now?",
        description = "Inventories both regions across your accounts, evaluates the failover readiness checklist "
                + "(Drools rules in the style of AWS Config rules), scores the result, writes reports and acts as a "
                + "gate for CI pipelines and the failover runbook.",
        footerHeading = "%nQuick start:%n",
        footer = {"  failready scan --demo                 evaluate the bundled demo estate",
                "  failready rules list                  the checklist",
                "  failready gate --report out/report.json --fail-on HIGH"},
        exitCodeList = {"0:READY (gate passed) / command succeeded", ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE,
                ExitCodes.HELP_NOT_READY, ExitCodes.HELP_UNKNOWN_GATE})
public final class FailReady extends AbstractCommand {
    @Override protected int doExecute() {
        spec.commandLine().usage(out());
        return ExitCodes.USAGE;
    }

    /**
     * The subcommands by name. picocli builds a command's model by reflection over its options and
     * mixins; building all twelve costs a fifth of a {@code gate --report} run, which the failover
     * runbook waits for, so a command line naming one builds only that one (see {@link #commandLine(PrintWriter, PrintWriter, String...)}).
     * CliNamesTest checks each name against the class's own {@code @Command(name)}.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();
    static {
        // keep-sorted start
        SUBCOMMANDS.put("bench", BenchCommand.class);
        SUBCOMMANDS.put("collect", CollectCommand.class);
        SUBCOMMANDS.put("diff", DiffCommand.class);
        SUBCOMMANDS.put("evaluate", EvaluateCommand.class);
        SUBCOMMANDS.put("evidence", EvidenceCommand.class);
        SUBCOMMANDS.put("gate", GateCommand.class);
        SUBCOMMANDS.put("history", HistoryCommand.class);
        SUBCOMMANDS.put("iam-policy", IamPolicyCommand.class);
        SUBCOMMANDS.put("init", InitCommand.class);
        SUBCOMMANDS.put("merge", MergeCommand.class);
        SUBCOMMANDS.put("report", ReportCommand.class);
        SUBCOMMANDS.put("rules", RulesCommand.class);
        SUBCOMMANDS.put("scan", ScanCommand.class);
        SUBCOMMANDS.put("verify", VerifyCommand.class);
        // keep-sorted end
    }

    /** The whole command tree (for --help, help COMMAND, an unknown command, and tests that inspect it). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /** The tree needed to run {@code args}: only the named subcommand when the first argument names one. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        ReportPrefetch prefetch = ReportPrefetch.start(args); // before picocli's model: see ReportPrefetch
        CommandLine cl = new CommandLine(new FailReady());
        Class<?> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (only == GateCommand.class) {
            GateCommand gate = new GateCommand();
            gate.prefetch = prefetch;
            cl.addSubcommand(args[0], gate);
        } else if (only != null) {
            cl.addSubcommand(args[0], only);
        } else {
            for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) cl.addSubcommand(e.getKey(), e.getValue());
            cl.addSubcommand("help", CommandLine.HelpCommand.class);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Entry point for tests: runs one command line and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, args).execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        io.failready.evaluate.RuleSandbox.guardProcess();
        io.failready.evaluate.EnginePrefetch.start(args); // before picocli's model: see EnginePrefetch
        int status = run(out, err, args);
        io.failready.evaluate.RuleSandbox.exiting(status);
        System.exit(status);
    }
}

package io.failready.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "failready",
        header = "Can this workload fail over from its primary AWS region to its recovery region right now?",
        description = "Inventories both regions across your accounts, evaluates the failover readiness checklist "
                + "(Drools rules in the style of AWS Config rules), scores the result, writes reports and acts as a "
                + "gate for CI pipelines and the failover runbook.",
        footerHeading = "%nQuick start:%n",
        footer = {"  failready scan --demo                 evaluate the bundled demo estate",
                "  failready rules list                  the checklist",
                "  failready gate --report out/report.json --fail-on HIGH"},
        subcommands = {
                // keep-sorted start
                BenchCommand.class,
                CollectCommand.class,
                DiffCommand.class,
                EvaluateCommand.class,
                GateCommand.class,
                IamPolicyCommand.class,
                InitCommand.class,
                MergeCommand.class,
                ReportCommand.class,
                RulesCommand.class,
                ScanCommand.class,
                VerifyCommand.class,
                CommandLine.HelpCommand.class,
                // keep-sorted end
        })
public final class FailReady extends AbstractCommand {
    @Override protected int doExecute() {
        spec.commandLine().usage(out());
        return ExitCodes.USAGE;
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FailReady());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Entry point for tests: runs one command line and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }
}

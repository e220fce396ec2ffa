package io.failready.cli;

import io.failready.evaluate.EvaluationSink;
import io.failready.util.InputException;
import io.failready.util.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * Owns the exception -> exit code mapping so each subcommand implements only doExecute():
 * bad input is exit 2 with one paragraph naming the file and line; anything else is exit 1 with
 * a one-line summary, and the stack trace only with --stacktrace.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE},
        usageHelpWidth = 120, sortOptions = false)
public abstract class AbstractCommand implements Callable<Integer> {
    @Spec protected CommandLine.Model.CommandSpec spec;

    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    protected boolean stacktrace;

    protected PrintWriter out() { return spec.commandLine().getOut(); }
    protected PrintWriter err() { return spec.commandLine().getErr(); }

    protected abstract int doExecute() throws Exception;

    @Override
    public final Integer call() {
        try {
            return doExecute();
        } catch (InputException e) {
            err().println("failready: " + Terminal.safeLines(e.describe()));
            if (stacktrace) e.printStackTrace(err());
            return ExitCodes.USAGE;
        } catch (EvaluationSink.RuleFailure e) {
            err().println("failready: rule " + Terminal.safe(e.ruleId()) + ": " + Terminal.safeLines(e.getMessage()));
            if (stacktrace) e.printStackTrace(err());
            return ExitCodes.USAGE;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (UncheckedIOException e) {
            err().println("failready: I/O error: " + Terminal.safeLines(e.getCause().getMessage()));
            if (stacktrace) e.printStackTrace(err());
            return ExitCodes.INTERNAL_ERROR;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            err().println("failready: internal error: " + Terminal.safeLines(String.valueOf(e)) + (stacktrace ? "" : " (rerun with --stacktrace for details)"));
            if (stacktrace) e.printStackTrace(err());
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            err().flush();
            out().flush();
        }
    }
}

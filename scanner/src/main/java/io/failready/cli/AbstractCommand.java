package io.failready.cli;

import io.failready.rules.api.EvaluationSink;
import io.failready.util.InputException;
import io.failready.util.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.failready.collect.CollectionException;
import io.failready.collect.Gaps;

import java.io.IOException;
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
        } catch (CollectionException e) {
            if (e.kind() == CollectionException.Cause.CREDENTIALS) {
                err().println("failready: AWS credentials: " + Terminal.safeLines(e.getMessage()));
                if (stacktrace) e.printStackTrace(err());
                return ExitCodes.USAGE;
            }
            // Collection turns AWS not answering into gaps and a report (LiveScan.noAnswer); should any
            // caller still throw it, nothing is known: fail closed as UNKNOWN, never READY
            err().println("failready: AWS did not answer: " + Terminal.safeLines(e.getMessage()) + " Verdict: UNKNOWN (nothing was collected).");
            if (stacktrace) e.printStackTrace(err());
            return ExitCodes.UNKNOWN;
        } catch (UncheckedIOException e) {
            return ioError(e.getCause(), e);
        } catch (IOException | java.nio.file.ReadOnlyFileSystemException e) {
            return ioError(e, e);
        } catch (Exception | StackOverflowError | OutOfMemoryError | ExceptionInInitializerError e) {
            // a class that could not initialise (a bundled schema missing) says why in its cause
            Throwable why = e instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause() : e;
            err().println("failready: internal error: " + Terminal.safeLines(Gaps.scrub(String.valueOf(why))) + (stacktrace ? "" : " (rerun with --stacktrace for details)"));
            if (stacktrace) e.printStackTrace(err());
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            err().flush();
            out().flush();
        }
    }

    /**
     * An I/O failure the user can fix where they run failready (a full disk, a read-only or
     * forbidden --out, an --out that is a file) is exit 2 with its cause in one line; any other
     * I/O failure is still exit 1.
     */
    private int ioError(Throwable cause, Throwable thrown) {
        String fixable = environmentProblem(cause);
        err().println("failready: " + Terminal.safeLines(fixable != null ? fixable : "I/O error: " + cause.getMessage()));
        if (stacktrace) thrown.printStackTrace(err());
        return fixable != null ? ExitCodes.USAGE : ExitCodes.INTERNAL_ERROR;
    }

    /** A one-line description of an environment problem, or null when {@code e} looks like a bug. */
    static String environmentProblem(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String file = e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null ? fse.getFile() : null;
        String where = file != null ? file + ": " : "";
        if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) return where + "the disk is full (No space left on device); free space or write elsewhere with --out.";
        if (e instanceof java.nio.file.ReadOnlyFileSystemException || m.contains("Read-only file system")) return where + "the file system is read-only; choose a writable --out.";
        if (e instanceof java.nio.file.AccessDeniedException) return where + "permission denied; choose a directory you can write with --out.";
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return where + "is a file, not a directory; --out names a directory for the reports.";
        }
        return null;
    }
}

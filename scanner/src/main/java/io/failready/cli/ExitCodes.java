package io.failready.cli;

/** The exit-code contract (README, every command's --help). Never renumber. */
public final class ExitCodes {
    private ExitCodes() {}
    /** READY, or the command succeeded. */
    public static final int OK = 0;
    /** Internal error: a bug or an environment failure; --stacktrace shows why. */
    public static final int INTERNAL_ERROR = 1;
    /** Usage or input error: bad flags, invalid config, rule file, snapshot or report. */
    public static final int USAGE = 2;
    /** NOT_READY: at least one blocking finding. */
    public static final int NOT_READY = 3;
    /** UNKNOWN: blocking rules lacked data (fail-closed); --allow-unknown turns this into 0. */
    public static final int UNKNOWN = 4;

    // The lines of each command's "Exit codes:" help. A command lists only the codes it can return
    // (ExitCodesHelpTest holds the table): AbstractCommand's default is 0, 1 and 2; commands that
    // judge readiness add 3 and 4 with their own meaning. Constants, so annotations can use them.
    public static final String HELP_OK = "0:Success";
    public static final String HELP_READY = "0:READY: nothing blocks";
    public static final String HELP_INTERNAL = "1:Internal error (rerun with --stacktrace)";
    public static final String HELP_USAGE = "2:Invalid command line, configuration, rule file, snapshot or report";
    public static final String HELP_NOT_READY = "3:NOT_READY: at least one blocking finding";
    public static final String HELP_UNKNOWN = "4:UNKNOWN: blocking rules lacked data (fail-closed)";
    public static final String HELP_NO_ANSWER = "4:AWS did not answer: the snapshot holds only collection gaps";
    public static final String HELP_UNKNOWN_GATE = "4:UNKNOWN: blocking rules lacked data (fail-closed; --allow-unknown turns this into 0)";
}

package io.failready.cli;

/** The exit-code contract (product.md, README, every command's --help). Never renumber. */
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

    /** For @Command(exitCodeList = ...): the same text in every command's help. */
    public static final String[] LIST = {
            "0:READY (gate passed) / command succeeded",
            "1:Internal error (rerun with --stacktrace)",
            "2:Invalid command line, configuration, rule file, snapshot or report",
            "3:NOT_READY: at least one blocking finding",
            "4:UNKNOWN: blocking rules lacked data (fail-closed; --allow-unknown turns this into 0)"};
}

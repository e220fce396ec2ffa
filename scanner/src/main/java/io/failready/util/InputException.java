package io.failready.util;

import java.nio.file.Path;

/**
 * A problem with something the user gave us (a config, rule file, snapshot, report, flag).
 * Always mapped to exit code 2 with a one-paragraph message that names the file and, where the
 * format has them, the line and column.
 */
public class InputException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;

    public InputException(String file, int line, int column, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public InputException(String file, int line, int column, String message) { this(file, line, column, message, null); }
    public InputException(Path file, String message) { this(file == null ? null : file.toString(), -1, -1, message, null); }
    public InputException(Path file, String message, Throwable cause) { this(file == null ? null : file.toString(), -1, -1, message, cause); }
    public InputException(String message) { this(null, -1, -1, message, null); }

    public String getFile() { return file; }
    public int getLine() { return line; }
    public int getColumn() { return column; }

    /** "config.yaml:12:5: message" — the format compilers use, so editors can jump to it. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) sb.append(':').append(column);
            }
            sb.append(": ");
        }
        sb.append(getMessage());
        return sb.toString();
    }
}

package io.failready.schema;

import io.failready.util.InputException;

import java.util.Locale;

/**
 * The one switch between the fast schema checks of this package and the reference validator
 * (networknt) for snapshots and reports. {@code fast}, the default: a streaming check accepts what
 * is certainly valid and sends anything in doubt to networknt, which decides and words the error.
 * {@code reference}: networknt checks every input in full and the fast checks never run, for when
 * a fast check is suspected of a wrong answer. Both must give the same verdict and the same error
 * (FastPathParityTest).
 */
public final class SchemaCheck {
    private SchemaCheck() {}

    public static final String ENV = "FAILREADY_SCHEMA_CHECK";
    public static final String PROPERTY = "failready.schemaCheck";

    /**
     * Whether the fast checks may run. Read on every call, so a test can switch it. A value that is
     * neither mode is refused rather than read as the default: someone who set it wanted the
     * reference validator, and a typo must not quietly take it away.
     */
    public static boolean fast() {
        String v = System.getProperty(PROPERTY);
        String from = "-D" + PROPERTY;
        if (v == null) {
            v = System.getenv(ENV);
            from = ENV;
        }
        if (v == null || v.isBlank()) return true;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "fast" -> true;
            case "reference" -> false;
            default -> throw new InputException(from + " is '" + io.failready.util.Terminal.safe(v) + "'; it must be 'fast'"
                    + " (the default: streaming checks, the reference validator for anything in doubt) or 'reference'"
                    + " (the reference validator checks every snapshot and report in full).");
        };
    }
}

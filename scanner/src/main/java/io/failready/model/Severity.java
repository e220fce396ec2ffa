package io.failready.model;

/** Rule severities with the documented score weights (docs/checklist.md, "Score and verdict"). */
public enum Severity {
    CRITICAL(10), HIGH(5), MEDIUM(2), LOW(1);

    private final int weight;
    Severity(int weight) { this.weight = weight; }
    public int weight() { return weight; }
    /** True when this severity is at or above {@code threshold} (CRITICAL is highest). */
    public boolean atLeast(Severity threshold) { return ordinal() <= threshold.ordinal(); }

    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + s + "' is not a severity (CRITICAL, HIGH, MEDIUM, LOW)");
        }
    }
}

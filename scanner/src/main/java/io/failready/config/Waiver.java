package io.failready.config;

import java.time.LocalDate;

/** An accepted risk: rule id + resource pattern, with who approved it and until when. */
public final class Waiver {
    public String rule;
    /** Glob over resourceId or resourceName ("*" any run, "?" one char). */
    public String resource = "*";
    public String reason;
    public String approver;
    public String owner;
    public LocalDate expires;
    /** Where it was declared ("payments.yaml:42"), for messages. */
    public transient String source;

    public boolean isApproved() { return approver != null && !approver.isBlank(); }
    /**
     * {@code expires} is the last day the waiver applies, inclusive, and days are UTC days: a waiver
     * expiring 2026-12-04 holds through 23:59:59Z that day, wherever the approver sits. Callers pass
     * today's UTC date from the evaluation or gate clock (AsOf.getToday).
     */
    public boolean isExpired(LocalDate today) { return expires == null || expires.isBefore(today); }
}

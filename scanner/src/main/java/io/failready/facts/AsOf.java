package io.failready.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The moment the evaluation judges "now" (drill age, approval expiry). A fact rather than a
 * clock call so that evaluating the same snapshot at the same --as-of gives the same report.
 */
public final class AsOf {
    public final Instant instant;

    public AsOf(Instant instant) { this.instant = instant; }

    public Instant getInstant() { return instant; }
    public LocalDate getToday() { return instant.atZone(ZoneOffset.UTC).toLocalDate(); }
    public long daysSince(LocalDate date) { return date == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(date, getToday()); }
    /** True when {@code date} is null or before today: an expiry that has passed. */
    public boolean expired(LocalDate date) { return date == null || date.isBefore(getToday()); }
}

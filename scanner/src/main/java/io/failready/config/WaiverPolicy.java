package io.failready.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import io.failready.util.Durations;

import java.time.LocalDate;

/**
 * What a waiver must carry to be honoured (config {@code waiverPolicy}). A waiver always needs an
 * approver, a reason and an expiry date; the policy can cap how far ahead the expiry may be, and
 * (by default) refuses blanket resources ({@code "*"}) on CRITICAL rules, where one
 * line would otherwise silence every resource of the rule at once.
 */
public final class WaiverPolicy {
    /** Longest time from today to a waiver's expiry ("90d"); null: no limit. */
    public String maxDuration;
    public boolean allowBlanketCritical;

    /** Why {@code wv} may not waive {@code e} today, or null when it applies. */
    public String refusal(Waiver wv, Evaluation e, LocalDate today) {
        if (!wv.isApproved()) return "has no approver and does not apply";
        if (wv.expires == null) return "has no expiry date and does not apply";
        if (wv.isExpired(today)) return "expired on " + wv.expires + " and no longer applies";
        if (wv.reason == null || wv.reason.isBlank()) return "has no reason and does not apply";
        if (maxDuration != null) {
            long days = Durations.parse(maxDuration).toDays();
            if (wv.expires.isAfter(today.plusDays(days))) {
                return "expires on " + wv.expires + ", more than waiverPolicy.maxDuration " + maxDuration
                        + " from today, and does not apply";
            }
        }
        if (!allowBlanketCritical && isBlanket(wv) && e.getSeverity() == Severity.CRITICAL) {
            return "waives every resource (\"" + (wv.resource == null ? "*" : wv.resource) + "\") of a CRITICAL rule, which"
                    + " waiverPolicy.allowBlanketCritical does not allow; name the resources, and it does not apply";
        }
        return null;
    }

    @JsonIgnore
    static boolean isBlanket(Waiver wv) {
        return wv.resource == null || wv.resource.isBlank() || wv.resource.chars().allMatch(c -> c == '*');
    }
}

package io.failready.facts.derived;

/**
 * The judgement of one endpoint's records or health checks when its Route 53 data was visible:
 * {@code outcome} is COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or INSUFFICIENT_DATA, {@code text} the
 * reason (no final period), {@code accountId} the account holding the zone.
 */
public final class TrafficVerdict {
    public final String outcome;
    public final String text;
    public final String accountId;

    public TrafficVerdict(String outcome, String text, String accountId) {
        this.outcome = outcome;
        this.text = text;
        this.accountId = accountId;
    }

    public String getOutcome() { return outcome; }
    public String getText() { return text; }
    public String getAccountId() { return accountId; }
    @Override public String toString() { return outcome + ": " + text; }
}

package io.failready.rules.api;

import io.failready.facts.Resource;

import java.util.Objects;

/**
 * A candidate twin of the primary key {@code keyArn} in {@code recoveryRegion}: its multi-Region
 * replica ({@code matchedBy} "multi-Region replica", rank 0) or a key carrying the same alias or the
 * region-token-swapped alias ({@code matchedBy} "alias alias/...", rank 1). {@link SecurityIndex#counterparts}
 * lists them; the security decisions pick the best of them.
 */
public final class SecurityKeyCounterpart {
    public final String keyArn;
    public final String recoveryRegion;
    public final Resource counterpart;
    public final String matchedBy;
    public final int rank;

    public SecurityKeyCounterpart(String keyArn, String recoveryRegion, Resource counterpart, String matchedBy, int rank) {
        this.keyArn = keyArn;
        this.recoveryRegion = recoveryRegion;
        this.counterpart = counterpart;
        this.matchedBy = matchedBy;
        this.rank = rank;
    }

    public String getKeyArn() { return keyArn; }
    public String getRecoveryRegion() { return recoveryRegion; }
    public Resource getCounterpart() { return counterpart; }
    public String getMatchedBy() { return matchedBy; }
    public int getRank() { return rank; }

    @Override public boolean equals(Object o) {
        return o instanceof SecurityKeyCounterpart c && keyArn.equals(c.keyArn) && recoveryRegion.equals(c.recoveryRegion)
                && counterpart.getResourceId().equals(c.counterpart.getResourceId()) && matchedBy.equals(c.matchedBy);
    }
    @Override public int hashCode() { return Objects.hash(keyArn, recoveryRegion, counterpart.getResourceId(), matchedBy); }
    @Override public String toString() { return "SecurityKeyCounterpart(" + keyArn + " -> " + counterpart.getResourceId() + " by " + matchedBy + ")"; }
}

package io.failready.facts;

/**
 * The twin of a primary-region resource in a recovery region, found by the counterpart matcher
 * ({@code matchedBy}: service-link, logical-id-tag, same-name, region-token-name, config-mapping).
 * Absence of a Counterpart fact for a resource and recovery region means none was found.
 * Public final fields rather than a record so DRL eval() can read them.
 */
public final class Counterpart {
    public final String resourceId;
    public final String recoveryRegion;
    public final Resource counterpart;
    public final String matchedBy;

    public Counterpart(String resourceId, String recoveryRegion, Resource counterpart, String matchedBy) {
        this.resourceId = resourceId;
        this.recoveryRegion = recoveryRegion;
        this.counterpart = counterpart;
        this.matchedBy = matchedBy;
    }

    public String getResourceId() { return resourceId; }
    public String getRecoveryRegion() { return recoveryRegion; }
    public Resource getCounterpart() { return counterpart; }
    public String getMatchedBy() { return matchedBy; }
    public String getCounterpartId() { return counterpart.getResourceId(); }
    public String resourceId() { return resourceId; }
    public String recoveryRegion() { return recoveryRegion; }
    public Resource counterpart() { return counterpart; }
    public String matchedBy() { return matchedBy; }
}

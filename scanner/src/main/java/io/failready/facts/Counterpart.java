package io.failready.facts;

/**
 * The twin of a primary-region resource in a recovery region, found by the counterpart matcher
 * ({@code matchedBy}: service-link, logical-id-tag, same-name, region-token-name, config-mapping).
 * Absence of a Counterpart fact for a resource and recovery region means none was found.
 * Public final fields rather than a record so DRL eval() can read them.
 */
public final class Counterpart {
    /**
     * The primary resource's type. Rules constrain it first so Drools hashes each counterpart into
     * the join nodes of its own type only: without it every Counterpart entered every Counterpart
     * join in the catalog (30 nodes x all counterparts, the largest share of working memory).
     */
    public final String resourceType;
    public final String resourceId;
    public final String recoveryRegion;
    public final Resource counterpart;
    public final String matchedBy;

    public Counterpart(String resourceType, String resourceId, String recoveryRegion, Resource counterpart, String matchedBy) {
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.recoveryRegion = recoveryRegion;
        this.counterpart = counterpart;
        this.matchedBy = matchedBy;
    }

    public String getResourceType() { return resourceType; }
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

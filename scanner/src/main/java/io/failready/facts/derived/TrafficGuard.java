package io.failready.facts.derived;

import io.failready.facts.Resource;

/** The Route 53 health check {@code healthCheck} guards a record of the endpoint {@code endpoint}. */
public final class TrafficGuard {
    public final String endpoint;
    public final Resource healthCheck;

    public TrafficGuard(String endpoint, Resource healthCheck) { this.endpoint = endpoint; this.healthCheck = healthCheck; }

    public String getEndpoint() { return endpoint; }
    public Resource getHealthCheck() { return healthCheck; }

    @Override public boolean equals(Object o) { return o instanceof TrafficGuard g && endpoint.equals(g.endpoint) && healthCheck.getResourceId().equals(g.healthCheck.getResourceId()); }
    @Override public int hashCode() { return java.util.Objects.hash(endpoint, healthCheck.getResourceId()); }
    @Override public String toString() { return "TrafficGuard(" + endpoint + " <- " + healthCheck.getResourceId() + ")"; }
}

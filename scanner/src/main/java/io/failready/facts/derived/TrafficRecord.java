package io.failready.facts.derived;

import io.failready.facts.Resource;

/**
 * A Route 53 address record (A, AAAA, CNAME) under its normalised name, so endpoint rules join
 * records by {@code name} equality; {@code healthCheckId} is null when the record has none.
 */
public final class TrafficRecord {
    public final String name;
    public final Resource record;
    public final String healthCheckId;

    public TrafficRecord(String name, Resource record) {
        this.name = name;
        this.record = record;
        this.healthCheckId = record.str("healthCheckId");
    }

    public String getName() { return name; }
    public Resource getRecord() { return record; }
    public String getHealthCheckId() { return healthCheckId; }

    @Override public boolean equals(Object o) { return o instanceof TrafficRecord t && name.equals(t.name) && record.getResourceId().equals(t.record.getResourceId()); }
    @Override public int hashCode() { return java.util.Objects.hash(name, record.getResourceId()); }
    @Override public String toString() { return "TrafficRecord(" + name + " " + record.getResourceId() + ")"; }
}

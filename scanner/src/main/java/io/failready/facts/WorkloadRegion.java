package io.failready.facts;

/**
 * A region the workload runs in; {@code primary} tells the declared primary from recovery regions.
 * A class with public final fields, not a record: the DRL Java dialect inside eval() reads
 * {@code $p.recovery} as a field, which a record keeps private.
 */
public final class WorkloadRegion {
    public final String region;
    public final boolean primary;

    public WorkloadRegion(String region, boolean primary) {
        this.region = region;
        this.primary = primary;
    }

    public String getRegion() { return region; }
    public String region() { return region; }
    public boolean isPrimary() { return primary; }
    public boolean primary() { return primary; }

    @Override public boolean equals(Object x) { return x instanceof WorkloadRegion o && java.util.Objects.equals(region, o.region) && primary == o.primary; }
    @Override public int hashCode() { return java.util.Objects.hash(region, primary); }
}

package io.failready.facts;

/**
 * A direction to check: resources in {@code primary} need twins in {@code recovery}. One pair per
 * recovery region; an active-active workload gets every ordered pair of its regions.
 * A class with public final fields, not a record: the DRL Java dialect inside eval() reads
 * {@code $p.recovery} as a field, which a record keeps private.
 */
public final class RegionPair {
    public final String workload;
    public final String primary;
    public final String recovery;

    public RegionPair(String workload, String primary, String recovery) {
        this.workload = workload;
        this.primary = primary;
        this.recovery = recovery;
    }

    public String getWorkload() { return workload; }
    public String workload() { return workload; }
    public String getPrimary() { return primary; }
    public String primary() { return primary; }
    public String getRecovery() { return recovery; }
    public String recovery() { return recovery; }
    @Override public String toString() { return primary + "->" + recovery; }

    @Override public boolean equals(Object x) { return x instanceof RegionPair o && java.util.Objects.equals(workload, o.workload) && java.util.Objects.equals(primary, o.primary) && java.util.Objects.equals(recovery, o.recovery); }
    @Override public int hashCode() { return java.util.Objects.hash(workload, primary, recovery); }
}

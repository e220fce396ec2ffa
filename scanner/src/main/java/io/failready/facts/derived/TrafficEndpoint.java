package io.failready.facts.derived;

/** An endpoint name declared in the workload ({@code endpoints}), normalised: lower case, no trailing dot. */
public final class TrafficEndpoint {
    public final String name;

    public TrafficEndpoint(String name) { this.name = name; }

    public String getName() { return name; }

    @Override public boolean equals(Object o) { return o instanceof TrafficEndpoint e && name.equals(e.name); }
    @Override public int hashCode() { return name.hashCode(); }
    @Override public String toString() { return "TrafficEndpoint(" + name + ")"; }
}

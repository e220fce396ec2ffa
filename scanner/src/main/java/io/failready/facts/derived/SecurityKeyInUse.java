package io.failready.facts.derived;

import io.failready.facts.Resource;

import java.util.Objects;

/** The KMS key {@code keyArn} (an inventoried key) protects the in-scope data store {@code user}. */
public final class SecurityKeyInUse {
    public final String keyArn;
    public final String ref;
    public final Resource user;

    public SecurityKeyInUse(String keyArn, String ref, Resource user) { this.keyArn = keyArn; this.ref = ref; this.user = user; }

    public String getKeyArn() { return keyArn; }
    public String getRef() { return ref; }
    public Resource getUser() { return user; }
    public String getUserName() { return user.getResourceName(); }

    @Override public boolean equals(Object o) { return o instanceof SecurityKeyInUse u && keyArn.equals(u.keyArn) && ref.equals(u.ref) && user.getResourceId().equals(u.user.getResourceId()); }
    @Override public int hashCode() { return Objects.hash(keyArn, ref, user.getResourceId()); }
    @Override public String toString() { return "SecurityKeyInUse(" + keyArn + " by " + user.getResourceId() + ")"; }
}

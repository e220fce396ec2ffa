package io.failready.rules.api;

import io.failready.facts.Resource;

import java.util.Objects;

/**
 * An in-scope data store (bucket, table, database, secret) names a KMS key: {@code ref} is the
 * reference normalised to ARN form (key ARN or alias ARN) in the store's account and region.
 * {@link SecurityIndex#unresolvedKeyRefs} returns these for references that name no inventoried key.
 */
public final class SecurityKeyReference {
    public final String ref;
    public final Resource user;

    public SecurityKeyReference(String ref, Resource user) { this.ref = ref; this.user = user; }

    public String getRef() { return ref; }
    public Resource getUser() { return user; }
    public String getUserId() { return user.getResourceId(); }
    public String getAccountId() { return Arns.account(ref); }
    public String getRegion() { return Arns.region(ref); }

    @Override public boolean equals(Object o) { return o instanceof SecurityKeyReference r && ref.equals(r.ref) && user.getResourceId().equals(r.user.getResourceId()); }
    @Override public int hashCode() { return Objects.hash(ref, user.getResourceId()); }
    @Override public String toString() { return "SecurityKeyReference(" + ref + " by " + user.getResourceId() + ")"; }
}

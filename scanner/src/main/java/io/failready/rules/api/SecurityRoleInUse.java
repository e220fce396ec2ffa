package io.failready.rules.api;

import java.util.Objects;

/**
 * The IAM role {@code roleArn} is used by the workload: it is in scope itself ({@code usedBy}
 * "the workload scope"), or an in-scope Lambda function runs as it ({@code usedBy} = the function's name).
 * {@link SecurityIndex#rolesNotInInventory} returns these for roles missing from the inventory.
 */
public final class SecurityRoleInUse {
    public final String roleArn;
    public final String usedBy;

    public SecurityRoleInUse(String roleArn, String usedBy) { this.roleArn = roleArn; this.usedBy = usedBy; }

    public String getRoleArn() { return roleArn; }
    public String getUsedBy() { return usedBy; }

    @Override public boolean equals(Object o) { return o instanceof SecurityRoleInUse r && roleArn.equals(r.roleArn) && usedBy.equals(r.usedBy); }
    @Override public int hashCode() { return Objects.hash(roleArn, usedBy); }
    @Override public String toString() { return "SecurityRoleInUse(" + roleArn + " by " + usedBy + ")"; }
}

package io.failready.facts;

/**
 * An account the workload declares; account-level rules evaluate one of these each.
 * A class with public final fields, not a record: the DRL Java dialect inside eval() reads
 * {@code $p.recovery} as a field, which a record keeps private.
 */
public final class WorkloadAccount {
    public final String accountId;
    public final String name;

    public WorkloadAccount(String accountId, String name) {
        this.accountId = accountId;
        this.name = name;
    }

    public String getAccountId() { return accountId; }
    public String accountId() { return accountId; }
    public String getName() { return name; }
    public String name() { return name; }
    public String getArn() { return "arn:aws:::" + accountId; }

    @Override public boolean equals(Object x) { return x instanceof WorkloadAccount o && java.util.Objects.equals(accountId, o.accountId) && java.util.Objects.equals(name, o.name); }
    @Override public int hashCode() { return java.util.Objects.hash(accountId, name); }
}

package io.failready.collect;

import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.List;

/**
 * The services the scanner itself calls, outside any collector: STS to resolve the caller and
 * assume each account's role, Organizations to list an organization's accounts, and the account
 * API for {@code init}'s enabled regions ({@link Accounts}, {@link Discovery}). Declared once, like
 * a collector, so the client factory, the read-only proof and the IAM policy see them too.
 */
public final class FrameworkClients {
    private FrameworkClients() {}

    public static final CollectorDescriptor STS = CollectorDescriptor.of("sts", StsClient.class, StsClient::builder)
            .operations("AssumeRole", "GetCallerIdentity").global().build();
    public static final CollectorDescriptor ORGANIZATIONS = CollectorDescriptor.of("organizations", OrganizationsClient.class,
            OrganizationsClient::builder).operations("ListAccounts").global().build();
    public static final CollectorDescriptor ACCOUNT = CollectorDescriptor.of("account", AccountClient.class, AccountClient::builder)
            .operations("ListRegions").global().build();

    public static final List<CollectorDescriptor> ALL = List.of(ACCOUNT, ORGANIZATIONS, STS);
}

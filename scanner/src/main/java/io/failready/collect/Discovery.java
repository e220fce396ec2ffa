package io.failready.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What `failready init` can learn from the credentials at hand, with the same read-only calls the
 * collectors use (sts:GetCallerIdentity, organizations:ListAccounts, account:ListRegions). Each
 * step that is refused just leaves that part to the user.
 */
public final class Discovery {
    private Discovery() {}

    public record Account(String id, String name) {}

    public record Result(String callerAccount, List<Account> accounts, List<String> enabledRegions, List<String> notes) {}

    public static Result discover(String profile, URI endpoint, String region) {
        AwsCredentialsProvider creds = profile == null || profile.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(profile).build();
        List<String> notes = new ArrayList<>();
        try (ClientFactory clients = new ClientFactory(ClientFactory.resolveEndpoint(endpoint, System.getenv()), Duration.ofSeconds(10))) {
            String caller = clients.client(StsClient.class, "base", creds, region).getCallerIdentity().account();
            List<Account> accounts = new ArrayList<>();
            try {
                Accounts.organizationAccounts(clients.client(OrganizationsClient.class, "base", creds, "us-east-1"))
                        .forEach((id, name) -> accounts.add(new Account(id, name)));
                notes.add("accounts listed from AWS Organizations");
            } catch (RuntimeException e) {
                accounts.add(new Account(caller, null));
                notes.add("Organizations not readable (" + Gaps.errorCode(e) + "): listed only the caller's account");
            }
            List<String> regions = new ArrayList<>();
            try {
                clients.client(AccountClient.class, "base", creds, region).listRegionsPaginator(r -> r.regionOptStatusContains(
                        RegionOptStatus.ENABLED, RegionOptStatus.ENABLED_BY_DEFAULT)).regions().forEach(r -> regions.add(r.regionName()));
                regions.sort(null);
            } catch (RuntimeException e) {
                notes.add("enabled regions not readable (" + Gaps.errorCode(e) + ")");
            }
            return new Result(caller, accounts, regions, notes);
        }
    }

    /**
     * The organization's ACTIVE account ids for {@code --organization}, with no fallback: a refused or
     * empty listing fails the command instead of quietly scanning the caller's account alone.
     */
    public static List<String> organizationAccountIds(String profile, URI endpoint) {
        AwsCredentialsProvider creds = profile == null || profile.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(profile).build();
        try (ClientFactory clients = new ClientFactory(ClientFactory.resolveEndpoint(endpoint, System.getenv()), Duration.ofSeconds(10))) {
            return List.copyOf(Accounts.organizationAccounts(clients.client(OrganizationsClient.class, "base", creds, "us-east-1")).keySet());
        }
    }

    /** Whether credentials are evidently configured, so discovery is worth trying without hanging on IMDS. */
    public static boolean credentialsPresent(Map<String, String> env, String profile) {
        if (profile != null && !profile.isBlank()) return true;
        if (env.containsKey("AWS_ACCESS_KEY_ID") || env.containsKey("AWS_PROFILE") || env.containsKey("AWS_WEB_IDENTITY_TOKEN_FILE")
                || env.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) return true;
        String file = env.getOrDefault("AWS_SHARED_CREDENTIALS_FILE", System.getProperty("user.home") + "/.aws/credentials");
        return !file.equals("/dev/null") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file));
    }
}

package io.failready.collect;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Decides which accounts a scan covers and with which credentials:
 * <ul>
 *   <li>no accounts: the caller's own account ({@code sts:GetCallerIdentity}) with the base credentials;</li>
 *   <li>{@code --accounts} / {@code --organization} ({@code organizations:ListAccounts}, State ACTIVE only) with
 *       {@code --role-name}: {@code sts:AssumeRole} into each, session name {@code failready};</li>
 *   <li>AWS not answering sts:GetCallerIdentity or organizations:ListAccounts (refused, timed out, 5xx) is a
 *       gap, not an error: the declared accounts are still scanned (each call then leaves its own gap), and
 *       with no account known the snapshot holds only that gap. Credential problems still throw
 *       {@link CollectionException} (the user's to fix, exit 2);</li>
 *   <li>a failed AssumeRole is a gap with service {@code *} for that account in every scanned region
 *       (and {@code global}); the scan goes on with the other accounts.</li>
 * </ul>
 */
public final class Accounts {
    static final String SESSION_NAME = "failready";
    private static final String BASE = "base";

    record Resolved(List<AccountTarget> targets, List<String> accountIds, List<CollectionGap> gaps) {}

    private Accounts() {}

    static Resolved resolve(CollectRequest req, ClientFactory clients, AwsCredentialsProvider base, ExecutorService pool) {
        List<CollectionGap> gaps = new ArrayList<>();
        String caller = null;
        String home = null;
        StsClient sts = null;
        RuntimeException failed = null;
        // STS is regional: when the first region does not answer (the outage an incident pre-check runs
        // in), the next scanned region's STS identifies the caller and assumes the roles instead
        for (String r : req.regions().isEmpty() ? List.of("us-east-1") : req.regions()) {
            StsClient c = clients.client(StsClient.class, BASE, base, r);
            try {
                caller = c.getCallerIdentity().account();
                home = r;
                sts = c;
                break;
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                    home = r;
                    sts = c;
                }
                if (!Gaps.noAnswer(e)) break; // an answer saying no is the same in every region
            }
        }
        if (caller == null) {
            RuntimeException e = failed;
            CollectionException ce = new CollectionException("cannot identify the caller's AWS account (sts:GetCallerIdentity failed: "
                    + Gaps.errorCode(e) + ": " + Gaps.message(e) + "); check --profile or the credential environment.", e);
            // Credentials the user must fix stop here (exit 2, no report). AWS not answering is not the
            // user's input: it becomes a gap, and the scan goes on with whatever accounts are declared,
            // so the report shows what could not be read and the verdict is UNKNOWN.
            if (ce.kind() == CollectionException.Cause.CREDENTIALS) throw ce;
            caller = null;
            gaps.add(new CollectionGap(CollectionGap.UNKNOWN_ACCOUNT, home, "sts", "GetCallerIdentity", null, null,
                    Gaps.errorCode(e), Gaps.message(e)));
        }

        Map<String, String> wanted = new LinkedHashMap<>();   // account id -> name (null when unknown)
        for (String a : req.accounts()) wanted.put(a.trim(), null);
        if (req.organization()) {
            try {
                wanted.putAll(organizationAccounts(clients.client(OrganizationsClient.class, BASE, base, Resource.GLOBAL)));
            } catch (CollectionException ce) {
                if (ce.kind() == CollectionException.Cause.CREDENTIALS) throw ce;
                // the member accounts are unknown: a gap for the listing; any --accounts still get scanned
                Throwable e = ce.getCause() == null ? ce : ce.getCause();
                gaps.add(new CollectionGap(caller != null ? caller : CollectionGap.UNKNOWN_ACCOUNT, Resource.GLOBAL, "organizations",
                        "ListAccounts", null, null, Gaps.errorCode(e), Gaps.message(e)));
            }
        }
        if (wanted.isEmpty()) {
            // no account can be known at all: nothing to collect, only the gap(s) saying why
            if (caller == null) return new Resolved(List.of(), List.of(), gaps);
            if (!gaps.isEmpty()) return new Resolved(List.of(), List.of(), gaps); // the organization could not be listed
            return new Resolved(List.of(new AccountTarget(caller, null, base)), List.of(caller), List.of());
        }

        StsClient roleSts = sts;
        List<AccountTarget> targets = new ArrayList<>();
        Map<String, Future<AwsCredentialsProvider>> pending = new LinkedHashMap<>();
        for (var e : wanted.entrySet()) {
            String id = e.getKey();
            if (req.roleName() == null || req.roleName().isBlank()) {
                if (id.equals(caller)) targets.add(new AccountTarget(id, e.getValue(), base));
                else if (caller == null) gaps.addAll(accountGaps(req, id, "GetCallerIdentity", gaps.get(0).getErrorCode(), "the base credentials could not be confirmed to belong to account " + id
                        + " (sts:GetCallerIdentity did not answer), so nothing was read as that account."));
                else gaps.addAll(accountGaps(req, id, "AssumeRole", "RoleNameRequired",
                        "account " + id + " is not the caller's account (" + caller + ") and no --role-name was given."));
                continue;
            }
            pending.put(id, pool.submit(() -> assume(roleSts, id, req.roleName(), req.externalId())));
        }
        for (var p : pending.entrySet()) {
            String id = p.getKey();
            try {
                targets.add(new AccountTarget(id, wanted.get(id), p.getValue().get()));
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                gaps.addAll(accountGaps(req, id, "AssumeRole", Gaps.errorCode(c), Gaps.message(c)));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                gaps.addAll(accountGaps(req, id, "AssumeRole", Gaps.SCAN_TIMEOUT, "interrupted"));
            }
        }
        return new Resolved(targets, List.copyOf(wanted.keySet()), gaps);
    }

    /**
     * The organization's ACTIVE accounts (id -> name). {@code State} is read, {@code Status} (retired by
     * AWS) only when an older endpoint sends no {@code State}. An organization that yields no active
     * account is refused: scanning the caller's account alone would look like a scan of the organization.
     */
    public static Map<String, String> organizationAccounts(OrganizationsClient org) {
        Map<String, String> active = new LinkedHashMap<>();
        Map<String, Integer> others = new java.util.TreeMap<>();
        try {
            org.listAccountsPaginator().stream().flatMap(p -> p.accounts().stream()).forEach(a -> {
                String state = state(a);
                if ("ACTIVE".equals(state)) active.put(a.id(), a.name());
                else others.merge(state == null ? "no State or Status" : state, 1, Integer::sum);
            });
        } catch (RuntimeException e) {
            throw new CollectionException("cannot list the organization's accounts (organizations:ListAccounts failed: "
                    + Gaps.errorCode(e) + ": " + Gaps.message(e) + "); run from the management or a delegated administrator account.", e);
        }
        if (active.isEmpty()) {
            throw new io.failready.util.InputException("--organization: organizations:ListAccounts returned no ACTIVE account"
                    + (others.isEmpty() ? "" : " (seen: " + others.entrySet().stream().map(x -> x.getValue() + " " + x.getKey())
                    .collect(java.util.stream.Collectors.joining(", ")) + ")")
                    + "; nothing to scan. Check that the credentials belong to the organization's management or delegated"
                    + " administrator account, or name the accounts with --accounts.");
        }
        return active;
    }

    /** The account's lifecycle state: {@code State} when sent, else the retired {@code Status}. */
    static String state(software.amazon.awssdk.services.organizations.model.Account a) {
        if (a.state() != null) return a.stateAsString();
        return a.status() == null ? null : a.statusAsString();
    }

    /** Assumes the role now, so a refusal is known before any collector runs; the provider refreshes later. */
    private static AwsCredentialsProvider assume(StsClient sts, String account, String roleName, String externalId) {
        String arn = "arn:aws:iam::" + account + ":role/" + roleName;
        StsAssumeRoleCredentialsProvider p = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(arn).roleSessionName(SESSION_NAME);
                    if (externalId != null && !externalId.isBlank()) r.externalId(externalId);
                })
                .build();
        p.resolveCredentials();
        return p;
    }

    /** One service-wide ("*") gap per scanned region and global: nothing is known about this account. */
    static List<CollectionGap> accountGaps(CollectRequest req, String account, String operation, String code, String message) {
        List<CollectionGap> gaps = new ArrayList<>();
        List<String> places = new ArrayList<>(req.regions());
        places.add(Resource.GLOBAL);
        for (String r : places) {
            gaps.add(new CollectionGap(account, r, CollectionGap.ALL_SERVICES, operation, null, null, code, message));
        }
        return gaps;
    }
}

package io.failready.collect;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.withSettings;

/**
 * The mapping of Organizations pages to the accounts a scan covers, on a mocked client interface
 * (the SDK's own paginator runs for real and asks the mock for each page): every page is read,
 * State decides, and a failed listing is classified as the user's credentials or AWS not answering.
 */
class OrganizationAccountsPagingTest {
    /** A client whose paginator default methods are the SDK's; only ListAccounts itself is stubbed. */
    static OrganizationsClient client() {
        return mock(OrganizationsClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    }

    static Account account(String id, AccountState state, AccountStatus status) {
        return Account.builder().id(id).name("acct-" + id).state(state).status(status).build();
    }

    @Test
    void everyPageIsReadAndStateDecidesOverTheRetiredStatus() {
        OrganizationsClient org = client();
        doReturn(ListAccountsResponse.builder()
                .accounts(account("111111111111", AccountState.ACTIVE, null),
                        account("333333333333", AccountState.PENDING_CLOSURE, AccountStatus.ACTIVE))
                .nextToken("page-2").build())
                .when(org).listAccounts(argThat((ListAccountsRequest r) -> r != null && r.nextToken() == null));
        doReturn(ListAccountsResponse.builder()
                .accounts(account("222222222222", AccountState.ACTIVE, AccountStatus.ACTIVE),
                        account("555555555555", null, AccountStatus.ACTIVE))
                .build())
                .when(org).listAccounts(argThat((ListAccountsRequest r) -> r != null && "page-2".equals(r.nextToken())));

        Map<String, String> active = Accounts.organizationAccounts(org);

        assertEquals(List.of("111111111111", "222222222222", "555555555555"), List.copyOf(active.keySet()));
        assertEquals("acct-222222222222", active.get("222222222222"));
        verify(org, times(2)).listAccounts(any(ListAccountsRequest.class));
    }

    @Test
    void aDeniedListingIsTheUsersCredentialsAndAnUnavailableOneIsAwsNotAnswering() {
        OrganizationsClient denied = client();
        doThrow(error("AccessDeniedException", 400)).when(denied).listAccounts(any(ListAccountsRequest.class));
        assertEquals(CollectionException.Cause.CREDENTIALS,
                assertThrows(CollectionException.class, () -> Accounts.organizationAccounts(denied)).kind());

        OrganizationsClient down = client();
        doThrow(error("ServiceException", 500)).when(down).listAccounts(any(ListAccountsRequest.class));
        assertEquals(CollectionException.Cause.AWS_UNAVAILABLE,
                assertThrows(CollectionException.class, () -> Accounts.organizationAccounts(down)).kind());
    }

    static OrganizationsException error(String code, int status) {
        return (OrganizationsException) OrganizationsException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}

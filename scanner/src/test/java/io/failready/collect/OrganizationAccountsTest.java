package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.cli.FailReady;
import io.failready.snapshot.Snapshot;
import io.failready.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `--organization` reads each account's {@code State} (AWS retired {@code Status}); an organization
 * that yields no ACTIVE account is refused rather than quietly scanning the caller's account alone.
 */
class OrganizationAccountsTest {
    static CollectRequest organization(AwsStub stub) {
        return new CollectRequest(List.of(), "failready-audit", null, true, null, List.of("us-east-1", "eu-west-1"), stub.endpoint(), 4,
                Duration.ofSeconds(5), Duration.ofMinutes(1), false, null);
    }

    @Test
    void activeAccountsComeFromStateAndRetiredStatusIsOnlyAFallback() {
        try (AwsStub stub = AwsStub.start("OrganizationTest").callerAccount("111111111111")) {
            Snapshot s = Collection.run(organization(stub), TestAws.options(List.of()));
            // 333 says Status ACTIVE but State PENDING_CLOSURE: State wins; 555 sends only the retired Status
            assertEquals(List.of("111111111111", "222222222222", "555555555555"), s.getAccounts());
        }
    }

    @Test
    void anOrganizationWithNoActiveAccountIsRefusedNamingWhatWasSeen() {
        try (AwsStub stub = AwsStub.start("OrganizationTest").callerAccount("999999999999")) {
            InputException e = assertThrows(InputException.class, () -> Collection.run(organization(stub), TestAws.options(List.of())));
            assertTrue(e.getMessage().contains("no ACTIVE account"), e.getMessage());
            assertTrue(e.getMessage().contains("1 CLOSED, 1 PENDING_CLOSURE"), e.getMessage());
            assertTrue(stub.calls().stream().noneMatch(c -> c.operation().equals("AssumeRole")), "nothing is scanned");
        }
    }

    @Test
    void collectWithAnEmptyOrganizationExitsTwoAndWritesNothing(@TempDir Path dir) {
        try (AwsStub stub = AwsStub.start("OrganizationTest").callerAccount("999999999999")) {
            for (String[] shard : List.of(new String[0], new String[] {"--shard", "1/2"})) {
                Path out = dir.resolve("snap" + shard.length + ".json.gz");
                StringWriter o = new StringWriter(), e = new StringWriter();
                List<String> args = new java.util.ArrayList<>(List.of("collect", "--primary-region", "us-east-1", "--recovery-region", "eu-west-1",
                        "--organization", "--role-name", "failready-audit", "--endpoint-url", stub.endpoint().toString(),
                        "--call-timeout", "5s", "--out", out.toString()));
                args.addAll(List.of(shard));
                int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
                assertEquals(2, exit, String.join(" ", shard) + "\n" + e);
                assertTrue(e.toString().contains("--organization: organizations:ListAccounts returned no ACTIVE account"), e.toString());
                assertFalse(Files.exists(out));
            }
        }
    }
}

package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.cli.FailReady;
import io.failready.config.ConfigLoader;
import io.failready.config.FailreadyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `failready init` writes a valid, commented starter config, discovering accounts and regions when it can. */
class InitDiscoveryTest {
    @TempDir Path tmp;

    static int run(StringWriter out, StringWriter err, String... args) {
        return FailReady.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void discoversActiveOrganizationAccountsAndEnabledRegions() throws Exception {
        try (AwsStub stub = AwsStub.start("DiscoveryTest").callerAccount("111111111111")) {
            Path f = tmp.resolve("failready.yaml");
            StringWriter o = new StringWriter(), e = new StringWriter();
            int exit = run(o, e, "init", "--discover", "--endpoint-url", stub.endpoint().toString(), "-o", f.toString(),
                    "--name", "payments", "--primary-region", "us-east-1", "--recovery-region", "eu-west-1");
            assertEquals(0, exit, e.toString());
            String text = Files.readString(f);
            assertTrue(text.contains("# regions enabled for 111111111111: eu-south-2, eu-west-1, us-east-1"), text);
            FailreadyConfig cfg = ConfigLoader.load(f, null);
            assertEquals(List.of("111111111111", "222222222222"), cfg.workloads.get(0).accountIds(), "suspended accounts are left out");
            assertEquals("payments-dr: eu", cfg.workloads.get(0).accounts.get(1).name, "names with YAML specials are quoted");
        }
    }

    @Test
    void withoutDiscoveryWritesPlaceholdersThatStillValidate() throws Exception {
        Path f = tmp.resolve("starter.yaml");
        StringWriter o = new StringWriter(), e = new StringWriter();
        assertEquals(0, run(o, e, "init", "--no-discover", "-o", f.toString(), "--accounts", "123456789012,210987654321"));
        FailreadyConfig cfg = ConfigLoader.load(f, null);
        assertEquals(List.of("123456789012", "210987654321"), cfg.workloads.get(0).accountIds());
        assertTrue(Files.readString(f).contains("# recovery time objective"), "the starter is commented");
        assertEquals(2, run(o, e, "init", "--no-discover", "-o", f.toString()), "an existing file is not overwritten without --force");
    }
}

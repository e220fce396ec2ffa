package io.failready.collect.aws;

import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.collect.FrameworkClients;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Read-only and secret-free, from the code's own list of calls; and the IAM policy derived from it. */
class ApiCallsTest {
    private static final Pattern READ = Pattern.compile("^[a-z0-9-]+:(List|Describe|Get)[A-Za-z0-9]+$");
    private static final Set<String> ALLOWED_NON_READS = Set.of("sts:AssumeRole", "sts:GetCallerIdentity");
    /** Calls that expose secret material or data. ssm:GetParameters is allowed only without decryption (FullScanTest inspects the body). */
    private static final Set<String> SECRET_EXPOSING = Set.of("secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue",
            "kms:Decrypt", "kms:GenerateDataKey", "s3:GetObject", "s3:GetObjectVersion", "ssm:GetParameter", "ssm:GetParametersByPath",
            "ssm:GetParameterHistory", "lambda:GetFunction", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "rds:DownloadDBLogFilePortion",
            "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:GetAuthorizationToken");
    static final Path POLICY_FILE = Path.of("..", "ci", "iam-policy.json");

    @Test
    void everyCallIsAReadOrAnAllowedStsCall() {
        for (String call : ApiCalls.all()) {
            assertTrue(READ.matcher(call).matches() || ALLOWED_NON_READS.contains(call), call + " is not a read");
            assertFalse(SECRET_EXPOSING.contains(call), call + " exposes secret material");
        }
    }

    @Test
    void listIsSortedAndDistinct() {
        List<String> sorted = ApiCalls.all().stream().sorted().distinct().toList();
        assertEquals(sorted, ApiCalls.all());
    }

    @Test
    void collectorsDeclareExactlyTheListedCalls() {
        Set<String> declared = new TreeSet<>(Set.of("account:ListRegions", "organizations:ListAccounts", "sts:AssumeRole",
                "sts:GetCallerIdentity"));
        FrameworkClients.ALL.forEach(d -> assertTrue(declared.containsAll(d.operations()), d.service()));
        for (Collector c : CollectorRegistry.all()) {
            assertEquals(c.operations().stream().sorted().toList(), c.operations(), c.service() + " operations unsorted");
            declared.addAll(c.operations());
        }
        assertEquals(new TreeSet<>(ApiCalls.all()), declared);
    }

    @Test
    void registryIsSortedAndHasOneCollectorPerService() {
        List<String> names = CollectorRegistry.all().stream().map(c -> c.getClass().getSimpleName()).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        assertEquals(names.size(), CollectorRegistry.all().stream().map(Collector::service).distinct().count());
    }

    @Test
    void policyUsesIamActionNamesAndDeniesSecretReads() {
        String policy = IamPolicy.render();
        assertTrue(policy.contains("\"s3:ListAllMyBuckets\""));
        assertTrue(policy.contains("\"s3:GetReplicationConfiguration\""));
        assertFalse(policy.contains("\"s3:ListBuckets\""));
        assertTrue(policy.contains("\"Deny\""));
        assertEquals(policy, IamPolicy.render());
    }

    /** apigateway:GET on "*" would also read API key values (GET /apikeys?includeValues=true). */
    @Test
    void apiGatewayGetIsGrantedOnlyOnThePathsTheCollectorReads() throws Exception {
        com.fasterxml.jackson.databind.JsonNode policy = io.failready.util.Json.MAPPER.readTree(IamPolicy.render());
        int grants = 0;
        for (com.fasterxml.jackson.databind.JsonNode st : policy.path("Statement")) {
            if (!st.path("Action").toString().contains("\"apigateway:GET\"")) continue;
            grants++;
            assertEquals("Allow", st.path("Effect").asText());
            assertTrue(st.path("Resource").isArray(), st.toString());
            for (com.fasterxml.jackson.databind.JsonNode r : st.path("Resource")) {
                assertTrue(r.asText().startsWith("arn:aws:apigateway:*::/") && !r.asText().contains("apikeys") && !r.asText().endsWith("::/*"), r.asText());
            }
        }
        assertEquals(1, grants);
    }

    @Test
    void committedPolicyFileEqualsTheRenderedPolicy() throws Exception {
        if (Boolean.getBoolean("failready.updatePolicy")) Files.writeString(POLICY_FILE, IamPolicy.render());
        assertTrue(Files.exists(POLICY_FILE), "ci/iam-policy.json is missing; run with -Dfailready.updatePolicy=true");
        assertEquals(IamPolicy.render(), Files.readString(POLICY_FILE),
                "ci/iam-policy.json is stale; regenerate with -Dfailready.updatePolicy=true");
    }
}

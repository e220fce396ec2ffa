package io.failready.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.failready.util.Json;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least-privilege IAM policy the scanner needs, derived from {@link ApiCalls} so it cannot
 * drift from the code. {@code ci/iam-policy.json} is this output (a test keeps them equal).
 * The explicit Deny makes "never reads secret material" hold even if the principal has broader
 * grants elsewhere.
 */
public final class IamPolicy {
    private IamPolicy() {}

    /** Secret-exposing actions the scanner never needs; denied explicitly. Sorted. */
    public static final List<String> DENIED = List.of(
            "kms:Decrypt",
            "s3:GetObject",
            "secretsmanager:GetSecretValue");

    /*
     * apigateway:GET authorises every read of API Gateway's management API, API key values included
     * (GET /apikeys?includeValues=true); it is granted only on the paths the collector reads.
     */
    private static final Map<String, List<String>> SCOPED = Map.of("apigateway:GET", List.of(
            "arn:aws:apigateway:*::/apis",
            "arn:aws:apigateway:*::/domainnames",
            "arn:aws:apigateway:*::/domainnames/*/apimappings",
            "arn:aws:apigateway:*::/restapis"));

    public static String render() {
        List<String> reads = ApiCalls.all().stream().filter(c -> !c.equals("sts:AssumeRole"))
                .map(ApiCalls::iamAction).distinct().filter(a -> !SCOPED.containsKey(a)).sorted().toList();
        Map<String, Object> read = statement("FailreadyReadOnlyInventory", "Allow", reads, "*");
        Map<String, Object> apigateway = statement("FailreadyApiGatewayConfigurationOnly", "Allow", List.of("apigateway:GET"),
                SCOPED.get("apigateway:GET"));
        // AssumeRole is only needed with --role-name/--organization; narrow the resource to the role name you pass.
        Map<String, Object> assume = statement("FailreadyAssumeScanRole", "Allow", List.of("sts:AssumeRole"), "arn:aws:iam::*:role/*");
        Map<String, Object> deny = statement("FailreadyNeverReadsSecrets", "Deny", DENIED, "*");
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(read, apigateway, assume, deny));
        try {
            // One action per line, "\n" line ends on every OS: the committed file diffs cleanly.
            var indent = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
            var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent);
            return Json.MAPPER.writer(printer).writeValueAsString(policy) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> statement(String sid, String effect, List<String> actions, Object resource) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", effect);
        s.put("Action", actions);
        s.put("Resource", resource);
        return s;
    }
}

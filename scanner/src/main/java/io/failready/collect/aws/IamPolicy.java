package io.failready.collect.aws;

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

    public static String render() {
        Map<String, List<String>> scoped = ApiCalls.scopedActions();
        List<String> reads = ApiCalls.all().stream().filter(c -> !c.equals("sts:AssumeRole"))
                .map(ApiCalls::iamAction).distinct().filter(a -> !scoped.containsKey(a)).sorted().toList();
        List<Map<String, Object>> statements = new java.util.ArrayList<>();
        statements.add(statement("FailreadyReadOnlyInventory", "Allow", reads, "*"));
        /*
         * Actions a descriptor scopes to named resources (apigateway:GET authorises every read of API
         * Gateway's management API, API key values included) get a statement each, on those resources only.
         */
        scoped.forEach((action, resources) -> statements.add(statement(sid(action), "Allow", List.of(action), resources)));
        // AssumeRole is only needed with --role-name/--organization; narrow the resource to the role name you pass.
        Map<String, Object> assume = statement("FailreadyAssumeScanRole", "Allow", List.of("sts:AssumeRole"), "arn:aws:iam::*:role/*");
        Map<String, Object> deny = statement("FailreadyNeverReadsSecrets", "Deny", DENIED, "*");
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        statements.add(assume);
        statements.add(deny);
        policy.put("Statement", statements);
        try {
            // One action per line, "\n" line ends on every OS: the committed file diffs cleanly.
            var indent = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
            var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent);
            return Json.MAPPER.writer(printer).writeValueAsString(policy) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code apigateway:GET} -> {@code FailreadyApigatewayGetScoped}. */
    private static String sid(String action) {
        StringBuilder out = new StringBuilder("Failready");
        for (String part : action.split("[:-]")) {
            if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.append("Scoped").toString();
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

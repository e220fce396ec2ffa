package io.failready.collect.aws.lambda;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.collect.Redactor;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda functions ({@code AWS::Lambda::Function}): runtime, code hash, version, role, reserved
 * concurrency and environment. ListFunctions already returns configuration and environment, so
 * there is no per-function GetFunction; environment values that look secret are replaced by
 * {@code "[REDACTED]"} before they reach the snapshot ({@link Redactor}).
 *
 * <p>The account's concurrency limits in the region ({@code AWS::Lambda::AccountSettings}): the
 * limit in force ({@code AccountLimit.ConcurrentExecutions}) and what reservations leave to every
 * unreserved function ({@code UnreservedConcurrentExecutions}), read with GetAccountSettings; it
 * is the limit Lambda applies, where a Service Quotas value may only be the default.
 *
 * <p>AWS calls / IAM actions: {@code lambda:GetAccountSettings} once per region,
 * {@code lambda:ListFunctions} (paginated), and per function
 * {@code lambda:GetFunctionConcurrency} (reserved concurrency is not in the listing) and
 * {@code lambda:ListTags} (for the {@code version} tag and workload scoping).
 */
public final class LambdaCollector implements Collector {
    public static final String TYPE = "AWS::Lambda::Function";
    public static final String ACCOUNT_TYPE = "AWS::Lambda::AccountSettings";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("lambda", LambdaClient.class, LambdaClient::builder)
            .operations("GetAccountSettings", "GetFunctionConcurrency", "ListFunctions", "ListTags")
            .writes(TYPE, "Lambda function")
            .writes(ACCOUNT_TYPE, "Lambda account settings")
            .regions(LambdaClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        LambdaClient lambda = ctx.client(LambdaClient.class);
        String settingsId = ctx.arn("lambda", "account-settings");
        // scoped to the settings, not the service: a failure here must not hide the functions
        ctx.callFor("lambda:GetAccountSettings", ACCOUNT_TYPE, settingsId, () -> lambda.getAccountSettings(b -> { }).accountLimit())
                .ifPresent(l -> ctx.add(ACCOUNT_TYPE, settingsId, "account-settings", Map.of(), Attrs.map(
                        "concurrentExecutions", l.concurrentExecutions(), "unreservedConcurrentExecutions", l.unreservedConcurrentExecutions())));
        Optional<List<FunctionConfiguration>> fns = ctx.call("lambda:ListFunctions", () -> lambda.listFunctionsPaginator(b -> { }).functions().stream().toList());
        fns.ifPresent(list -> list.forEach(f -> {
            String arn = f.functionArn();
            Integer reserved = ctx.callFor("lambda:GetFunctionConcurrency", TYPE, arn,
                    () -> lambda.getFunctionConcurrency(b -> b.functionName(f.functionName())).reservedConcurrentExecutions()).orElse(null);
            Map<String, String> tags = ctx.callFor("lambda:ListTags", TYPE, arn, () -> lambda.listTags(b -> b.resource(arn)).tags()).orElse(Map.of());
            ctx.add(TYPE, arn, f.functionName(), tags, Attrs.map(
                    "runtime", f.runtimeAsString(), "codeSha256", f.codeSha256(), "version", f.version(), "versionTag", tags.get("version"),
                    "reservedConcurrency", reserved, "role", f.role(),
                    "environment", Redactor.redact(f.environment() == null ? Map.of() : f.environment().variables())));
        }));
    }
}

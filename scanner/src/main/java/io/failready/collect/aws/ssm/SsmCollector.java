package io.failready.collect.aws.ssm;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SSM parameters ({@code AWS::SSM::Parameter}): names and types for all, values only for
 * {@code String}/{@code StringList}. SecureString values are never requested: GetParameters is
 * sent only with plain-text names and {@code WithDecryption=false} (a wire test inspects the body).
 *
 * <p>AWS calls / IAM actions: {@code ssm:DescribeParameters} (paginated), {@code ssm:GetParameters}
 * (batches of 10, without decryption).
 */
public final class SsmCollector implements Collector {
    public static final String TYPE = "AWS::SSM::Parameter";
    private static final int BATCH = 10;

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("ssm", SsmClient.class, SsmClient::builder)
            .operations("DescribeParameters", "GetParameters")
            .writes(TYPE, "SSM parameter")
            .regions(SsmClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        SsmClient ssm = ctx.client(SsmClient.class);
        Optional<List<ParameterMetadata>> params = ctx.call("ssm:DescribeParameters",
                () -> ssm.describeParametersPaginator(b -> { }).stream().flatMap(pg -> pg.parameters().stream()).toList());
        if (params.isEmpty()) return;
        List<String> plain = params.get().stream().filter(p -> isPlain(p.typeAsString())).map(ParameterMetadata::name).toList();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < plain.size(); i += BATCH) {
            List<String> batch = plain.subList(i, Math.min(plain.size(), i + BATCH));
            ctx.call("ssm:GetParameters", () -> ssm.getParameters(b -> b.names(batch).withDecryption(false)).parameters())
                    .ifPresent(ps -> { for (Parameter p : ps) if (isPlain(p.typeAsString())) values.put(p.name(), p.value()); });
        }
        for (ParameterMetadata p : params.get()) {
            String arn = p.arn() != null ? p.arn() : ctx.arn("ssm", "parameter" + (p.name().startsWith("/") ? "" : "/") + p.name());
            ctx.add(TYPE, arn, p.name(), Map.of(), Attrs.map("name", p.name(), "type", p.typeAsString(),
                    "value", isPlain(p.typeAsString()) ? values.get(p.name()) : null));
        }
    }

    static boolean isPlain(String type) { return "String".equals(type) || "StringList".equals(type); }
}

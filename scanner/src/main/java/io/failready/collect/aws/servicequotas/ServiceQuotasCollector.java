package io.failready.collect.aws.servicequotas;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service quotas capacity rules compare between regions ({@code AWS::ServiceQuotas::Quota}):
 * EC2 On-Demand standard vCPUs ({@code ec2/L-1216C47A}) and Lambda concurrent executions
 * ({@code lambda/L-B99A9384}).
 *
 * <p>GetServiceQuota answers {@code NoSuchResourceException} (or a quota without a value) where
 * the account never had an applied value, which is the usual state of a quota nobody raised: the
 * quota then is the AWS default, read with GetAWSDefaultServiceQuota and recorded with
 * {@code source: "default"}. Any other failure is a gap; a quota is never guessed.
 *
 * <p>AWS calls / IAM actions: {@code servicequotas:GetServiceQuota} per quota, and
 * {@code servicequotas:GetAWSDefaultServiceQuota} when it has no applied value.
 */
public final class ServiceQuotasCollector implements Collector {
    public static final String TYPE = "AWS::ServiceQuotas::Quota";
    /** service code -> quota code, sorted. */
    static final List<String[]> QUOTAS = List.of(new String[]{"ec2", "L-1216C47A"}, new String[]{"lambda", "L-B99A9384"});

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("servicequotas", ServiceQuotasClient.class, ServiceQuotasClient::builder)
            .operations("GetAWSDefaultServiceQuota", "GetServiceQuota")
            .writes(TYPE, "service quota")
            .regions(ServiceQuotasClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        ServiceQuotasClient sq = ctx.client(ServiceQuotasClient.class);
        for (String[] q : QUOTAS) {
            String id = ctx.arn("servicequotas", q[0] + "/" + q[1]);
            // Optional.empty() inside: "no applied value", which is not a failure
            Optional<Optional<ServiceQuota>> applied = ctx.callFor("servicequotas:GetServiceQuota", TYPE, id, () -> {
                try {
                    ServiceQuota quota = sq.getServiceQuota(b -> b.serviceCode(q[0]).quotaCode(q[1])).quota();
                    return Optional.ofNullable(quota).filter(v -> v.value() != null);
                } catch (NoSuchResourceException e) {
                    return Optional.empty();
                }
            });
            if (applied.isEmpty()) continue;   // a gap was recorded
            String source = "applied";
            Optional<ServiceQuota> quota = applied.get();
            if (quota.isEmpty()) {
                source = "default";
                quota = ctx.callFor("servicequotas:GetAWSDefaultServiceQuota", TYPE, id,
                        () -> sq.getAWSDefaultServiceQuota(b -> b.serviceCode(q[0]).quotaCode(q[1])).quota()).filter(v -> v.value() != null);
            }
            String src = source;
            quota.ifPresent(v -> ctx.add(TYPE, id, v.quotaName(), Map.of(), Attrs.map("serviceCode", q[0], "quotaCode", q[1],
                    "quotaName", v.quotaName(), "value", v.value(), "source", src)));
        }
    }
}

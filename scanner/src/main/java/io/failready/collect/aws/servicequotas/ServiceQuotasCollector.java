package io.failready.collect.aws.servicequotas;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

import java.util.List;
import java.util.Map;

/**
 * The service quotas capacity rules compare between regions ({@code AWS::ServiceQuotas::Quota}):
 * EC2 On-Demand standard vCPUs ({@code ec2/L-1216C47A}) and Lambda concurrent executions
 * ({@code lambda/L-B99A9384}).
 *
 * <p>AWS calls / IAM actions: {@code servicequotas:GetServiceQuota} per quota.
 */
public final class ServiceQuotasCollector implements Collector {
    public static final String TYPE = "AWS::ServiceQuotas::Quota";
    /** service code -> quota code, sorted. */
    static final List<String[]> QUOTAS = List.of(new String[]{"ec2", "L-1216C47A"}, new String[]{"lambda", "L-B99A9384"});

    @Override public String service() { return "servicequotas"; }
    @Override public boolean availableIn(String region) { return Collector.inMetadata(ServiceQuotasClient.serviceMetadata(), region); }
    @Override public List<String> operations() { return List.of("servicequotas:GetServiceQuota"); }

    @Override public void collect(CollectionContext ctx) {
        ServiceQuotasClient sq = ctx.client(ServiceQuotasClient.class);
        for (String[] q : QUOTAS) {
            String id = ctx.arn("servicequotas", q[0] + "/" + q[1]);
            ctx.callFor("servicequotas:GetServiceQuota", TYPE, id, () -> sq.getServiceQuota(b -> b.serviceCode(q[0]).quotaCode(q[1])).quota())
                    .ifPresent(quota -> ctx.add(TYPE, id, quota.quotaName(), Map.of(), Attrs.map("serviceCode", q[0], "quotaCode", q[1],
                            "quotaName", quota.quotaName(), "value", quota.value())));
        }
    }
}

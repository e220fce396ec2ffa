package io.failready.collect.aws.ecr;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ReplicationRule;

import java.util.List;
import java.util.Map;

/**
 * ECR repositories ({@code AWS::ECR::Repository}) and the registry's replication configuration
 * ({@code AWS::ECR::ReplicationConfiguration}, id {@code registry/<account>}; no rules = empty list).
 *
 * <p>AWS calls / IAM actions: {@code ecr:DescribeRepositories} (paginated), {@code ecr:DescribeRegistry}.
 */
public final class EcrCollector implements Collector {
    public static final String REPOSITORY = "AWS::ECR::Repository";
    public static final String REPLICATION = "AWS::ECR::ReplicationConfiguration";

    @Override public String service() { return "ecr"; }
    @Override public boolean availableIn(String region) { return Collector.inMetadata(EcrClient.serviceMetadata(), region); }
    @Override public List<String> operations() { return List.of("ecr:DescribeRegistry", "ecr:DescribeRepositories"); }

    @Override public void collect(CollectionContext ctx) {
        EcrClient ecr = ctx.client(EcrClient.class);
        ctx.call("ecr:DescribeRepositories", () -> ecr.describeRepositoriesPaginator(b -> { }).repositories().stream().toList())
                .ifPresent(repos -> repos.forEach(r -> ctx.add(REPOSITORY, r.repositoryArn(), r.repositoryName(), Map.of(),
                        Attrs.map("repositoryName", r.repositoryName(), "registryId", r.registryId()))));
        ctx.call("ecr:DescribeRegistry", () -> ecr.describeRegistry(b -> { })).ifPresent(reg -> {
            List<ReplicationRule> rules = reg.replicationConfiguration() == null ? List.of() : reg.replicationConfiguration().rules();
            var out = Attrs.list(rules, rule -> Attrs.map(
                    "destinations", Attrs.list(rule.destinations(), d -> Attrs.map("region", d.region(), "registryId", d.registryId())),
                    "repositoryFilters", Attrs.list(rule.repositoryFilters(), f -> Attrs.map("filter", f.filter(), "filterType", f.filterTypeAsString()))));
            String id = "registry/" + ctx.accountId();
            ctx.add(REPLICATION, id, id, Map.of(), Attrs.map("rules", out));
        });
    }
}

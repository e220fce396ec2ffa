package io.failready.collect.aws.ecr;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ReplicationRule;
import software.amazon.awssdk.services.ecr.model.Repository;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ECR repositories ({@code AWS::ECR::Repository}) with the digests of their images, and the
 * registry's replication configuration ({@code AWS::ECR::ReplicationConfiguration}, id
 * {@code registry/<account>}; no rules = empty list).
 *
 * <p>Why image digests: replication copies only images pushed after it was configured, so a
 * recovery repository can exist without the image the workload runs. Listing is capped at
 * {@link #DEFAULT_MAX_IMAGES} images per repository (read in the order ECR returns them, which is
 * not by push date); {@code imageDigestsCapped} records that the repository held more, so an absent
 * digest there proves nothing. A failed listing is a gap on that repository only.
 *
 * <p>AWS calls / IAM actions: {@code ecr:DescribeRepositories} (paginated), {@code ecr:DescribeRegistry},
 * {@code ecr:DescribeImages} (paginated, per repository, capped).
 */
public final class EcrCollector implements Collector {
    public static final String REPOSITORY = "AWS::ECR::Repository";
    public static final String REPLICATION = "AWS::ECR::ReplicationConfiguration";
    /** Images listed per repository at most (DescribeImages pages hold up to 1000). */
    public static final int DEFAULT_MAX_IMAGES = 1000;

    private final int maxImages;

    public EcrCollector() { this(DEFAULT_MAX_IMAGES); }

    /** With a smaller cap, for tests. */
    public EcrCollector(int maxImages) {
        if (maxImages < 1) throw new IllegalArgumentException("maxImages must be positive");
        this.maxImages = maxImages;
    }

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("ecr", EcrClient.class, EcrClient::builder)
            .operations("DescribeImages", "DescribeRegistry", "DescribeRepositories")
            .writes(REPOSITORY, "ECR repository")
            .writes(REPLICATION, "ECR replication configuration")
            .regions(EcrClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        EcrClient ecr = ctx.client(EcrClient.class);
        ctx.call("ecr:DescribeRepositories", () -> ecr.describeRepositoriesPaginator(b -> { }).repositories().stream().toList())
                .ifPresent(repos -> repos.forEach(r -> ctx.add(REPOSITORY, r.repositoryArn(), r.repositoryName(), Map.of(),
                        repository(ctx, ecr, r))));
        ctx.call("ecr:DescribeRegistry", () -> ecr.describeRegistry(b -> { })).ifPresent(reg -> {
            List<ReplicationRule> rules = reg.replicationConfiguration() == null ? List.of() : reg.replicationConfiguration().rules();
            var out = Attrs.list(rules, rule -> Attrs.map(
                    "destinations", Attrs.list(rule.destinations(), d -> Attrs.map("region", d.region(), "registryId", d.registryId())),
                    "repositoryFilters", Attrs.list(rule.repositoryFilters(), f -> Attrs.map("filter", f.filter(), "filterType", f.filterTypeAsString()))));
            String id = "registry/" + ctx.accountId();
            ctx.add(REPLICATION, id, id, Map.of(), Attrs.map("rules", out));
        });
    }

    /** Attributes of one repository; without {@code imageDigests} when its images could not be listed (a gap says why). */
    private Map<String, Object> repository(CollectionContext ctx, EcrClient ecr, Repository r) {
        var images = ctx.callFor("ecr:DescribeImages", REPOSITORY, r.repositoryArn(), () -> {
            TreeSet<String> digests = new TreeSet<>();
            boolean capped = false;
            int seen = 0;
            // the paginator fetches lazily: stopping at the cap stops the calls
            Iterator<ImageDetail> it = ecr.describeImagesPaginator(b -> b.registryId(r.registryId()).repositoryName(r.repositoryName())
                    .maxResults(Math.min(1000, maxImages))).imageDetails().iterator();
            while (it.hasNext()) {
                ImageDetail d = it.next();
                if (seen == maxImages) { capped = true; break; }
                seen++;
                if (d.imageDigest() != null) digests.add(d.imageDigest());
            }
            return Attrs.map("imageDigests", List.copyOf(digests), "imageDigestsCapped", capped);
        });
        Map<String, Object> attrs = Attrs.map("repositoryName", r.repositoryName(), "registryId", r.registryId());
        images.ifPresent(attrs::putAll);
        return attrs;
    }
}

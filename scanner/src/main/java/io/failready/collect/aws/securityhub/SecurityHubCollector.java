package io.failready.collect.aws.securityhub;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.DescribeHubResponse;

import java.util.List;
import java.util.Map;

/**
 * The Security Hub hub ({@code AWS::SecurityHub::Hub}). "Not subscribed" is data (no hub
 * resource), not a gap; any other failure is a gap.
 *
 * <p>AWS calls / IAM actions: {@code securityhub:DescribeHub}.
 */
public final class SecurityHubCollector implements Collector {
    public static final String TYPE = "AWS::SecurityHub::Hub";

    @Override public String service() { return "securityhub"; }
    @Override public boolean availableIn(String region) { return Collector.inMetadata(SecurityHubClient.serviceMetadata(), region); }
    @Override public List<String> operations() { return List.of("securityhub:DescribeHub"); }

    @Override public void collect(CollectionContext ctx) {
        SecurityHubClient sh = ctx.client(SecurityHubClient.class);
        ctx.call("securityhub:DescribeHub", () -> {
            try {
                return sh.describeHub(b -> { });
            } catch (AwsServiceException e) {
                if (notSubscribed(e)) return null;
                throw e;
            }
        }).filter(h -> h.hubArn() != null).ifPresent((DescribeHubResponse h) -> ctx.add(TYPE, h.hubArn(), "hub", Map.of(), Attrs.map("subscribedAt", h.subscribedAt())));
    }

    static boolean notSubscribed(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String msg = String.valueOf(e.getMessage()).toLowerCase();
        return code.equals("ResourceNotFoundException") || (code.equals("InvalidAccessException") && msg.contains("not subscribed"));
    }
}

package io.failready.collect.aws.securityhub;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.DescribeHubResponse;

import java.util.List;
import java.util.Map;

/**
 * Security Hub as it exists today in two products: the Security Hub CSPM hub
 * ({@code AWS::SecurityHub::Hub}, DescribeHub) and the current Security Hub
 * ({@code AWS::SecurityHub::HubV2}, DescribeSecurityHubV2). An account may run either or both, so
 * both are asked; "not subscribed / not found" is data (no resource), not a gap; any other failure
 * is a gap for that operation, and the rule decides whether the other answer settles it.
 *
 * <p>AWS calls / IAM actions: {@code securityhub:DescribeHub}, {@code securityhub:DescribeSecurityHubV2}.
 */
public final class SecurityHubCollector implements Collector {
    public static final String TYPE = "AWS::SecurityHub::Hub";
    public static final String TYPE_V2 = "AWS::SecurityHub::HubV2";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("securityhub", SecurityHubClient.class, SecurityHubClient::builder)
            .operations("DescribeHub", "DescribeSecurityHubV2")
            .writes(TYPE, "Security Hub CSPM hub")
            .writes(TYPE_V2, "Security Hub")
            .regions(SecurityHubClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

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
        ctx.call("securityhub:DescribeSecurityHubV2", () -> {
            try {
                return sh.describeSecurityHubV2(b -> { });
            } catch (AwsServiceException e) {
                if (notSubscribed(e)) return null;
                throw e;
            }
        }).filter(h -> h.hubV2Arn() != null).ifPresent(h -> ctx.add(TYPE_V2, h.hubV2Arn(), "hubv2", Map.of(), Attrs.map("subscribedAt", h.subscribedAt())));
    }

    static boolean notSubscribed(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String msg = String.valueOf(e.getMessage()).toLowerCase();
        return code.equals("ResourceNotFoundException") || (code.equals("InvalidAccessException") && msg.contains("not subscribed"));
    }
}

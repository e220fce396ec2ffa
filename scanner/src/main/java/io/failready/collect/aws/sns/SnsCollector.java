package io.failready.collect.aws.sns;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SNS topics ({@code AWS::SNS::Topic}) with the protocol of each subscription and whether it is
 * confirmed. Never message contents, and never the subscription endpoints: an endpoint is an
 * e-mail address, a phone number or a URL with credentials in it as often as it is an ARN, and
 * the rules need only the protocol. A topic deleted between the listing and its describe is gone,
 * not a gap.
 *
 * <p>AWS calls / IAM actions: {@code sns:ListTopics} (paginated), and per topic
 * {@code sns:GetTopicAttributes}, {@code sns:ListSubscriptionsByTopic} (paginated),
 * {@code sns:ListTagsForResource}.
 */
public final class SnsCollector implements Collector {
    public static final String TYPE = "AWS::SNS::Topic";
    /** What ListSubscriptionsByTopic shows instead of an ARN until the endpoint confirms. */
    static final String PENDING = "PendingConfirmation";
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("sns", SnsClient.class, SnsClient::builder)
            .operations("GetTopicAttributes", "ListSubscriptionsByTopic", "ListTagsForResource", "ListTopics")
            .writes(TYPE, "SNS topic")
            .regions(SnsClient.serviceMetadata())
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        SnsClient sns = ctx.client(SnsClient.class);
        Optional<List<Topic>> topics = ctx.call("sns:ListTopics", () -> sns.listTopicsPaginator(b -> { }).topics().stream().toList());
        if (topics.isEmpty()) return;
        for (Topic t : topics.get()) {
            String arn = t.topicArn();
            String name = arn.substring(arn.lastIndexOf(':') + 1);
            Optional<Map<String, String>> attrs = ctx.callFor("sns:GetTopicAttributes", TYPE, arn, () -> {
                try {
                    return sns.getTopicAttributes(b -> b.topicArn(arn)).attributes();
                } catch (NotFoundException gone) {
                    return null;
                }
            });
            if (attrs.isEmpty() && !ctx.hasGap("GetTopicAttributes", arn)) continue; // deleted since the listing
            Map<String, String> a = attrs.orElse(Map.of());
            List<Map<String, Object>> subs = ctx.callFor("sns:ListSubscriptionsByTopic", TYPE, arn,
                    () -> subscriptions(sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(arn)).subscriptions())).orElse(null);
            Map<String, String> tags = ctx.callFor("sns:ListTagsForResource", TYPE, arn,
                    () -> Attrs.tags(sns.listTagsForResource(b -> b.resourceArn(arn)).tags(), Tag::key, Tag::value)).orElse(new TreeMap<>());
            ctx.add(TYPE, arn, name, tags, Attrs.map(
                    "topicName", name,
                    "fifo", a.containsKey("FifoTopic") ? Boolean.valueOf(a.get("FifoTopic")) : name.endsWith(".fifo"),
                    "kmsMasterKeyId", a.get("KmsMasterKeyId"),
                    "subscriptions", subs));
        }
    }

    /** Protocol and confirmation only, sorted by protocol so the snapshot does not depend on listing order. */
    static List<Map<String, Object>> subscriptions(Iterable<Subscription> all) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Subscription s : all) {
            String arn = s.subscriptionArn();
            out.add(Attrs.map("protocol", s.protocol(), "confirmed", arn != null && arn.startsWith("arn:")));
        }
        out.sort(java.util.Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("protocol")))
                .thenComparing(m -> String.valueOf(m.get("confirmed"))));
        return out;
    }
}

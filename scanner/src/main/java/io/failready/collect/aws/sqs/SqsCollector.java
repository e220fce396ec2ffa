package io.failready.collect.aws.sqs;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.util.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQS queues ({@code AWS::SQS::Queue}): type, retention, visibility timeout, dead-letter target
 * and encryption, from {@code GetQueueAttributes} with the attribute names listed (never
 * {@code All}: the access policy is not needed, and messages are never received or peeked).
 * A queue deleted between the listing and its describe is simply gone, not a gap.
 *
 * <p>AWS calls / IAM actions: {@code sqs:ListQueues} (paginated), {@code sqs:GetQueueAttributes},
 * {@code sqs:ListQueueTags} (one each per queue).
 */
public final class SqsCollector implements Collector {
    public static final String TYPE = "AWS::SQS::Queue";
    private static final List<QueueAttributeName> ATTRIBUTES = List.of(QueueAttributeName.QUEUE_ARN,
            QueueAttributeName.FIFO_QUEUE, QueueAttributeName.MESSAGE_RETENTION_PERIOD, QueueAttributeName.VISIBILITY_TIMEOUT,
            QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.KMS_MASTER_KEY_ID, QueueAttributeName.SQS_MANAGED_SSE_ENABLED);
    private static final java.util.Set<String> GONE = java.util.Set.of("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue");
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("sqs", SqsClient.class, SqsClient::builder)
            .operations("GetQueueAttributes", "ListQueueTags", "ListQueues")
            .writes(TYPE, "SQS queue")
            .regions(SqsClient.serviceMetadata())
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        SqsClient sqs = ctx.client(SqsClient.class);
        Optional<List<String>> urls = ctx.call("sqs:ListQueues",
                () -> sqs.listQueuesPaginator(b -> b.maxResults(1000)).queueUrls().stream().toList());
        if (urls.isEmpty()) return;
        for (String url : urls.get()) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            String arn = ctx.arn("sqs", name);
            Optional<Map<String, String>> attrs = ctx.callFor("sqs:GetQueueAttributes", TYPE, arn, () -> {
                try {
                    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(ATTRIBUTES)).attributesAsStrings();
                } catch (QueueDoesNotExistException gone) {
                    return null;
                } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                    // the JSON protocol may surface the query-compatible code instead of the modelled one
                    if (e.awsErrorDetails() != null && GONE.contains(e.awsErrorDetails().errorCode())) return null;
                    throw e;
                }
            });
            if (attrs.isEmpty() && !ctx.hasGap("GetQueueAttributes", arn)) continue; // deleted since the listing
            Map<String, String> a = attrs.orElse(Map.of());
            if (a.get("QueueArn") != null) arn = a.get("QueueArn");
            String queueArn = arn;
            Map<String, String> tags = ctx.callFor("sqs:ListQueueTags", TYPE, queueArn,
                    () -> sqs.listQueueTags(b -> b.queueUrl(url)).tags()).map(TreeMap::new).orElse(new TreeMap<>());
            Map<String, Object> redrive = redrive(a.get("RedrivePolicy"));
            ctx.add(TYPE, queueArn, name, tags, Attrs.map(
                    "queueName", name,
                    // FifoQueue is only returned for FIFO queues; the .fifo suffix is mandatory for them
                    "fifo", a.containsKey("FifoQueue") ? Boolean.valueOf(a.get("FifoQueue")) : name.endsWith(".fifo"),
                    "messageRetentionPeriod", integer(a.get("MessageRetentionPeriod")),
                    "visibilityTimeout", integer(a.get("VisibilityTimeout")),
                    "deadLetterTargetArn", redrive == null ? null : redrive.get("deadLetterTargetArn"),
                    "maxReceiveCount", redrive == null ? null : redrive.get("maxReceiveCount"),
                    "kmsMasterKeyId", a.get("KmsMasterKeyId"),
                    "sqsManagedSseEnabled", a.containsKey("SqsManagedSseEnabled") ? Boolean.valueOf(a.get("SqsManagedSseEnabled")) : null));
        }
    }

    /** RedrivePolicy is a JSON string: {"deadLetterTargetArn": "...", "maxReceiveCount": 5} (the count may be a string). */
    static Map<String, Object> redrive(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            var n = Json.MAPPER.readTree(json);
            String target = n.path("deadLetterTargetArn").asText(null);
            if (target == null) return null;
            var count = n.path("maxReceiveCount");
            return Attrs.map("deadLetterTargetArn", target, "maxReceiveCount", count.isMissingNode() ? null : count.asInt());
        } catch (Exception e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        if (s == null) return null;
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

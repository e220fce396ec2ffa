package io.failready.collect.aws.guardduty;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

import java.util.List;
import java.util.Map;

/**
 * GuardDuty detectors ({@code AWS::GuardDuty::Detector}); no detector is no resource, not a gap.
 *
 * <p>AWS calls / IAM actions: {@code guardduty:ListDetectors} (paginated), {@code guardduty:GetDetector} per detector.
 */
public final class GuardDutyCollector implements Collector {
    public static final String TYPE = "AWS::GuardDuty::Detector";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("guardduty", GuardDutyClient.class, GuardDutyClient::builder)
            .operations("GetDetector", "ListDetectors")
            .writes(TYPE, "GuardDuty detector")
            .regions(GuardDutyClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        GuardDutyClient gd = ctx.client(GuardDutyClient.class);
        ctx.call("guardduty:ListDetectors", () -> gd.listDetectorsPaginator(b -> { }).detectorIds().stream().toList()).ifPresent(ids -> {
            for (String id : ids) {
                String arn = ctx.arn("guardduty", "detector/" + id);
                // A detector whose status cannot be read leaves GuardDuty's state in this region
                // unknown, so the gap covers the service (a per-detector gap would let the rules
                // read "no detector" and call GuardDuty disabled).
                ctx.call("guardduty:GetDetector", () -> gd.getDetector(b -> b.detectorId(id)))
                        .ifPresent(d -> ctx.add(TYPE, arn, id, d.tags() == null ? Map.of() : d.tags(),
                                Attrs.map("detectorId", id, "status", d.statusAsString())));
            }
        });
    }
}

package io.failready.collect.aws.config;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Config recorders ({@code AWS::Config::ConfigurationRecorder}) with whether they record and
 * whether they record all supported types.
 *
 * <p>AWS calls / IAM actions: {@code config:DescribeConfigurationRecorders},
 * {@code config:DescribeConfigurationRecorderStatus} (once per region each).
 */
public final class ConfigCollector implements Collector {
    public static final String TYPE = "AWS::Config::ConfigurationRecorder";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("config", ConfigClient.class, ConfigClient::builder)
            .operations("DescribeConfigurationRecorderStatus", "DescribeConfigurationRecorders")
            .writes(TYPE, "Config recorder")
            .regions(ConfigClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        ConfigClient config = ctx.client(ConfigClient.class);
        var recorders = ctx.call("config:DescribeConfigurationRecorders", () -> config.describeConfigurationRecorders(b -> { }).configurationRecorders());
        if (recorders.isEmpty() || recorders.get().isEmpty()) return;
        Map<String, Boolean> recording = new HashMap<>();
        boolean statusKnown = ctx.call("config:DescribeConfigurationRecorderStatus",
                () -> config.describeConfigurationRecorderStatus(b -> { }).configurationRecordersStatus()).map(list -> {
                    for (ConfigurationRecorderStatus s : list) recording.put(s.name(), Boolean.TRUE.equals(s.recording()));
                    return true;
                }).orElse(false);
        recorders.get().forEach(r -> ctx.add(TYPE, ctx.arn("config", "config-recorder/" + r.name()), r.name(), Map.of(), Attrs.map(
                "name", r.name(), "recording", statusKnown ? recording.getOrDefault(r.name(), false) : null,
                "allSupported", r.recordingGroup() != null && Boolean.TRUE.equals(r.recordingGroup().allSupported()))));
    }
}

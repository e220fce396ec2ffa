package io.failready.collect.aws.efs;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.Destination;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.ReplicationConfigurationDescription;
import software.amazon.awssdk.services.efs.model.ReplicationNotFoundException;
import software.amazon.awssdk.services.efs.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EFS file systems ({@code AWS::EFS::FileSystem}) with their replication configurations: for a
 * source, each destination's region, file system, account, status and last successful sync
 * ({@code LastReplicatedTimestamp}); for a destination, its source. One region-wide
 * DescribeReplicationConfigurations covers every file system; its {@code ReplicationNotFound} is
 * "no replication" (data), any other failure a gap on the whole service in that region, so no file
 * system there is judged unreplicated on a guess.
 *
 * <p>The resource name is the {@code Name} tag when there is one (file system ids differ between
 * regions, names usually carry the counterpart relation), else the file system id.
 *
 * <p>AWS calls / IAM actions: {@code elasticfilesystem:DescribeFileSystems} (paginated, tags
 * included), {@code elasticfilesystem:DescribeReplicationConfigurations} (paginated, once per region).
 */
public final class EfsCollector implements Collector {
    public static final String TYPE = "AWS::EFS::FileSystem";
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("efs", EfsClient.class, EfsClient::builder)
            .iamPrefix("elasticfilesystem")
            .operations("DescribeFileSystems", "DescribeReplicationConfigurations")
            .writes(TYPE, "EFS file system")
            .regions(EfsClient.serviceMetadata())
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        EfsClient efs = ctx.client(EfsClient.class);
        Optional<List<FileSystemDescription>> fss = ctx.call("elasticfilesystem:DescribeFileSystems",
                () -> efs.describeFileSystemsPaginator(b -> { }).fileSystems().stream().toList());
        if (fss.isEmpty() || fss.get().isEmpty()) return;
        Optional<List<ReplicationConfigurationDescription>> reps = ctx.call("elasticfilesystem:DescribeReplicationConfigurations", () -> {
            try {
                return efs.describeReplicationConfigurationsPaginator(b -> { }).replications().stream().toList();
            } catch (ReplicationNotFoundException none) {
                return List.of();
            }
        });
        Map<String, ReplicationConfigurationDescription> bySource = new HashMap<>();
        Map<String, ReplicationConfigurationDescription> byDestination = new HashMap<>();
        reps.ifPresent(list -> list.forEach(r -> {
            if (r.sourceFileSystemId() != null && ctx.region().equals(r.sourceFileSystemRegion())) bySource.put(r.sourceFileSystemId(), r);
            for (Destination d : r.destinations()) if (ctx.region().equals(d.region())) byDestination.put(d.fileSystemId(), r);
        }));
        for (FileSystemDescription f : fss.get()) {
            String arn = f.fileSystemArn() != null ? f.fileSystemArn() : ctx.arn("elasticfilesystem", "file-system/" + f.fileSystemId());
            String name = f.name() != null && !f.name().isBlank() ? f.name() : f.fileSystemId();
            Map<String, Object> cfg = Attrs.map("fileSystemId", f.fileSystemId(), "lifeCycleState", f.lifeCycleStateAsString(),
                    "encrypted", f.encrypted(), "kmsKeyId", f.kmsKeyId(),
                    "replicationOverwriteProtection", f.fileSystemProtection() == null ? null
                            : f.fileSystemProtection().replicationOverwriteProtectionAsString());
            if (reps.isPresent()) {
                ReplicationConfigurationDescription out = bySource.get(f.fileSystemId());
                List<Map<String, Object>> dests = new ArrayList<>();
                List<Map<String, Object>> links = new ArrayList<>();
                if (out != null) {
                    for (Destination d : out.destinations()) {
                        String owner = d.ownerId() != null ? d.ownerId() : ctx.accountId();
                        String destArn = "arn:aws:elasticfilesystem:" + d.region() + ":" + owner + ":file-system/" + d.fileSystemId();
                        dests.add(Attrs.map("fileSystemId", d.fileSystemId(), "fileSystemArn", destArn, "region", d.region(),
                                "ownerId", owner, "status", d.statusAsString(), "statusMessage", d.statusMessage(),
                                "lastReplicatedTimestamp", d.lastReplicatedTimestamp() == null ? null : d.lastReplicatedTimestamp().toString()));
                        links.add(Attrs.replicaLink(d.region(), destArn, null, d.statusAsString(), "efs-replication"));
                    }
                }
                // present and empty when read and not replicated; absent when it could not be read
                cfg.put("replicationDestinations", dests);
                if (!links.isEmpty()) cfg.put("replicaLinks", links);
                ReplicationConfigurationDescription in = byDestination.get(f.fileSystemId());
                if (in != null) {
                    cfg.put("replicationSource", Attrs.map("fileSystemId", in.sourceFileSystemId(), "fileSystemArn", in.sourceFileSystemArn(),
                            "region", in.sourceFileSystemRegion()));
                }
            }
            ctx.add(TYPE, arn, name, Attrs.tags(f.tags(), Tag::key, Tag::value), cfg);
        }
    }
}

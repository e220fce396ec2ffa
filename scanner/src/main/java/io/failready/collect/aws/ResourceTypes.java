package io.failready.collect.aws;

import io.failready.collect.CollectorDescriptor;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every resource type the registered collectors write, with its label ("S3 bucket"), the service
 * whose gaps hide it (the collector's), and the operations that collector sends: the one map from a
 * resource type to what is known about it, read by annotations ({@code rules.api.Labels}), the
 * reports' gap matching, and docs/resource-types.md (whose summary table {@link #markdownTable}
 * renders).
 */
public final class ResourceTypes {
    private ResourceTypes() {}

    /** A written type, as the collector writing it declares it. */
    public record Type(String type, String label, String service, List<String> operations) {}

    private static final Map<String, Type> TYPES;

    static {
        Map<String, Type> m = new TreeMap<>();
        for (CollectorDescriptor d : CollectorRegistry.descriptors()) {
            for (CollectorDescriptor.ResourceType t : d.resourceTypes()) {
                Type before = m.putIfAbsent(t.type(), new Type(t.type(), t.label(), d.service(), d.operations()));
                if (before != null) {
                    throw new IllegalStateException(t.type() + " is written by both the " + before.service() + " and the "
                            + d.service() + " collectors: one type, one collector");
                }
            }
        }
        TYPES = Collections.unmodifiableMap(m);
    }

    /** Sorted by type. */
    public static Map<String, Type> all() { return TYPES; }

    /** "S3 bucket" for {@code AWS::S3::Bucket}; null for a type no collector writes. */
    public static String label(String resourceType) {
        Type t = resourceType == null ? null : TYPES.get(resourceType);
        return t == null ? null : t.label();
    }

    /** The service whose collection gaps hide resources of this type ({@code rds} for Aurora clusters); null when unknown. */
    public static String service(String resourceType) {
        Type t = resourceType == null ? null : TYPES.get(resourceType);
        return t == null ? null : t.service();
    }

    /** The summary table of docs/resource-types.md: type, label, collector service, operations. */
    public static String markdownTable() {
        StringBuilder md = new StringBuilder("| resourceType | label | collector (gap service) | operations |\n|---|---|---|---|\n");
        for (Type t : TYPES.values()) {
            md.append("| `").append(t.type()).append("` | ").append(t.label()).append(" | `").append(t.service()).append("` | ")
                    .append(t.operations().stream().map(o -> "`" + o + "`").collect(Collectors.joining(", "))).append(" |\n");
        }
        return md.toString();
    }
}

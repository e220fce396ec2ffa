package io.failready.rules.api;

import io.failready.collect.aws.ResourceTypes;
import io.failready.facts.Resource;

/**
 * The one human label per resource type ("S3 bucket orders"), so every annotation names a resource
 * the same way. The labels are the ones the collectors declare for the types they write.
 */
public final class Labels {
    private Labels() {}

    /** "S3 bucket", or the type itself when no collector declares it. */
    public static String kind(String resourceType) {
        String label = ResourceTypes.label(resourceType);
        return label != null ? label : resourceType;
    }

    /** "S3 bucket orders"; a KMS key as {@link #name} gives it. */
    public static String of(Resource r) { return kind(r.getResourceType()) + " " + name(r); }

    /**
     * The resource's name in a label. A KMS key's name is an opaque id, so its first alias leads
     * when it has one: "alias/app (1111aaaa)".
     */
    public static String name(Resource r) {
        if (!"AWS::KMS::Key".equals(r.getResourceType())) return r.getResourceName();
        String id = r.str("keyId") != null ? r.str("keyId") : r.getResourceName();
        java.util.List<Object> aliases = r.list("aliases");
        return aliases.isEmpty() ? id : aliases.get(0) + " (" + id + ")";
    }

    /** The service whose collection gaps hide resources of this type ({@code rds} for an Aurora cluster), or "*" when unknown. */
    public static String service(String resourceType) {
        String s = ResourceTypes.service(resourceType);
        return s != null ? s : "*";
    }
}

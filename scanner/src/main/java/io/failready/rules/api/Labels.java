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

    /** "S3 bucket orders". */
    public static String of(Resource r) { return kind(r.getResourceType()) + " " + r.getResourceName(); }

    /** The service whose collection gaps hide resources of this type ({@code rds} for an Aurora cluster), or "*" when unknown. */
    public static String service(String resourceType) {
        String s = ResourceTypes.service(resourceType);
        return s != null ? s : "*";
    }
}

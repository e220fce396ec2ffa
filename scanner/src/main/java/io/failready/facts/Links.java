package io.failready.facts;

import java.util.Map;

/** Reads the standard {@code replicaLinks} attribute (docs/resource-types.md). */
public final class Links {
    private Links() {}

    /** The service's own status for the copy in {@code region}, "" when linked without a status, null when not linked. */
    public static String statusIn(Resource r, String region) {
        for (Map<String, Object> link : r.maps("replicaLinks")) {
            if (region.equals(link.get("region"))) {
                Object s = link.get("status");
                return s == null ? "" : String.valueOf(s);
            }
        }
        return null;
    }

    /** No status to judge by: not linked, or linked without the service reporting a status. */
    public static boolean isBlank(String status) { return status == null || status.isEmpty(); }

    public static boolean linkedTo(Resource r, String region) { return statusIn(r, region) != null; }
}

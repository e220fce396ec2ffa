package io.failready.rules.api;

/**
 * The one ARN parser rules use: {@code arn:partition:service:region:account:resource}. Every
 * accessor returns null for a value that is not an ARN or lacks the field, never throws.
 */
public final class Arns {
    private Arns() {}

    public static boolean isArn(String s) { return s != null && s.startsWith("arn:") && s.split(":", 6).length == 6; }

    public static String partition(String arn) { return field(arn, 1); }
    public static String service(String arn) { return field(arn, 2); }
    /** Null for global ARNs (IAM, S3 buckets, Route 53) whose region field is empty. */
    public static String region(String arn) { return field(arn, 3); }
    public static String account(String arn) { return field(arn, 4); }
    public static String resource(String arn) { return field(arn, 5); }

    /** Last ':' or '/' segment ("arn:aws:rds:eu-west-1:1:db:orders" -> "orders"); a plain id passes through. */
    public static String shortName(String arnOrId) {
        if (arnOrId == null) return null;
        int i = Math.max(arnOrId.lastIndexOf(':'), arnOrId.lastIndexOf('/'));
        return i < 0 ? arnOrId : arnOrId.substring(i + 1);
    }

    private static String field(String arn, int i) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] p = arn.split(":", 6);
        return p.length > i && !p[i].isEmpty() ? p[i] : null;
    }
}

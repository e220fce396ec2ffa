package io.failready.collect.aws;

import io.failready.collect.CollectorDescriptor;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every AWS operation the scanner may send, as {@code <IAM service prefix>:<Operation>}: the
 * operations the registered collectors' descriptors declare plus those of the scanner's own
 * clients ({@link io.failready.collect.FrameworkClients}). This list is the proof that collection
 * is read-only and secret-free: a test fails if an entry is not a List/Describe/Get read (or one of
 * the two allowed STS calls) or is a secret-exposing call, another test records what a full scan
 * actually sends and checks it is a subset, and {@link IamPolicy} derives the scanner's
 * least-privilege policy from it.
 *
 * <p>Operation names are the API's; where IAM names the permission differently (three S3 calls) the
 * collector's descriptor says so and {@link #iamAction} translates.
 */
public final class ApiCalls {
    private ApiCalls() {}

    private static final List<String> ALL = List.copyOf(new TreeSet<>(
            CollectorRegistry.everyCaller().stream().flatMap(d -> d.operations().stream()).toList()));

    /** API operation -> IAM action, where they differ. */
    private static final Map<String, String> IAM_NAMES = new TreeMap<>();
    /** IAM action -> the only resources it is granted on, where the descriptor scopes it. */
    private static final Map<String, List<String>> IAM_RESOURCES = new TreeMap<>();
    /**
     * IAM prefix -> every service a gap of a call under that prefix may name: one prefix can serve
     * several collectors (DocumentDB and Neptune are read with {@code rds:} actions, and their gaps
     * name {@code docdb} and {@code neptune}; RDS's name {@code rds}).
     */
    private static final Map<String, java.util.SortedSet<String>> GAP_SERVICES = new TreeMap<>();

    static {
        for (CollectorDescriptor d : CollectorRegistry.everyCaller()) {
            for (String call : d.operations()) {
                String action = d.iamAction(call);
                String before = action.equals(call) ? null : IAM_NAMES.putIfAbsent(call, action);
                if (before != null && !before.equals(action)) {
                    throw new IllegalStateException(call + " is authorised by " + before + " in one descriptor and by " + action
                            + " in " + d.service() + "'s");
                }
                String prefix = call.substring(0, call.indexOf(':'));
                GAP_SERVICES.computeIfAbsent(prefix, k -> new TreeSet<>()).add(d.gapService(prefix));
            }
            d.iamResources().forEach((action, resources) -> {
                List<String> before = IAM_RESOURCES.putIfAbsent(action, resources);
                if (before != null && !before.equals(resources)) {
                    throw new IllegalStateException(action + " is scoped differently by two descriptors, " + d.service() + "'s among them");
                }
            });
        }
    }

    /** Sorted, distinct, immutable. */
    public static List<String> all() { return ALL; }

    /** The IAM action that authorises {@code call}. */
    public static String iamAction(String call) { return IAM_NAMES.getOrDefault(call, call); }

    /** IAM action -> the only resources the policy grants it on (not {@code "*"}); sorted by action. */
    public static Map<String, List<String>> scopedActions() { return java.util.Collections.unmodifiableMap(IAM_RESOURCES); }

    /**
     * The services a gap may name for a call under an IAM prefix (SDK service ids in lower case);
     * the prefix itself when no collector declares it.
     */
    public static java.util.SortedSet<String> gapServices(String iamPrefix) {
        java.util.SortedSet<String> s = GAP_SERVICES.get(iamPrefix);
        return s == null ? new TreeSet<>(List.of(iamPrefix)) : java.util.Collections.unmodifiableSortedSet(s);
    }
}

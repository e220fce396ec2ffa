package io.failready.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * Data we tried and failed to collect. Rules turn every gap that touches a resource into
 * INSUFFICIENT_DATA, never into a pass. A gap with {@code service == "*"} covers every service in
 * that account and region (for example a region that was never collected at all).
 */
@JsonPropertyOrder({"accountId", "region", "service", "operation", "resourceType", "resourceId", "errorCode", "message"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CollectionGap {
    public static final String ALL_SERVICES = "*";
    /**
     * The error code of the gap (service {@code *}) of an account's region that answered none of the
     * scan's calls: an outage, as opposed to a permission or a service problem.
     */
    public static final String REGION_UNREACHABLE = "RegionUnreachable";
    /** The account of a gap whose call would have told us the account (sts:GetCallerIdentity that AWS never answered). */
    public static final String UNKNOWN_ACCOUNT = "unknown";

    private final String accountId;
    private final String region;
    private final String service;
    private final String operation;
    private final String resourceType;
    private final String resourceId;
    private final String errorCode;
    private final String message;

    public CollectionGap(@JsonProperty("accountId") String accountId,
                         @JsonProperty("region") String region,
                         @JsonProperty("service") String service,
                         @JsonProperty("operation") String operation,
                         @JsonProperty("resourceType") String resourceType,
                         @JsonProperty("resourceId") String resourceId,
                         @JsonProperty("errorCode") String errorCode,
                         @JsonProperty("message") String message) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.operation = operation;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.errorCode = errorCode == null ? "Unknown" : errorCode;
        this.message = message == null ? "" : message;
    }

    public static CollectionGap serviceWide(String accountId, String region, String service, String operation,
                                            String errorCode, String message) {
        return new CollectionGap(accountId, region, service, operation, null, null, errorCode, message);
    }

    public String getAccountId() { return accountId; }
    public String getRegion() { return region; }
    public String getService() { return service; }
    public String getOperation() { return operation; }
    public String getResourceType() { return resourceType; }
    public String getResourceId() { return resourceId; }
    public String getErrorCode() { return errorCode; }
    public String getMessage() { return message; }

    /**
     * True for the call that tells which accounts a scan covers (sts:GetCallerIdentity,
     * organizations:ListAccounts) failing: the gap of the scan as a whole, whatever the account.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isAccountDiscovery() {
        return ("sts".equals(service) && "GetCallerIdentity".equals(operation))
                || ("organizations".equals(service) && "ListAccounts".equals(operation));
    }

    /** True when this gap says nothing could be known about {@code service} in that place. */
    public boolean covers(String account, String inRegion, String svc) {
        return resourceId == null && accountId.equals(account) && region.equals(inRegion)
                && (service.equals(svc) || service.equals(ALL_SERVICES));
    }

    @Override public String toString() {
        return service + ":" + operation + " in " + accountId + "/" + region + " -> " + errorCode;
    }
}

package io.failready.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload as declared in the configuration. Also inserted as a fact, so workload-level rules
 * read it directly: {@code Workload(rtoMinutes > 0)}. Durations are normalised to minutes by the
 * loader; raw strings stay only in the file.
 */
public final class Workload {
    public String name;
    public String owner;
    public List<String> criticalWorkflows = new ArrayList<>();
    public List<AccountRef> accounts = new ArrayList<>();
    public String primaryRegion;
    public List<String> recoveryRegions = new ArrayList<>();
    public DrStrategy strategy;
    @JsonProperty("rto") public String rtoText;
    @JsonProperty("rpo") public String rpoText;
    public Scope scope = new Scope();
    public List<String> endpoints = new ArrayList<>();
    public Matching matching = new Matching();
    public Classification classification = new Classification();
    public List<ResidencyApproval> residencyApprovals = new ArrayList<>();
    public List<Waiver> waivers = new ArrayList<>();
    public List<Drill> drills = new ArrayList<>();
    public Runbooks runbooks = new Runbooks();
    public Evidence evidence = new Evidence();
    /** ruleId -> parameter name -> value; overrides rule defaults and the strategy profile. */
    public Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
    public Map<String, String> severityOverrides = new LinkedHashMap<>();
    public GatePolicyConfig gate = new GatePolicyConfig();

    // Filled by the loader from rtoText/rpoText; -1 when undeclared or invalid.
    @JsonIgnore public long rtoMinutes = -1;
    @JsonIgnore public long rpoMinutes = -1;
    @JsonIgnore public long rpoSeconds = -1;

    public String getName() { return name; }
    public String getOwner() { return owner; }
    public List<String> getCriticalWorkflows() { return criticalWorkflows; }
    public List<AccountRef> getAccounts() { return accounts; }
    public String getPrimaryRegion() { return primaryRegion; }
    public List<String> getRecoveryRegions() { return recoveryRegions; }
    public DrStrategy getStrategy() { return strategy; }
    public String getStrategyName() { return strategy == null ? null : strategy.id(); }
    public long getRtoMinutes() { return rtoMinutes; }
    public long getRpoMinutes() { return rpoMinutes; }
    public long getRpoSeconds() { return rpoSeconds; }
    public List<String> getEndpoints() { return endpoints; }
    public Matching getMatching() { return matching; }
    public Classification getClassification() { return classification; }
    public List<ResidencyApproval> getResidencyApprovals() { return residencyApprovals; }
    public List<Drill> getDrills() { return drills; }
    public Runbooks getRunbooks() { return runbooks; }
    public Evidence getEvidence() { return evidence; }
    public boolean isActiveActive() { return strategy == DrStrategy.ACTIVE_ACTIVE; }
    public String getId() { return "workload/" + name; }

    @JsonIgnore public List<String> allRegions() {
        List<String> all = new ArrayList<>();
        all.add(primaryRegion);
        for (String r : recoveryRegions) if (!all.contains(r)) all.add(r);
        return all;
    }

    @JsonIgnore public List<String> accountIds() { return accounts.stream().map(a -> a.id).toList(); }

    /** Most recent drill, or null. */
    @JsonIgnore public Drill getLastDrill() {
        Drill last = null;
        for (Drill d : drills) if (d.date != null && (last == null || d.date.isAfter(last.date))) last = d;
        return last;
    }

    public static final class AccountRef {
        public String id;
        public String name;
        public String roleName;
        public String externalId;
        public String getId() { return id; }
        public String getName() { return name; }
    }

    public static final class Scope {
        /** tag key -> accepted values (empty list = any value). A resource matching any tag is in scope. */
        public Map<String, List<String>> tags = new LinkedHashMap<>();
        public List<String> namePatterns = new ArrayList<>();
        public List<String> excludeNamePatterns = new ArrayList<>();
        public List<String> resourceTypes = new ArrayList<>();
    }

    public static final class Matching {
        public String logicalIdTag = "failready:logical-id";
        public List<CounterpartMapping> counterparts = new ArrayList<>();
    }

    public static final class CounterpartMapping {
        public String primary;
        public String recovery;
    }

    public static final class Classification {
        public String tagKey;
        public boolean required;
    }

    public static final class ResidencyApproval {
        public String dataClass;
        public List<String> regions = new ArrayList<>();
        public String approver;
        public LocalDate date;
        public String reference;
        public LocalDate expires;
        public String getDataClass() { return dataClass; }
        public List<String> getRegions() { return regions; }
        public LocalDate getExpires() { return expires; }
        public String getReference() { return reference; }
    }

    public static final class Drill {
        public LocalDate date;
        @JsonProperty("observedRto") public String observedRtoText;
        @JsonProperty("observedRpo") public String observedRpoText;
        public String direction;
        public String notes;
        @JsonIgnore public long observedRtoMinutes = -1;
        @JsonIgnore public long observedRpoMinutes = -1;
        public LocalDate getDate() { return date; }
        public long getObservedRtoMinutes() { return observedRtoMinutes; }
        public long getObservedRpoMinutes() { return observedRpoMinutes; }
    }

    /** Where AWS itself records this workload's recovery evidence. */
    public static final class Evidence {
        /** ARC Region switch plans by name or ARN; empty: matched by scope tags and the region pair. */
        public List<String> regionSwitchPlans = new ArrayList<>();
        public List<String> getRegionSwitchPlans() { return regionSwitchPlans; }
    }

    public static final class Runbooks {
        public String failover;
        public String failback;
        public String getFailover() { return failover; }
        public String getFailback() { return failback; }
    }
}

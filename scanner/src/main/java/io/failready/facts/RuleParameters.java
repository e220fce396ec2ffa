package io.failready.facts;

import java.util.List;
import java.util.Map;

/**
 * Resolved parameters of one rule for the workload being evaluated: the rule's declared default,
 * then the DR-strategy profile, then the workload's own override. DRL reads
 * {@code RuleParameters(ruleId == "X", $ratio : doubleValue("CapacityRatio"))}.
 */
public final class RuleParameters {
    public final String ruleId;
    private final Map<String, Object> values;

    public RuleParameters(String ruleId, Map<String, Object> values) { this.ruleId = ruleId; this.values = values; }

    public String getRuleId() { return ruleId; }
    public Map<String, Object> values() { return values; }

    public Object value(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("rule " + ruleId + " reads parameter " + name + ", which it does not declare");
        }
        return values.get(name);
    }

    public String stringValue(String name) { Object v = value(name); return v == null ? null : String.valueOf(v); }
    public double doubleValue(String name) {
        Object v = value(name);
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
    }
    public long longValue(String name) { return Math.round(doubleValue(name)); }
    public int intValue(String name) { return (int) longValue(name); }
    public boolean boolValue(String name) { Object v = value(name); return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v)); }

    /** Comma-separated or list value as a list of trimmed strings. */
    public List<String> listValue(String name) {
        Object v = value(name);
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).map(String::trim).toList();
        if (v == null || String.valueOf(v).isBlank()) return List.of();
        return java.util.Arrays.stream(String.valueOf(v).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

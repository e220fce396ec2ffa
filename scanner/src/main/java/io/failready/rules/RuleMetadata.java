package io.failready.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.failready.model.Severity;

import java.nio.file.Path;
import java.util.Map;

/**
 * A rule's catalog entry, read from the DRL annotations of the rule whose name equals its id.
 * Parameters map each declared name to its default, as written in {@code @param_Name("default")}.
 */
@JsonPropertyOrder({"id", "title", "section", "severity", "resourceType", "parameters", "since", "source", "failback", "incident"})
public record RuleMetadata(String id, String title, String section, Severity severity, String resourceType,
                           Map<String, String> parameters, String since, String source,
                           @JsonIgnore Path drlFile, @JsonIgnore boolean bundled, @JsonIgnore FailbackMode failbackMode,
                           @JsonIgnore IncidentSide incidentSide) {

    /** How the rule is judged in a failback check ({@code @failback}; reverse when absent). */
    @com.fasterxml.jackson.annotation.JsonProperty("failback")
    public String failback() { return failbackMode.id(); }

    /** Which side the incident pre-check treats the rule as judging ({@code @incident}; state when absent). */
    @com.fasterxml.jackson.annotation.JsonProperty("incident")
    public String incident() { return incidentSide.id(); }

    /** {@link io.failready.model.Sections#ALL}: a rule's section must be one of them. */
    public static final java.util.List<String> SECTIONS = io.failready.model.Sections.ALL;

    /** The sibling Markdown document with rationale, risk and remediation. */
    @JsonIgnore public Path docFile() {
        String f = drlFile.getFileName().toString();
        return drlFile.resolveSibling(f.substring(0, f.length() - 4) + ".md");
    }
}

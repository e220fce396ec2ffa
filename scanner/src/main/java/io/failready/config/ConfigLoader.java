package io.failready.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.failready.util.Durations;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Collection;

/**
 * Reads a workload configuration: YAML syntax, then the JSON Schema, then meaning (durations,
 * duplicate names, unknown rule ids). Every failure names the file, line and column.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /** {@code knownRuleIds}: the catalog to check rule ids against (null: unchecked, for a first read). */
    public static FailreadyConfig load(Path file, Collection<String> knownRuleId) {
        String name = file.toString();
        JsonNode tree;
        try {
            tree = Json.readLocatedYaml(file, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, -1, -1, "configuration file not found.");
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "configuration could not be read: " + e.getMessage(), e);
        }
        return fromTree(tree, name, file.toAbsolutePath().getParent(), knownRuleId);
    }

    public static FailreadyConfig fromTree(JsonNode tree, String name, Path baseDir, Collection<String> knownRuleId) {
        Json.validate(Json.schema("config.schema.json"), tree, name, "The configuration");
        FailreadyConfig cfg;
        try {
            cfg = Json.YAML.treeToValue(tree, FailreadyConfig.class);
        } catch (JsonMappingException e) {
            throw bindError(name, tree, e);
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "configuration could not be read: " + e.getMessage(), e);
        }
        cfg.source = name;
        if (cfg.waiverPolicy == null) cfg.waiverPolicy = new WaiverPolicy();
        if (cfg.waiverPolicy.maxDuration != null) minutes(name, tree, "/waiverPolicy/maxDuration", cfg.waiverPolicy.maxDuration);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cfg.workloads.size(); i++) {
            Workload w = cfg.workloads.get(i);
            String at = "/workloads/" + i;
            if (!names.add(w.name)) throw at(name, tree, at + "/name", "workload name '" + w.name + "' is declared twice.");
            w.rtoMinutes = minutes(name, tree, at + "/rto", w.rtoText);
            w.rpoMinutes = minutes(name, tree, at + "/rpo", w.rpoText);
            w.rpoSeconds = w.rpoText == null ? -1 : Durations.parse(w.rpoText).getSeconds();
            for (int d = 0; d < w.drills.size(); d++) {
                Workload.Drill drill = w.drills.get(d);
                drill.observedRtoMinutes = minutes(name, tree, at + "/drills/" + d + "/observedRto", drill.observedRtoText);
                drill.observedRpoMinutes = minutes(name, tree, at + "/drills/" + d + "/observedRpo", drill.observedRpoText);
            }
            for (int k = 0; k < w.waivers.size(); k++) w.waivers.get(k).source = where(name, tree, at + "/waivers/" + k);
            if (knownRuleId != null) {
                for (int k = 0; k < w.waivers.size(); k++) {
                    checkRule(name, tree, at + "/waivers/" + k + "/rule", w.waivers.get(k).rule, knownRuleId);
                }
                for (String id : w.parameters.keySet()) checkRule(name, tree, at + "/parameters/" + id, id, knownRuleId);
                for (String id : w.severityOverrides.keySet()) checkRule(name, tree, at + "/severityOverrides/" + id, id, knownRuleId);
                GatePolicyConfig g = w.gate;
                for (int k = 0; k < g.blockRules.size(); k++) checkName(name, tree, at + "/gate/blockRules/" + k, "gate.blockRules entry", g.blockRules.get(k), knownRuleId, true);
                for (int k = 0; k < g.warnOnly.size(); k++) checkName(name, tree, at + "/gate/warnOnly/" + k, "gate.warnOnly entry", g.warnOnly.get(k), knownRuleId, true);
            }
            GatePolicyConfig g = w.gate;
            for (int k = 0; k < g.blockSections.size(); k++) {
                checkName(name, tree, at + "/gate/blockSections/" + k, "gate.blockSections entry", g.blockSections.get(k),
                        io.failready.model.Sections.ALL, false);
            }
        }
        for (int k = 0; k < cfg.disabledRules.size(); k++) {
            cfg.disabledRuleSources.putIfAbsent(cfg.disabledRules.get(k), where(name, tree, "/disabledRules/" + k));
        }
        if (knownRuleId != null) {
            for (int k = 0; k < cfg.disabledRules.size(); k++) {
                checkRule(name, tree, "/disabledRules/" + k, cfg.disabledRules.get(k), knownRuleId);
            }
        }
        for (String wf : cfg.waiverFiles) {
            Path p = baseDir == null ? Path.of(wf) : baseDir.resolve(wf);
            WaiverFile.load(p, knownRuleId, cfg);
        }
        return cfg;
    }

    private static void checkRule(String name, JsonNode tree, String ptr, String id, Collection<String> known) {
        checkName(name, tree, ptr, "rule id", id, known, false);
    }

    static void checkName(String name, JsonNode tree, String ptr, String what, String value, Collection<String> known, boolean globs) {
        String problem = RuleNames.problem(what, value, known, globs);
        if (problem != null) throw at(name, tree, ptr, problem);
    }

    private static long minutes(String name, JsonNode tree, String ptr, String text) {
        if (text == null) return -1;
        try {
            return Durations.parse(text).toMinutes();
        } catch (IllegalArgumentException e) {
            throw at(name, tree, ptr, e.getMessage() + ".");
        }
    }

    static String where(String name, JsonNode tree, String ptr) {
        JsonLocation loc = location(tree, ptr);
        return loc == null ? name : name + ":" + loc.getLineNr();
    }

    static InputException at(String name, JsonNode tree, String ptr, String message) {
        JsonLocation loc = location(tree, ptr);
        return new InputException(name, loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(), message);
    }

    private static JsonLocation location(JsonNode tree, String ptr) {
        JsonNode n = tree.at(JsonPointer.compile(ptr));
        if (n.isMissingNode()) {
            int slash = ptr.lastIndexOf('/');
            if (slash <= 0) return null;
            // a map key has no node of its own; point at its value's parent object instead
            n = tree.at(JsonPointer.compile(ptr.substring(0, slash)));
        }
        return n instanceof TokenStreamLocationAware a ? a.tokenStreamLocation() : null;
    }

    private static InputException bindError(String name, JsonNode tree, JsonMappingException e) {
        StringBuilder ptr = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            ptr.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        String msg = e.getOriginalMessage();
        if (e instanceof MismatchedInputException && e.getCause() instanceof IllegalArgumentException iae) msg = iae.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && msg != null && msg.contains("problem:")) msg = c.getMessage();
        return at(name, tree, ptr.toString(), "invalid value at " + (ptr.length() == 0 ? "$" : ptr) + ": " + firstLine(msg) + ".");
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid value";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Used by ConfigLoader and WaiverFile; exposed for tests that build configs in memory. */
    public static List<Workload> workloads(FailreadyConfig cfg) { return cfg.workloads; }
}

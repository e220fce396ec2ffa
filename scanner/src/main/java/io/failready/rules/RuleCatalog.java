package io.failready.rules;

import io.failready.model.Severity;
import io.failready.util.InputException;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.KnowledgeBuilderResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule catalog, read from the DRL files' own annotations by parsing (not compiling) them, so
 * {@code rules list} and report headers do not pay for building the rule base.
 *
 * <p>A rule named exactly like an UPPER_SNAKE id carries the metadata; its outcome rules are named
 * {@code "<ID> - <outcome>"} and carry none. Rules annotated {@code @kind("inference")} derive
 * facts and are not catalog entries.
 */
public final class RuleCatalog {
    private final Map<String, RuleMetadata> rules;          // sorted by id
    private final Map<String, List<String>> outcomeRules;   // id -> DRL rule names emitting for it
    private final Set<String> inferenceRules;
    private final RuleSet ruleSet;
    private final Set<String> recoverySubjects;

    private RuleCatalog(Map<String, RuleMetadata> rules, Map<String, List<String>> outcomeRules, Set<String> inference, RuleSet set,
                        Set<String> recoverySubjects) {
        this.rules = rules;
        this.outcomeRules = outcomeRules;
        this.inferenceRules = inference;
        this.ruleSet = set;
        this.recoverySubjects = recoverySubjects;
    }

    public Map<String, RuleMetadata> rules() { return rules; }
    public RuleMetadata get(String id) { return rules.get(id); }
    public boolean contains(String id) { return rules.containsKey(id); }
    public Set<String> inferenceRules() { return inferenceRules; }
    /**
     * Rules annotated {@code @subjectRegion("recovery")} judge resources in the recovery region of
     * each pair; every other resource rule judges resources in the primary region (or global ones).
     */
    public boolean judgesRecoveryRegion(String id) { return recoverySubjects.contains(id); }
    public List<String> outcomeRules(String id) { return outcomeRules.getOrDefault(id, List.of()); }
    public RuleSet ruleSet() { return ruleSet; }

    public static RuleCatalog read(RuleSet set) {
        Map<String, RuleMetadata> rules = new TreeMap<>();
        Map<String, String> declaredIn = new HashMap<>();
        Map<String, List<String>> outcomes = new TreeMap<>();
        Map<String, String> outcomeFile = new HashMap<>();
        Map<String, Integer> outcomeLine = new HashMap<>();
        Set<String> inference = new HashSet<>();
        Set<String> recoverySubjects = new HashSet<>();
        Set<String> ruleNames = new HashSet<>();
        Map<String, List<RuleHeads.Head>> prebuilt = RuleHeads.bundled(set);
        for (RuleSet.DrlSource src : set.sources()) {
            List<RuleHeads.Head> heads = src.bundled() && prebuilt != null ? prebuilt.get(src.displayName()) : null;
            if (heads == null) heads = heads(src);
            for (RuleHeads.Head rd : heads) {
                String name = rd.name();
                if (!ruleNames.add(name)) {
                    throw new InputException(src.displayName(), rd.line(), rd.column(),
                            "rule \"" + name + "\" is defined twice (rule names are global across all rule directories).");
                }
                if ("inference".equals(annotation(rd, "kind"))) {
                    // the engine fires everything in one pass; salience is what puts derived facts
                    // in place before verdict rules that test for their absence can fire
                    String sal = rd.salience();
                    int s = 0;
                    try {
                        s = sal == null ? 0 : Integer.parseInt(sal.trim());
                    } catch (NumberFormatException ignored) {
                        s = 0;
                    }
                    if (s <= 0) {
                        throw new InputException(src.displayName(), rd.line(), rd.column(), "inference rule \"" + name
                                + "\" needs a positive salience (e.g. 'salience 100') so derived facts exist before verdict rules fire.");
                    }
                    inference.add(name);
                    continue;
                }
                int sep = name.indexOf(" - ");
                String id = sep < 0 ? name : name.substring(0, sep);
                if (!id.matches("[A-Z][A-Z0-9_]*")) {
                    throw new InputException(src.displayName(), rd.line(), rd.column(), "rule \"" + name
                            + "\" is not named by an UPPER_SNAKE rule id (outcome rules are named \"<ID> - <outcome>\"; "
                            + "helper rules that only derive facts need @kind(\"inference\")).");
                }
                outcomes.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
                outcomeFile.putIfAbsent(id, src.displayName());
                outcomeLine.putIfAbsent(id, rd.line());
                if (sep < 0) {
                    if (declaredIn.containsKey(id)) {
                        throw new InputException(src.displayName(), rd.line(), rd.column(),
                                "rule id " + id + " is already declared in " + declaredIn.get(id) + ".");
                    }
                    declaredIn.put(id, src.displayName());
                    rules.put(id, metadata(src, rd));
                    if ("recovery".equals(annotation(rd, "subjectRegion"))) recoverySubjects.add(id);
                }
            }
        }
        for (Map.Entry<String, List<String>> e : outcomes.entrySet()) {
            if (!rules.containsKey(e.getKey())) {
                throw new InputException(outcomeFile.get(e.getKey()), outcomeLine.get(e.getKey()), -1,
                        "outcome rule \"" + e.getValue().get(0) + "\" belongs to rule id " + e.getKey()
                                + ", but no rule named exactly \"" + e.getKey() + "\" declares its metadata.");
            }
        }
        return new RuleCatalog(rules, outcomes, inference, set, Set.copyOf(recoverySubjects));
    }

    /** What the catalog reads of each rule in {@code src}, parsed from its DRL. */
    static List<RuleHeads.Head> heads(RuleSet.DrlSource src) {
        List<RuleHeads.Head> out = new ArrayList<>();
        for (RuleDescr rd : parse(src).getRules()) {
            var sal = rd.getAttributes().get("salience");
            Map<String, String> annotations = new LinkedHashMap<>();
            for (AnnotationDescr a : rd.getAnnotations()) {
                Object v = a.getSingleValueStripped();
                annotations.put(a.getName(), v == null ? null : String.valueOf(v));
            }
            out.add(new RuleHeads.Head(rd.getName(), rd.getLine(), rd.getColumn(), sal == null ? null : sal.getValue(), annotations));
        }
        return out;
    }

    private static PackageDescr parse(RuleSet.DrlSource src) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, src.text());
        } catch (DroolsParserException e) {
            throw new InputException(src.displayName(), e.getLineNumber(), e.getColumn(), "DRL syntax error: " + e.getMessage(), e);
        }
        if (parser.hasErrors() || pkg == null) {
            DroolsError err = parser.getErrors().isEmpty() ? null : parser.getErrors().get(0);
            int line = err == null ? -1 : firstLine((KnowledgeBuilderResult) err);
            String msg = err == null ? "unparseable DRL" : err.getMessage();
            throw new InputException(src.displayName(), line, -1, "DRL syntax error: " + clean(msg)
                    + (parser.getErrors().size() > 1 ? " (and " + (parser.getErrors().size() - 1) + " more)" : "") + ".");
        }
        return pkg;
    }

    private static int firstLine(KnowledgeBuilderResult r) {
        int[] lines = r.getLines();
        return lines == null || lines.length == 0 ? -1 : lines[0];
    }

    static String clean(String msg) {
        if (msg == null) return "";
        String m = msg.replace('\n', ' ').trim();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static String annotation(RuleHeads.Head rd, String name) {
        return rd.annotations().get(name);
    }

    private static RuleMetadata metadata(RuleSet.DrlSource src, RuleHeads.Head rd) {
        String where = src.displayName();
        String id = rd.name();
        String declaredId = annotation(rd, "id");
        if (declaredId == null || !declaredId.equals(id)) {
            throw new InputException(where, rd.line(), rd.column(), "rule " + id + " must carry @id(\"" + id + "\") (found "
                    + (declaredId == null ? "none" : "@id(\"" + declaredId + "\")") + ").");
        }
        String title = require(src, rd, "title");
        String section = require(src, rd, "section");
        if (!RuleMetadata.SECTIONS.contains(section)) {
            throw new InputException(where, rd.line(), rd.column(), "rule " + id + " has @section(\"" + section
                    + "\"); sections are " + String.join(", ", RuleMetadata.SECTIONS) + ".");
        }
        Severity severity;
        try {
            severity = Severity.parse(require(src, rd, "severity"));
        } catch (IllegalArgumentException e) {
            throw new InputException(where, rd.line(), rd.column(), "rule " + id + ": " + e.getMessage() + ".");
        }
        String resourceType = require(src, rd, "resourceType");
        Map<String, String> params = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (String a : rd.annotations().keySet()) if (a.startsWith("param_")) names.add(a);
        names.sort(null);
        for (String n : names) {
            String v = rd.annotations().get(n);
            params.put(n.substring("param_".length()), v == null ? "" : v);
        }
        FailbackMode failback;
        IncidentSide incident;
        try {
            failback = FailbackMode.parse(annotation(rd, "failback"));
            incident = IncidentSide.parse(annotation(rd, "incident"));
        } catch (IllegalArgumentException e) {
            throw new InputException(where, rd.line(), rd.column(), "rule " + id + ": " + e.getMessage() + ".");
        }
        return new RuleMetadata(id, title, section, severity, resourceType, params, annotation(rd, "since"), where,
                src.path(), src.bundled(), failback, incident);
    }

    private static String require(RuleSet.DrlSource src, RuleHeads.Head rd, String key) {
        String v = annotation(rd, key);
        if (v == null || v.isBlank()) {
            throw new InputException(src.displayName(), rd.line(), rd.column(), "rule " + rd.name() + " has no @" + key + "(\"...\") annotation.");
        }
        return v;
    }
}

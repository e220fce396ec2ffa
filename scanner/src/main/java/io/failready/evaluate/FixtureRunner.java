package io.failready.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.config.ConfigLoader;
import io.failready.config.FailreadyConfig;
import io.failready.config.Workload;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.snapshot.Snapshot;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs rule fixtures: one JSON file per scenario under {@code <RULE_ID>/fixtures/}, named by the
 * outcome it demonstrates ({@code compliant-…}, {@code non_compliant-…}, {@code not_applicable-…},
 * {@code insufficient_data-…}). Only the rule under test (and inference rules) fire, and the
 * evaluations must equal the expected set exactly — no more, no fewer. Used by the build's
 * fixture test and by {@code failready rules test DIR} for users' own rules.
 */
public final class FixtureRunner {
    public static final List<String> OUTCOME_PREFIXES = List.of("compliant-", "non_compliant-", "not_applicable-", "insufficient_data-");
    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-01T00:00:00Z");

    private final RuleEngine engine;

    public FixtureRunner(RuleEngine engine) { this.engine = engine; }

    public record Fixture(String ruleId, Path file, String displayName) {}

    public record Outcome(Fixture fixture, boolean passed, String message) {}

    /** Fixture files below {@code root}; the rule id is the name of the folder holding fixtures/. */
    public static List<Fixture> discover(Path root, String displayPrefix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".json") && p.getParent() != null
                            && p.getParent().getFileName().toString().equals("fixtures"))
                    .sorted()
                    .map(p -> new Fixture(p.getParent().getParent().getFileName().toString(), p,
                            displayPrefix + root.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new InputException(root, "cannot read fixtures: " + e.getMessage(), e);
        }
    }

    /** Default workload every fixture starts from; a fixture's "workload" object overrides its keys. */
    static ObjectNode defaultWorkload() {
        ObjectNode w = Json.MAPPER.createObjectNode();
        w.put("name", "fixture");
        w.put("owner", "sre@example.com");
        w.putArray("criticalWorkflows").add("checkout");
        ArrayNode accts = w.putArray("accounts");
        accts.addObject().put("id", "111111111111");
        accts.addObject().put("id", "222222222222");
        w.put("primaryRegion", "us-east-1");
        w.putArray("recoveryRegions").add("eu-west-1");
        w.put("strategy", "warm-standby");
        w.put("rto", "60m");
        w.put("rpo", "15m");
        return w;
    }

    public Outcome run(Fixture f) {
        try {
            return new Outcome(f, true, check(f));
        } catch (AssertionError e) {
            return new Outcome(f, false, e.getMessage());
        }
    }

    /** Returns a one-line success message, or throws AssertionError describing the mismatch. */
    public String check(Fixture f) {
        Scenario sc = scenario(f);
        return check(f, sc, evaluate(sc));
    }

    /** A fixture read and checked: its tree, outcome, workload, configuration and snapshot. */
    record Scenario(JsonNode root, String outcome, Workload workload, FailreadyConfig cfg, Snapshot snapshot, Instant asOf, String ruleId) {}

    /** The evaluations this runner's engine makes on the fixture's estate (its rule and inference rules only). */
    public List<Evaluation> evaluations(Fixture f) { return evaluate(scenario(f)).evaluations(); }

    private WorkloadResult evaluate(Scenario sc) {
        return engine.evaluate(sc.snapshot(), sc.workload(), sc.cfg(),
                RuleEngine.Options.defaults(sc.asOf()).withRuleFilter(id -> id.equals(sc.ruleId())));
    }

    private Scenario scenario(Fixture f) {
        JsonNode root;
        try (InputStream in = io.failready.util.InputFiles.open(f.file(), f.displayName())) {
            root = Json.readLocated(in, f.displayName(), false);
        } catch (IOException e) {
            throw new InputException(f.file(), "cannot read fixture: " + e.getMessage(), e);
        }
        String name = f.file().getFileName().toString();
        String outcome = OUTCOME_PREFIXES.stream().filter(name::startsWith).findFirst().orElseThrow(() ->
                new InputException(f.displayName(), -1, -1, "fixture file names start with the outcome they show: " + OUTCOME_PREFIXES + "."));
        if (!engine.catalog().contains(f.ruleId())) {
            throw new InputException(f.displayName(), -1, -1, "fixture folder names rule " + f.ruleId() + ", which is not in the catalog.");
        }
        ObjectNode wl = defaultWorkload();
        if (root.has("workload")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("workload").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                wl.set(e.getKey(), e.getValue());
            }
        }
        if (root.has("parameters")) {
            ((ObjectNode) wl.withObject("/parameters")).set(f.ruleId(), root.get("parameters"));
        }
        ObjectNode cfgTree = Json.MAPPER.createObjectNode();
        cfgTree.putArray("workloads").add(wl);
        FailreadyConfig cfg = ConfigLoader.fromTree(cfgTree, f.displayName() + " (workload)", f.file().getParent(), engine.catalog().rules().keySet());
        Workload workload = cfg.workloads.get(0);

        List<Resource> resources = new ArrayList<>();
        List<CollectionGap> gaps = new ArrayList<>();
        try {
            for (JsonNode r : root.path("resources")) resources.add(Json.MAPPER.treeToValue(r, Resource.class));
            for (JsonNode g : root.path("collectionGaps")) gaps.add(Json.MAPPER.treeToValue(g, CollectionGap.class));
        } catch (IOException | RuntimeException e) {
            throw new InputException(f.displayName(), -1, -1, "fixture resource or gap is malformed: " + e.getMessage(), e);
        }
        Instant asOf = root.has("asOf") ? Instant.parse(root.get("asOf").asText()) : DEFAULT_AS_OF;
        Snapshot snap = new Snapshot(Snapshot.SCHEMA_VERSION, null, asOf.toString(), null, List.of(), List.of(), resources, gaps);
        return new Scenario(root, outcome, workload, cfg, snap, asOf, f.ruleId());
    }

    private String check(Fixture f, Scenario sc, WorkloadResult result) {
        JsonNode root = sc.root();
        String outcome = sc.outcome();
        Workload workload = sc.workload();

        // Multiset match: each expectation consumes one evaluation with the same resource,
        // outcome and recovery region (and region, when the expectation names one).
        List<Evaluation> unmatched = new ArrayList<>(result.evaluations());
        List<String> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean outcomeShown = false;
        for (JsonNode x : root.path("expect")) {
            String id = x.path("resourceId").asText();
            ComplianceType type;
            try {
                type = ComplianceType.valueOf(x.path("complianceType").asText());
            } catch (IllegalArgumentException e) {
                throw new InputException(f.displayName(), -1, -1, "expectation for " + id + " has complianceType '"
                        + x.path("complianceType").asText() + "'; use COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or INSUFFICIENT_DATA.");
            }
            String rec = x.has("recoveryRegion") ? (x.get("recoveryRegion").isNull() ? null : x.get("recoveryRegion").asText())
                    : workload.recoveryRegions.get(0);
            String region = x.has("region") ? x.get("region").asText() : null;
            if (outcome.equals(type.name().toLowerCase() + "-")) outcomeShown = true;
            Evaluation got = unmatched.stream().filter(e -> e.getResourceId().equals(id) && e.getComplianceType() == type
                    && Objects.equals(rec, e.getRecoveryRegion()) && (region == null || region.equals(e.getRegion()))).findFirst().orElse(null);
            if (got == null) {
                missing.add(id + " " + type + " " + rec + (region == null ? "" : " in " + region));
                continue;
            }
            unmatched.remove(got);
            if (x.has("annotationContains") && !got.getAnnotation().contains(x.get("annotationContains").asText())) {
                problems.add("annotation of " + id + " is \"" + got.getAnnotation() + "\", expected to contain \"" + x.get("annotationContains").asText() + "\"");
            }
            if (x.has("counterpart")) {
                String want = x.get("counterpart").isNull() ? null : x.get("counterpart").asText();
                String have = got.getCounterpart() == null ? null : got.getCounterpart().resourceId();
                if (!Objects.equals(want, have)) problems.add("counterpart of " + id + " is " + have + ", expected " + want);
            }
        }
        if (!outcomeShown) {
            problems.add("the file name says " + outcome.substring(0, outcome.length() - 1).toUpperCase() + " but no expectation has that complianceType");
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            List<String> extra = new ArrayList<>();
            for (Evaluation e : unmatched) extra.add(e.getResourceId() + " " + e.getComplianceType() + " " + e.getRecoveryRegion() + " in " + e.getRegion()
                    + " (\"" + e.getAnnotation() + "\")");
            problems.add("evaluations differ; missing " + missing + ", unexpected " + extra);
        }
        for (Evaluation e : result.evaluations()) {
            if (e.getAnnotation().isBlank()) problems.add("evaluation of " + e.getResourceId() + " has an empty annotation");
        }
        if (!problems.isEmpty()) throw new AssertionError(f.displayName() + ": " + String.join("; ", problems));
        return f.displayName() + ": " + result.evaluations().size() + " evaluation(s) as expected";
    }
}

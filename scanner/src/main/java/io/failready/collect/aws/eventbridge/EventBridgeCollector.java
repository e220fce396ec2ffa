package io.failready.collect.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.collect.ScanState;
import io.failready.facts.Resource;
import io.failready.util.Json;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Endpoint;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEndpointsResponse;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * EventBridge rules ({@code AWS::Events::Rule}) on every event bus, with their state, event pattern
 * (also in a canonical form with sorted keys, so equal patterns compare equal), schedule, and the
 * region and service of each target; and global endpoints ({@code AWS::Events::Endpoint}) with the
 * regions and buses they cover. Target inputs and input transformers are not kept: they can carry
 * payload data. After collection, {@link #link} names on each rule the global endpoints that serve
 * its bus.
 *
 * <p>AWS calls / IAM actions: {@code events:ListEventBuses}, {@code events:ListRules} (per bus),
 * {@code events:ListTargetsByRule} and {@code events:ListTagsForResource} (per rule),
 * {@code events:ListEndpoints}; all paginated by NextToken.
 */
public final class EventBridgeCollector implements Collector {
    public static final String RULE = "AWS::Events::Rule";
    public static final String ENDPOINT = "AWS::Events::Endpoint";
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("eventbridge", EventBridgeClient.class, EventBridgeClient::builder)
            .iamPrefix("events")
            .operations("ListEndpoints", "ListEventBuses", "ListRules", "ListTagsForResource", "ListTargetsByRule")
            .writes(RULE, "EventBridge rule")
            .writes(ENDPOINT, "EventBridge global endpoint")
            .regions(EventBridgeClient.serviceMetadata())
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        EventBridgeClient eb = ctx.client(EventBridgeClient.class);
        // Scoped to the endpoint type, not the service: without the endpoint listing a rule with a
        // good counterpart is still judged, and only "no counterpart" stays open (see the rule).
        ctx.callFor("events:ListEndpoints", ENDPOINT, ctx.arn("events", "endpoint/*"), () -> {
            List<Endpoint> all = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                ListEndpointsResponse page = eb.listEndpoints(b -> b.nextToken(t));
                all.addAll(page.endpoints());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            return all;
        }).ifPresent(eps -> eps.forEach(e -> endpoint(ctx, e)));
        Optional<List<EventBus>> buses = ctx.call("events:ListEventBuses", () -> {
            List<EventBus> all = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                ListEventBusesResponse page = eb.listEventBuses(b -> b.nextToken(t));
                all.addAll(page.eventBuses());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            return all;
        });
        if (buses.isEmpty()) return;
        for (EventBus bus : buses.get()) {
            Optional<List<Rule>> rules = ctx.call("events:ListRules", () -> {
                List<Rule> all = new ArrayList<>();
                String token = null;
                do {
                    String t = token;
                    ListRulesResponse page = eb.listRules(b -> b.eventBusName(bus.name()).nextToken(t));
                    all.addAll(page.rules());
                    token = page.nextToken();
                } while (token != null && !token.isEmpty());
                return all;
            });
            rules.ifPresent(list -> list.forEach(r -> rule(ctx, eb, bus, r)));
        }
    }

    private static void rule(CollectionContext ctx, EventBridgeClient eb, EventBus bus, Rule r) {
        String arn = r.arn() != null ? r.arn() : ctx.arn("events", "rule/" + (bus.name().equals("default") ? "" : bus.name() + "/") + r.name());
        List<Map<String, Object>> targets = ctx.callFor("events:ListTargetsByRule", RULE, arn, () -> {
            List<Map<String, Object>> all = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                ListTargetsByRuleResponse page = eb.listTargetsByRule(b -> b.rule(r.name()).eventBusName(bus.name()).nextToken(t));
                for (Target x : page.targets()) {
                    all.add(Attrs.map("id", x.id(), "arn", x.arn(), "region", Attrs.arnRegion(x.arn()), "service", service(x.arn())));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            return all;
        }).orElse(null);
        Map<String, String> tags = ctx.callFor("events:ListTagsForResource", RULE, arn,
                () -> Attrs.tags(eb.listTagsForResource(b -> b.resourceARN(arn)).tags(), Tag::key, Tag::value)).orElse(new TreeMap<>());
        String busArn = bus.arn() != null ? bus.arn() : ctx.arn("events", "event-bus/" + bus.name());
        ctx.add(RULE, arn, r.name(), tags, Attrs.map("ruleName", r.name(), "eventBusName", bus.name(), "eventBusArn", busArn,
                "state", r.stateAsString(), "eventPattern", r.eventPattern(), "eventPatternCanonical", canonical(r.eventPattern()),
                "scheduleExpression", r.scheduleExpression(), "managedBy", r.managedBy(), "targets", targets));
    }

    private static void endpoint(CollectionContext ctx, Endpoint e) {
        List<String> busArns = Attrs.list(e.eventBuses(), b -> b.eventBusArn());
        String secondary = e.routingConfig() == null || e.routingConfig().failoverConfig() == null
                || e.routingConfig().failoverConfig().secondary() == null ? null : e.routingConfig().failoverConfig().secondary().route();
        List<String> regions = new ArrayList<>();
        for (String b : busArns) if (Attrs.arnRegion(b) != null && !regions.contains(Attrs.arnRegion(b))) regions.add(Attrs.arnRegion(b));
        String arn = e.arn() != null ? e.arn() : ctx.arn("events", "endpoint/" + e.name());
        ctx.add(ENDPOINT, arn, e.name(), Map.of(), Attrs.map("state", e.stateAsString(), "secondaryRegion", secondary,
                "eventBusArns", busArns, "regions", regions,
                "replicationState", e.replicationConfig() == null ? null : e.replicationConfig().stateAsString()));
    }

    /** Names on each rule the global endpoints whose buses include the rule's bus. */
    @Override public List<Resource> link(List<Resource> inventory, ScanState state) {
        Map<String, List<Map<String, Object>>> byBus = new HashMap<>();
        for (Resource r : inventory) {
            if (!ENDPOINT.equals(r.getResourceType())) continue;
            for (Object bus : r.list("eventBusArns")) {
                byBus.computeIfAbsent(String.valueOf(bus), k -> new ArrayList<>()).add(Attrs.map("name", r.getResourceName(),
                        "resourceId", r.getResourceId(), "state", r.str("state"), "regions", r.list("regions")));
            }
        }
        if (byBus.isEmpty()) return inventory;
        List<Resource> out = new ArrayList<>(inventory.size());
        for (Resource r : inventory) {
            List<Map<String, Object>> eps = RULE.equals(r.getResourceType()) ? byBus.get(r.str("eventBusArn")) : null;
            if (eps == null) { out.add(r); continue; }
            Map<String, Object> cfg = new LinkedHashMap<>(r.getConfiguration());
            cfg.put("globalEndpoints", eps);
            out.add(new Resource(r.getResourceType(), r.getResourceId(), r.getResourceName(), r.getAccountId(), r.getAwsRegion(), r.getTags(), cfg));
        }
        return out;
    }

    /** "lambda" for arn:aws:lambda:...; null for anything that is not an ARN. */
    static String service(String arn) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] p = arn.split(":", 6);
        return p.length > 2 ? p[2] : null;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper SORTED = Json.MAPPER.copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).disable(SerializationFeature.INDENT_OUTPUT);

    /** The pattern re-serialised with sorted keys and no spaces; the original when it is not JSON. */
    static String canonical(String pattern) {
        if (pattern == null) return null;
        try {
            JsonNode n = Json.MAPPER.readTree(pattern);
            return SORTED.writeValueAsString(Json.MAPPER.treeToValue(n, Object.class));
        } catch (Exception e) {
            return pattern;
        }
    }
}

package io.failready.evaluate;

import io.failready.facts.Resource;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which facts a rule base can match, read from its Rete network, so that a session is handed only
 * those: a partition's session inserting all of a million-resource estate spent most of its insert
 * time on fact handles no rule of the partition could ever join (counterparts no rule names, resource
 * types only the indexes read, the other partition's resource types).
 *
 * <p>A fact is left out only when that is certain from the network itself, never from a list kept by
 * hand, so a user's rules (and inference rules, which every partition holds) route their own facts:
 * <ul>
 *   <li>no object-type node of the default entry point accepts its class (Drools would drop it
 *   after creating its handle);</li>
 *   <li>a {@link Resource} whose type fails, on every path from the {@code Resource} node to a join,
 *   an alpha constraint that tests nothing but the resource type against string literals
 *   ({@code resourceType == "..."}, {@code resourceType in ("...", ...)}, or such tests joined by
 *   {@code ||}), recognised from the compiled constraint's own source text and the one property it
 *   reads. Any other constraint on a path is taken as possibly true.</li>
 * </ul>
 * Anything not understood (another kind of node or constraint, an object type that is not a class)
 * is inserted. Facts that rules insert while firing are not routed: Drools handles them as always.
 */
final class FactRouting {
    /* one literal, and the three shapes of a type-only test; the text is the constraint the lambda was compiled from */
    private static final String LITERAL = "\"([^\"\\\\]*)\"";
    private static final Pattern EQUALS = Pattern.compile("resourceType\\s*==\\s*" + LITERAL);
    private static final Pattern ONE_OF = Pattern.compile("resourceType\\s+in\\s*\\(\\s*(" + LITERAL + "(\\s*,\\s*" + LITERAL + ")*)\\s*\\)");
    private static final Pattern QUOTED = Pattern.compile(LITERAL);

    private static final Map<KieBase, FactRouting> CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /* the classes the object-type nodes take, not the nodes: the cache must not hold its rule base alive through them */
    private final List<Class<?>> nodeClasses;
    /* a node over something other than a class (or a rule base not read): every fact */
    private final boolean everyFact;
    /* per fact class: whether any node accepts it; for Resource, null = every type, else the types some path accepts */
    private final Map<Class<?>, Boolean> classes = new ConcurrentHashMap<>();
    private final Set<String> resourceTypes;
    private final boolean everyResource;

    private FactRouting(KieBase kb) {
        List<ObjectTypeNode> found = new ArrayList<>();
        boolean understood = kb instanceof InternalRuleBase;
        if (understood) {
            for (ObjectTypeNode n : ((InternalRuleBase) kb).getRete().getObjectTypeNodes()) {
                if (EntryPointId.DEFAULT.equals(n.getEntryPoint())) found.add(n);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        boolean opaque = !understood;
        for (ObjectTypeNode n : found) {
            if (!(n.getObjectType() instanceof ClassObjectType c)) opaque = true;
            // the initial fact's node exists in every rule base and takes no fact of ours
            else if (c.getClassType() != org.drools.base.reteoo.InitialFactImpl.class) classes.add(c.getClassType());
        }
        this.nodeClasses = List.copyOf(classes);
        this.everyFact = opaque;
        Set<String> types = new HashSet<>();
        boolean every = !understood;
        if (understood) {
            for (ObjectTypeNode n : found) {
                if (!(n.getObjectType() instanceof ClassObjectType c) || !c.getClassType().isAssignableFrom(Resource.class)) continue;
                boolean exact = c.getClassType() == Resource.class;
                for (ObjectSink s : n.getObjectSinkPropagator().getSinks()) {
                    if (!collect(s, null, exact, types)) { every = true; break; }
                }
                if (every) break;
            }
        }
        this.everyResource = every;
        this.resourceTypes = every ? Set.of() : Set.copyOf(types);
    }

    /** The routing of {@code kb}, worked out once per rule base. */
    static FactRouting of(KieBase kb) {
        return CACHE.computeIfAbsent(kb, FactRouting::new);
    }

    /** Whether a session of this rule base needs {@code fact} inserted (true when in doubt). */
    boolean accepts(Object fact) {
        if (everyFact) return true;
        if (!classes.computeIfAbsent(fact.getClass(), this::anyNodeAccepts)) return false;
        return !(fact instanceof Resource r) || everyResource || resourceTypes.contains(r.getResourceType());
    }

    /** The resource types a session is handed, or null for every type; for diagnosis and tests. */
    Set<String> resourceTypes() { return everyResource ? null : resourceTypes; }

    private boolean anyNodeAccepts(Class<?> type) {
        for (Class<?> c : nodeClasses) if (c.isAssignableFrom(type)) return true;
        return false;
    }

    /**
     * Walks one path below the Resource node: {@code allowed} is what the type tests met so far let
     * through (null: anything). Adds to {@code out} what reaches a node that is not an alpha test;
     * false when some type reaching it cannot be bounded.
     */
    private static boolean collect(ObjectSink sink, Set<String> allowed, boolean exactResource, Set<String> out) {
        if (!(sink instanceof AlphaNode alpha)) {
            if (allowed == null) return false;
            out.addAll(allowed);
            return true;
        }
        Set<String> here = allowed;
        Set<String> tested = exactResource ? typeTest(alpha) : null;
        if (tested != null) {
            if (here == null) here = tested;
            else {
                here = new HashSet<>(here);
                here.retainAll(tested);
            }
        }
        for (ObjectSink s : alpha.getObjectSinkPropagator().getSinks()) {
            if (!collect(s, here, exactResource, out)) return false;
        }
        return true;
    }

    /** The types an alpha test lets through when it tests the type alone against literals; null otherwise. */
    static Set<String> typeTest(AlphaNode alpha) {
        if (!(alpha.getConstraint() instanceof LambdaConstraint c)) return null;
        if (!Arrays.equals(c.getEvaluator().getReactiveProps(), new String[] {"resourceType"})) return null;
        String text = c.getPredicateInformation() == null ? null : c.getPredicateInformation().getStringConstraint();
        return typeTest(text);
    }

    /** The literals of {@code text} when it is one of the type-only tests above, else null. */
    static Set<String> typeTest(String text) {
        if (text == null) return null;
        String t = text.strip();
        Matcher in = ONE_OF.matcher(t);
        if (in.matches()) return literals(in.group(1));
        Set<String> out = new LinkedHashSet<>();
        for (String part : t.split("\\|\\|", -1)) {
            Matcher eq = EQUALS.matcher(part.strip());
            if (!eq.matches()) return null;
            out.add(eq.group(1));
        }
        return out;
    }

    private static Set<String> literals(String list) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = QUOTED.matcher(list);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}

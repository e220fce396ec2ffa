package io.failready.evaluate;

import org.kie.api.KieBase;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which rule a generated class belongs to, for blaming a runaway rule by its stack. The executable
 * model names its condition and consequence classes by hash ({@code rules.custom.PB4.LambdaPredicateB4C2…}),
 * not by rule, so the classes are found by walking each rule's own definition (conditions and
 * consequence) for the lambda objects it holds. Only run when a rule has already overrun its budget:
 * the walk reads Drools' rule objects reflectively, and any failure just leaves the rule unnamed.
 */
final class RuleOwners {
    private RuleOwners() {}

    private static final int MAX_OBJECTS = 200_000;

    static Map<String, String> of(KieBase kb) {
        Map<String, String> owners = new HashMap<>();
        try {
            for (var p : kb.getKiePackages()) {
                for (var r : p.getRules()) walk(r, r.getName(), owners);
            }
        } catch (RuntimeException | LinkageError e) {
            // diagnostics only: the caller falls back to the last rule that fired
        }
        return owners;
    }

    private static void walk(Object rule, String name, Map<String, String> owners) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(rule);
        while (!todo.isEmpty() && seen.size() < MAX_OBJECTS) {
            Object o = todo.pop();
            if (o == null || seen.put(o, Boolean.TRUE) != null) continue;
            Class<?> c = o.getClass();
            String cn = c.getName();
            // the model shares one class between rules with the same constraint: such a class blames no one
            if (cn.contains(".Lambda") && !cn.startsWith("org.drools.") && !cn.startsWith("java.")) owners.merge(cn, name, (a, b) -> a.equals(b) ? a : "");
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) for (int i = 0; i < Array.getLength(o); i++) todo.push(Array.get(o, i));
                continue;
            }
            if (o instanceof Collection<?> col) { col.forEach(todo::push); continue; }
            if (o instanceof Map<?, ?> m) { m.values().forEach(todo::push); continue; }
            if (!cn.startsWith("org.drools.") && !cn.contains(".Lambda")) continue;
            // never leave this rule: its package, rule base and sibling rules hold every other rule's lambdas
            if (o != rule && (cn.contains("RuleImpl") || cn.contains("Package") || cn.contains("KnowledgeBase") || cn.contains("RuleBase"))) continue;
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                    try {
                        f.setAccessible(true);
                        todo.push(f.get(o));
                    } catch (RuntimeException | IllegalAccessException e) {
                        // a field we may not read says nothing about ownership
                    }
                }
            }
        }
    }
}

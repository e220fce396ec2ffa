package io.failready.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds a fast schema check to networknt: every value of a real document replaced by each of a set
 * of wrong values, or removed, and both asked. The fast check must reject whatever networknt
 * rejects; it may reject a valid document only for the reasons StreamSchema documents.
 */
public final class SchemaMutations {
    private SchemaMutations() {}

    public record Outcome(int checked, int rejected, Map<String, Integer> stricterOnly) {
        public void assertStricterOnlyForDocumentedReasons() {
            for (String kind : stricterOnly.keySet()) {
                assertTrue(kind.equals("integral float") || kind.equals("astral text"),
                        "stricter than the schema only for integral floats and astral strings, not: " + stricterOnly);
            }
        }
    }

    private static final Map<String, Function<JsonNode, JsonNode>> VALUES = new LinkedHashMap<>();
    static {
        VALUES.put("remove", n -> null);
        VALUES.put("text", n -> TextNode.valueOf("BOGUS"));
        VALUES.put("empty text", n -> TextNode.valueOf(""));
        VALUES.put("long text", n -> TextNode.valueOf("x".repeat(257)));
        VALUES.put("astral text", n -> TextNode.valueOf("\uD83D\uDE00".repeat(129)));
        VALUES.put("version-like", n -> TextNode.valueOf("1.1x"));
        VALUES.put("account-like", n -> TextNode.valueOf("12345678901"));
        VALUES.put("type-like", n -> TextNode.valueOf("AWS::S3"));
        VALUES.put("negative", n -> IntNode.valueOf(-1));
        VALUES.put("over 100", n -> IntNode.valueOf(101));
        VALUES.put("fraction", n -> DoubleNode.valueOf(1.5));
        VALUES.put("integral float", n -> DoubleNode.valueOf(1.0));
        VALUES.put("boolean", n -> BooleanNode.TRUE);
        VALUES.put("null", n -> NullNode.getInstance());
        VALUES.put("object", n -> JsonNodeFactory.instance.objectNode());
        VALUES.put("array", n -> JsonNodeFactory.instance.arrayNode());
        VALUES.put("extra field", n -> n.isObject() ? ((ObjectNode) n.deepCopy()).put("addedByAnotherTool", 1) : n);
    }

    /** One generated document: {@code kind} of wrong value (a key of the value set) put at {@code pointer}. */
    public record Mutant(String kind, String pointer, JsonNode doc) {
        @Override public String toString() { return kind + " at " + pointer; }
    }

    /** Every mutation of {@code original}; {@code sampled}: arrays (by pointer) of which only the first three items are mutated. */
    public static List<Mutant> mutants(JsonNode original, Predicate<String> sampled) {
        List<String> pointers = new ArrayList<>();
        collect(original, "", pointers, sampled);
        List<Mutant> out = new ArrayList<>();
        for (String ptr : pointers) {
            for (Map.Entry<String, Function<JsonNode, JsonNode>> m : VALUES.entrySet()) {
                JsonNode doc = original.deepCopy();
                if (apply(doc, JsonPointer.compile(ptr), m.getValue())) out.add(new Mutant(m.getKey(), ptr, doc));
            }
        }
        return out;
    }

    /** {@code sampled}: arrays (by pointer) of which only the first three items are mutated. */
    public static Outcome check(JsonNode original, Schema networknt, Predicate<JsonNode> fast, Predicate<String> sampled) {
        Map<String, Integer> stricterOnly = new TreeMap<>();
        int rejected = 0, checked = 0;
        for (Mutant m : mutants(original, sampled)) {
            checked++;
            boolean slow = networknt.validate(m.doc()).isEmpty();
            boolean quick = fast.test(m.doc());
            if (quick && !slow) throw new AssertionError("fast check accepted what networknt rejects: " + m);
            if (!slow) rejected++;
            if (slow && !quick) stricterOnly.merge(m.kind(), 1, Integer::sum);
        }
        return new Outcome(checked, rejected, stricterOnly);
    }

    private static void collect(JsonNode n, String at, List<String> out, Predicate<String> sampled) {
        if (!at.isEmpty()) out.add(at);
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(f -> collect(n.get(f), at + "/" + f.replace("~", "~0").replace("/", "~1"), out, sampled));
        } else if (n.isArray()) {
            int limit = sampled.test(at) ? Math.min(3, n.size()) : n.size();
            for (int i = 0; i < limit; i++) collect(n.get(i), at + "/" + i, out, sampled);
        }
    }

    /** Replace (or remove, when the function gives null) the node at ptr; false when nothing changed. */
    private static boolean apply(JsonNode doc, JsonPointer ptr, Function<JsonNode, JsonNode> f) {
        JsonNode parent = doc.at(ptr.head());
        JsonNode old = doc.at(ptr);
        JsonNode repl = f.apply(old);
        if (repl == old) return false;
        if (parent.isObject()) {
            String last = ptr.last().getMatchingProperty();
            if (repl == null) ((ObjectNode) parent).remove(last);
            else ((ObjectNode) parent).set(last, repl);
        } else {
            int i = ptr.last().getMatchingIndex();
            if (repl == null) ((ArrayNode) parent).remove(i);
            else ((ArrayNode) parent).set(i, repl);
        }
        return true;
    }
}

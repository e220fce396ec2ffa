package io.failready.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bundled JSON Schema (2020-12) compiled into a checker that follows a document's tokens as a
 * streaming reader consumes them, so a reader can validate and bind in one pass without building
 * a tree. It is the fast path only: it answers "certainly valid" or "not certainly valid", and on
 * the latter the caller re-reads the file through networknt ({@code Json.validate}), which decides
 * and words the error with file and line. So it may be stricter than the schema (a float where an
 * integer is expected, an enum on an object) but never looser; StreamSchemaTest holds it to that
 * against networknt on mutations generated from the schema itself.
 *
 * <p>It knows the keywords our schemas use. A schema with any other keyword does not compile
 * ({@link Unsupported}), so a keyword added to a schema can never be skipped silently.
 */
public final class StreamSchema {
    /** The document is not certainly valid: re-read it through the validating path. */
    public static final class Mismatch extends RuntimeException {
        private Mismatch() { super("does not match the schema", null, false, false); }
    }

    /** The schema uses something this checker does not implement. */
    public static final class Unsupported extends IllegalStateException {
        Unsupported(String what) { super(what); }
    }

    private static final Mismatch MISMATCH = new Mismatch();

    /** For a reader that meets a shape it does not bind: the same signal as a schema doubt (no stack trace). */
    public static Mismatch mismatch() { return MISMATCH; }
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
            "format", "examples", "default", "deprecated", "readOnly", "writeOnly");

    private static final int T_STRING = 1, T_INTEGER = 2, T_NUMBER = 4, T_BOOLEAN = 8, T_NULL = 16, T_OBJECT = 32, T_ARRAY = 64;
    private static final Map<String, Integer> TYPES = Map.of("string", T_STRING, "integer", T_INTEGER, "number", T_NUMBER,
            "boolean", T_BOOLEAN, "null", T_NULL, "object", T_OBJECT, "array", T_ARRAY);
    private static final Node ANY = new Node();
    private static final Node[] NONE_ACTIVE = new Node[0];

    private static final class Node {
        boolean never;                  // the schema {@code false}
        int types;                      // 0: any type
        Map<String, Node> properties;
        Node additional;                // null: anything
        Node items;                     // null: anything
        Map<String, Integer> required;  // name -> bit
        long requiredMask;
        List<Object> enumValues;        // strings, booleans, nulls (numbers: not supported)
        boolean hasConst;
        Object constValue;
        Pattern pattern;
        /**
         * The last string this node's pattern accepted. Account ids and resource types repeat down a
         * snapshot, and a matcher per value was most of the fast check's allocation. Racy by design:
         * any thread sees either null or a string that did match (strings are immutable).
         */
        volatile String lastMatched;
        int minLength = -1, maxLength = -1, minItems = -1;
        BigDecimal minimum, maximum;
        Node[] anyOf;
        String ref;
        Node refTarget;
        /** properties and required merged, so a field costs one lookup (built by {@link #resolve}). */
        Map<String, Field> fields;
        /** This node as a one-element array: the common "next value must match" without allocating. */
        final Node[] self = {this};

        boolean constrainsValue() { return enumValues != null || hasConst; }
    }

    private record Field(Node sub, int bit) {}

    private final Node root;
    private final Map<String, Node> defs;

    private StreamSchema(Node root, Map<String, Node> defs) {
        this.root = root;
        this.defs = defs;
    }

    /** Compile a bundled schema from {@code schemas/} (in the jar under failready/schemas). */
    public static StreamSchema bundled(String name) {
        try (InputStream in = io.failready.util.ClasspathDirs.resource("/failready/schemas/".concat(name))) {
            if (in == null) throw new IllegalStateException("bundled schema missing: ".concat(name));
            return compile(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StreamSchema compile(InputStream schemaJson) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(schemaJson)) {
            p.nextToken();
            Object tree = plain(p);
            Map<String, Node> defs = new HashMap<>();
            Node root = node(tree, defs, "#");
            if (tree instanceof Map<?, ?> m && m.get("$defs") instanceof Map<?, ?> d) {
                for (Map.Entry<?, ?> e : d.entrySet()) {
                    String at = path("#/$defs", (String) e.getKey());
                    defs.put(at, node(e.getValue(), defs, at));
                }
            }
            defs.put("#", root);
            resolve(root, defs, new java.util.IdentityHashMap<>());
            for (Node n : defs.values()) resolve(n, defs, new java.util.IdentityHashMap<>());
            return new StreamSchema(root, defs);
        }
    }

    /** A checker for one document; feed it every token the reader consumes, in order. */
    public Checker checker() { return new Checker(root); }

    /** A checker for one item against a definition of this schema, e.g. {@code #/$defs/resource}. */
    public Checker checker(String pointer) {
        Node n = defs.get(pointer);
        if (n == null) throw new IllegalArgumentException("no " + pointer + " in the schema");
        return new Checker(n);
    }

    /**
     * Whether a parsed tree (e.g. one item of a streamed file) certainly matches the definition at
     * {@code pointer}: the same rules as the token checker, but a subtree the schema leaves open
     * (a resource's free-form configuration) is not walked at all.
     */
    public boolean conforms(String pointer, com.fasterxml.jackson.databind.JsonNode tree) {
        Node n = defs.get(pointer);
        if (n == null) throw new IllegalArgumentException("no " + pointer + " in the schema");
        return Trees.check(n, tree);
    }

    private static final class Trees {
        private static boolean matches(Node n, String s) {
            if (s.equals(n.lastMatched)) return true;
            if (!n.pattern.matcher(s).find()) return false;
            n.lastMatched = s;
            return true;
        }

        static boolean check(Node n, com.fasterxml.jackson.databind.JsonNode v) {
            if (n == ANY) return true;
            if (n.never) return false;
            int type;
            if (v.isTextual()) type = T_STRING;
            else if (v.isIntegralNumber()) type = T_INTEGER;
            else if (v.isNumber()) type = T_NUMBER;
            else if (v.isBoolean()) type = T_BOOLEAN;
            else if (v.isNull()) type = T_NULL;
            else if (v.isObject()) type = T_OBJECT;
            else if (v.isArray()) type = T_ARRAY;
            else return false;
            if (n.types != 0) {
                int allowed = (n.types & T_NUMBER) != 0 ? n.types | T_INTEGER : n.types;
                if ((allowed & type) == 0) return false;
            }
            if (n.constrainsValue()) {
                Object value = switch (type) {
                    case T_STRING -> v.textValue();
                    case T_BOOLEAN -> v.booleanValue();
                    case T_NULL -> null;
                    default -> MISMATCH; // numbers and containers in enum/const: not decided here
                };
                if (value == MISMATCH) return false;
                if (n.hasConst && !java.util.Objects.equals(n.constValue, value)) return false;
                if (n.enumValues != null && !n.enumValues.contains(value)) return false;
            }
            if (type == T_STRING) {
                String s = v.textValue();
                if (n.minLength >= 0 && s.codePointCount(0, s.length()) < n.minLength) return false;
                if (n.maxLength >= 0 && s.length() > n.maxLength) return false;
                if (n.pattern != null && !matches(n, s)) return false;
            } else if ((type == T_INTEGER || type == T_NUMBER) && (n.minimum != null || n.maximum != null)) {
                BigDecimal d = v.decimalValue();
                if (n.minimum != null && d.compareTo(n.minimum) < 0) return false;
                if (n.maximum != null && d.compareTo(n.maximum) > 0) return false;
            } else if (type == T_OBJECT && n.fields != null) {
                if (n.required != null) for (String r : n.required.keySet()) if (!v.has(r)) return false;
                if (!n.fields.isEmpty() || n.additional != null) {
                    for (var it = v.fields(); it.hasNext(); ) {
                        var e = it.next();
                        Field fd = n.fields.get(e.getKey());
                        Node sub = fd == null ? n.additional : fd.sub();
                        if (sub != null && !check(sub, e.getValue())) return false;
                    }
                }
            } else if (type == T_ARRAY) {
                if (n.minItems >= 0 && v.size() < n.minItems) return false;
                if (n.items != null && n.items != ANY) for (var x : v) if (!check(n.items, x)) return false;
            }
            if (n.anyOf != null) {
                boolean any = false;
                for (Node b : n.anyOf) if (check(b, v)) { any = true; break; }
                if (!any) return false;
            }
            return n.refTarget == null || check(n.refTarget, v);
        }
    }

    public static final class Checker {
        private static final class Frame {
            boolean object;
            Node[] active;
            long[] seen;
            int count;
            Node[] pendingItems;
        }

        private Frame[] stack = new Frame[16];
        private int depth;
        private Node[] pending;
        private boolean done;

        private Checker(Node root) { this.pending = new Node[] {root}; }

        /** Check the token the parser is now on; throws {@link Mismatch} at the first doubt. */
        public void token(JsonToken t, JsonParser p) throws IOException {
            switch (t) {
                case FIELD_NAME -> field(p.currentName());
                case END_OBJECT -> endObject();
                case END_ARRAY -> endArray();
                case START_OBJECT -> start(true);
                case START_ARRAY -> start(false);
                default -> {
                    Node[] expected = take();
                    for (Node n : expected) scalar(n, t, p);
                    afterValue();
                }
            }
        }

        /** The whole document was seen and matched. */
        public boolean complete() { return done; }

        private Node[] take() {
            if (done) throw MISMATCH;
            Node[] e = pending;
            pending = null;
            if (e == null) throw MISMATCH;
            return e;
        }

        private void afterValue() {
            if (depth == 0) { done = true; return; }
            Frame f = stack[depth - 1];
            if (!f.object) { pending = f.pendingItems; f.count++; }
        }

        private void start(boolean object) {
            Node[] expected = take();
            List<Node> active = new ArrayList<>(2);
            for (Node n : expected) container(n, object ? T_OBJECT : T_ARRAY, active);
            if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
            Frame f = stack[depth];
            if (f == null) stack[depth] = f = new Frame();
            depth++;
            f.object = object;
            f.active = active.isEmpty() ? NONE_ACTIVE : active.toArray(NONE_ACTIVE);
            f.count = 0;
            if (object) {
                if (f.seen == null || f.seen.length < f.active.length) f.seen = new long[Math.max(2, f.active.length)];
                Arrays.fill(f.seen, 0L);
                pending = null;
            } else {
                List<Node> items = new ArrayList<>(1);
                for (Node n : f.active) if (n.items != null) items.add(n.items);
                f.pendingItems = items.isEmpty() ? NONE_ACTIVE : items.toArray(NONE_ACTIVE);
                pending = f.pendingItems;
            }
        }

        /** Collects the nodes whose object/array keywords apply to this container, following $ref and anyOf. */
        private static void container(Node n, int type, List<Node> active) {
            if (n == ANY) return;
            if (n.never || (n.types != 0 && (n.types & type) == 0) || n.constrainsValue()) throw MISMATCH;
            if (n.anyOf != null) {
                // streaming cannot try branches side by side: only follow an anyOf where exactly one branch admits the type
                Node only = null;
                for (Node b : n.anyOf) {
                    if (admitsType(b, type)) {
                        if (only != null) throw MISMATCH;
                        only = b;
                    }
                }
                if (only == null) throw MISMATCH;
                container(only, type, active);
            }
            if (n.refTarget != null) container(n.refTarget, type, active);
            if (n.properties != null || n.additional != null || n.items != null || n.required != null || n.minItems >= 0) active.add(n);
        }

        private static boolean admitsType(Node n, int type) {
            if (n == ANY) return true;
            if (n.never || (n.types != 0 && (n.types & type) == 0)) return false;
            return n.refTarget == null || admitsType(n.refTarget, type);
        }

        private void field(String name) {
            Frame f = stack[depth - 1];
            Node[] active = f.active;
            if (active.length == 0) { pending = NONE_ACTIVE; return; }
            if (active.length == 1) {
                Node n = active[0];
                Field fd = n.fields.get(name);
                Node sub;
                if (fd == null) {
                    sub = n.additional;
                } else {
                    if (fd.bit >= 0) f.seen[0] |= 1L << fd.bit;
                    sub = fd.sub;
                }
                pending = sub == null || sub == ANY ? NONE_ACTIVE : sub.self;
                return;
            }
            Node[] next = new Node[active.length];
            int k = 0;
            for (int i = 0; i < active.length; i++) {
                Node n = active[i];
                Node sub = n.properties == null ? null : n.properties.get(name);
                if (sub == null) sub = n.additional;
                if (n.required != null) {
                    Integer bit = n.required.get(name);
                    if (bit != null) f.seen[i] |= 1L << bit;
                }
                if (sub != null && sub != ANY) next[k++] = sub;
            }
            pending = k == next.length ? next : Arrays.copyOf(next, k);
        }

        private void endObject() {
            Frame f = stack[--depth];
            for (int i = 0; i < f.active.length; i++) {
                Node n = f.active[i];
                if (n.required != null && (f.seen[i] & n.requiredMask) != n.requiredMask) throw MISMATCH;
            }
            afterValue();
        }

        private void endArray() {
            Frame f = stack[--depth];
            for (Node n : f.active) if (n.minItems >= 0 && f.count < n.minItems) throw MISMATCH;
            pending = null;
            afterValue();
        }

        private static void scalar(Node n, JsonToken t, JsonParser p) throws IOException {
            if (!scalarMatches(n, t, p)) throw MISMATCH;
        }

        private static boolean scalarMatches(Node n, JsonToken t, JsonParser p) throws IOException {
            if (n == ANY) return true;
            if (n.never) return false;
            int type = switch (t) {
                case VALUE_STRING -> T_STRING;
                case VALUE_NUMBER_INT -> T_INTEGER;
                case VALUE_NUMBER_FLOAT -> T_NUMBER;
                case VALUE_TRUE, VALUE_FALSE -> T_BOOLEAN;
                case VALUE_NULL -> T_NULL;
                default -> 0;
            };
            if (type == 0) return false;
            if (n.types != 0) {
                int allowed = n.types;
                if ((allowed & T_NUMBER) != 0) allowed |= T_INTEGER;
                if ((allowed & type) == 0) return false;
            }
            if (n.constrainsValue()) {
                // compared on the parser's characters: a String per checked token is a fifth of a cold read
                boolean ok = switch (type) {
                    case T_STRING -> {
                        char[] buf = p.getTextCharacters();
                        int off = p.getTextOffset(), len = p.getTextLength();
                        yield (!n.hasConst || (n.constValue instanceof String c && sameChars(c, buf, off, len)))
                                && (n.enumValues == null || inEnum(n.enumValues, buf, off, len));
                    }
                    case T_BOOLEAN -> {
                        Boolean b = t == JsonToken.VALUE_TRUE;
                        yield (!n.hasConst || b.equals(n.constValue)) && (n.enumValues == null || n.enumValues.contains(b));
                    }
                    case T_NULL -> (!n.hasConst || n.constValue == null) && (n.enumValues == null || n.enumValues.contains(null));
                    default -> false; // numbers in enum/const: not decided here
                };
                if (!ok) return false;
            }
            if (type == T_STRING && (n.pattern != null || n.minLength >= 0 || n.maxLength >= 0)) {
                char[] buf = p.getTextCharacters();
                int off = p.getTextOffset(), len = p.getTextLength();
                // counted both ways (code points, UTF-16 units) and held to the stricter, whichever one networknt uses
                if (n.minLength >= 0 && (len < n.minLength || Character.codePointCount(buf, off, len) < n.minLength)) return false;
                if (n.maxLength >= 0 && len > n.maxLength) return false;
                if (n.pattern != null && !n.pattern.matcher(java.nio.CharBuffer.wrap(buf, off, len)).find()) return false;
            }
            if ((type == T_INTEGER || type == T_NUMBER) && (n.minimum != null || n.maximum != null)) {
                BigDecimal d = type == T_INTEGER ? new BigDecimal(p.getBigIntegerValue()) : p.getDecimalValue();
                if (n.minimum != null && d.compareTo(n.minimum) < 0) return false;
                if (n.maximum != null && d.compareTo(n.maximum) > 0) return false;
            }
            if (n.anyOf != null) {
                boolean any = false;
                for (Node b : n.anyOf) if (scalarMatches(b, t, p)) { any = true; break; }
                if (!any) return false;
            }
            return n.refTarget == null || scalarMatches(n.refTarget, t, p);
        }
    }

    private static boolean inEnum(List<Object> values, char[] buf, int off, int len) {
        for (Object v : values) if (v instanceof String s && sameChars(s, buf, off, len)) return true;
        return false;
    }

    /** Whether {@code s} equals the characters {@code buf[off, off+len)} (a parser's text, without making a String). */
    public static boolean sameChars(String s, char[] buf, int off, int len) {
        if (s.length() != len) return false;
        for (int i = 0; i < len; i++) if (s.charAt(i) != buf[off + i]) return false;
        return true;
    }

    // ---- compiling ----

    private static Node node(Object schema, Map<String, Node> defs, String at) {
        if (Boolean.TRUE.equals(schema)) return ANY;
        if (Boolean.FALSE.equals(schema)) {
            Node n = new Node();
            n.never = true;
            return n;
        }
        if (!(schema instanceof Map<?, ?> m)) throw new Unsupported(at + ": a schema must be an object or a boolean");
        if (m.isEmpty()) return ANY;
        Node n = new Node();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = (String) e.getKey();
            Object v = e.getValue();
            String here = path(at, k);
            switch (k) {
                case "type" -> {
                    List<?> names = v instanceof List<?> l ? l : List.of(v);
                    for (Object t : names) {
                        Integer bit = TYPES.get(String.valueOf(t));
                        if (bit == null) throw new Unsupported(here + ": type " + t);
                        n.types |= bit;
                    }
                }
                case "properties" -> {
                    n.properties = new HashMap<>();
                    for (Map.Entry<?, ?> pe : ((Map<?, ?>) v).entrySet()) {
                        n.properties.put((String) pe.getKey(), node(pe.getValue(), defs, path(here, (String) pe.getKey())));
                    }
                }
                case "additionalProperties" -> n.additional = node(v, defs, here);
                case "items" -> n.items = node(v, defs, here);
                case "required" -> {
                    List<?> names = (List<?>) v;
                    if (names.size() > 64) throw new Unsupported(here + ": more than 64 required properties");
                    n.required = new HashMap<>();
                    for (Object name : names) n.required.putIfAbsent((String) name, n.required.size());
                    n.requiredMask = n.required.size() == 64 ? -1L : (1L << n.required.size()) - 1;
                }
                case "enum" -> {
                    for (Object x : (List<?>) v) if (x instanceof Number || x instanceof Map || x instanceof List) throw new Unsupported(here + ": non-string enum value " + x);
                    n.enumValues = new ArrayList<>((List<?>) v);
                }
                case "const" -> {
                    if (v instanceof Number || v instanceof Map || v instanceof List) throw new Unsupported(here + ": non-string const " + v);
                    n.hasConst = true;
                    n.constValue = v;
                }
                case "pattern" -> n.pattern = Pattern.compile((String) v);
                case "minLength" -> n.minLength = ((Number) v).intValue();
                case "maxLength" -> n.maxLength = ((Number) v).intValue();
                case "minItems" -> n.minItems = ((Number) v).intValue();
                case "minimum" -> n.minimum = new BigDecimal(v.toString());
                case "maximum" -> n.maximum = new BigDecimal(v.toString());
                case "anyOf" -> {
                    List<?> branches = (List<?>) v;
                    n.anyOf = new Node[branches.size()];
                    for (int i = 0; i < branches.size(); i++) n.anyOf[i] = node(branches.get(i), defs, path(here, Integer.toString(i)));
                }
                case "$ref" -> {
                    String ref = (String) v;
                    if (!ref.equals("#") && !ref.startsWith("#/$defs/")) throw new Unsupported(here + ": only local $ref is supported: " + ref);
                    n.ref = ref;
                }
                default -> {
                    if (!ANNOTATIONS.contains(k)) throw new Unsupported(here + ": keyword '" + k + "'");
                }
            }
        }
        return n;
    }

    /**
     * A JSON pointer step, joined without {@code +}: the gate compiles this schema on every run, and
     * a cold JVM spends ~50 ms bootstrapping invokedynamic string concatenation.
     */
    private static String path(String at, String key) {
        return new StringBuilder(at.length() + key.length() + 1).append(at).append('/').append(key).toString();
    }

    private static void resolve(Node n, Map<String, Node> defs, Map<Node, Boolean> seen) {
        if (n == ANY || seen.put(n, Boolean.TRUE) != null) return;
        if (n.ref != null) {
            n.refTarget = defs.get(n.ref);
            if (n.refTarget == null) throw new Unsupported("unresolved $ref " + n.ref);
        }
        n.fields = new HashMap<>();
        if (n.properties != null) {
            for (Map.Entry<String, Node> e : n.properties.entrySet()) n.fields.put(e.getKey(), new Field(e.getValue(), -1));
        }
        if (n.required != null) {
            for (Map.Entry<String, Integer> e : n.required.entrySet()) {
                Field had = n.fields.get(e.getKey());
                n.fields.put(e.getKey(), new Field(had == null ? n.additional : had.sub(), e.getValue()));
            }
        }
        if (n.properties != null) for (Node c : n.properties.values()) resolve(c, defs, seen);
        if (n.additional != null) resolve(n.additional, defs, seen);
        if (n.items != null) resolve(n.items, defs, seen);
        if (n.anyOf != null) for (Node c : n.anyOf) resolve(c, defs, seen);
    }

    /** The schema document as maps, lists and scalars (numbers as BigDecimal), read without databind. */
    private static Object plain(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, plain(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(plain(p));
                return l;
            }
            case VALUE_STRING -> { return p.getText(); }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> { return p.getDecimalValue(); }
            case VALUE_TRUE -> { return Boolean.TRUE; }
            case VALUE_FALSE -> { return Boolean.FALSE; }
            case VALUE_NULL -> { return null; }
            default -> throw new Unsupported("unexpected token " + t + " in a schema");
        }
    }
}

package io.failready.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.failready.facts.Resource;
import io.failready.schema.SnapshotFastPath;
import io.failready.schema.StreamSchema;
import io.failready.util.CompactMap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The fast read of one resource: straight from the parser's tokens into a {@link Resource}, each
 * token checked against {@code #/$defs/resource} as it passes, with no tree in between. A tree
 * per resource (an object node, a linked hash map and a node per value) was most of what a 100k
 * read allocated, and the young collections it caused copied the estate read so far each time.
 *
 * <p>It binds exactly what {@code SnapshotIO}'s tree binding gives (SnapshotTokenBindingTest holds
 * the two to each other). Anything the checker doubts, or anything it cannot bind, throws
 * {@link StreamSchema.Mismatch}; the caller then reads the file again the located way, which
 * decides and words the error, so this class never words one.
 */
final class ResourceTokens {
    private final StreamSchema.Checker check = SnapshotFastPath.resourceChecker();
    /**
     * Account ids, regions, types and short values repeat across a million resources: one copy each,
     * found from the parser's characters, so a repeat costs no String (open addressing on
     * {@link String#hashCode}'s polynomial).
     */
    private String[] strings = new String[1 << 12];
    /** Each shared string's characters, compared as arrays (a String's charAt is slow in C1-compiled code). */
    private char[][] chars = new char[1 << 12][];
    private int interned;
    /** Per nesting depth, the keys and values of the object being read, copied out at its end. */
    private String[][] keys = new String[8][16];
    private Object[][] values = new Object[8][16];
    private int depth;

    /** Binds the item the parser is on (its first token) and leaves the parser on its last. */
    Resource resource(JsonParser p) throws IOException {
        check.reset();
        JsonToken t = p.currentToken();
        check.token(t, p);
        if (t != JsonToken.START_OBJECT) throw StreamSchema.mismatch();
        String type = null, id = null, name = null, account = null, region = null;
        Map<String, String> tags = null;
        Map<String, Object> configuration = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            check.token(t, p);
            String field = p.currentName();
            t = p.nextToken();
            switch (field) {
                case "resourceType" -> type = text(t, p, Integer.MAX_VALUE);
                case "resourceId" -> id = text(t, p, 0);
                case "resourceName" -> name = text(t, p, 0);
                case "accountId" -> account = text(t, p, Integer.MAX_VALUE);
                case "awsRegion" -> region = text(t, p, Integer.MAX_VALUE);
                case "tags" -> tags = tags(t, p);
                case "configuration" -> {
                    if (t != JsonToken.START_OBJECT) throw StreamSchema.mismatch();
                    @SuppressWarnings("unchecked") Map<String, Object> c = (Map<String, Object>) value(t, p);
                    configuration = c;
                }
                default -> value(t, p); // a field the schema leaves open: checked, not kept
            }
        }
        check.token(t, p);
        if (!check.complete()) throw StreamSchema.mismatch();
        try {
            return new Resource(type, id, name, account, region, tags, configuration);
        } catch (RuntimeException e) {
            throw StreamSchema.mismatch();
        }
    }

    /** A checked string, one shared copy when it is at most {@code shareUpTo} characters long. */
    private String text(JsonToken t, JsonParser p, int shareUpTo) throws IOException {
        check.token(t, p);
        if (t != JsonToken.VALUE_STRING) throw StreamSchema.mismatch();
        return p.getTextLength() <= shareUpTo ? canon(p) : p.getText();
    }

    private Map<String, String> tags(JsonToken t, JsonParser p) throws IOException {
        check.token(t, p);
        if (t != JsonToken.START_OBJECT) throw StreamSchema.mismatch();
        String[] k = slotKeys();
        Object[] v = values[depth];
        int n = 0;
        depth++;
        try {
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                check.token(t, p);
                String key = p.currentName();
                // short values (app, team, classification) repeat; long ones (logical ids) do not
                String s = text(p.nextToken(), p, 16);
                if (n == k.length) { k = grow(k); v = growValues(v); }
                k[n] = key;
                v[n++] = s;
            }
            check.token(t, p);
        } finally {
            depth--;
        }
        keys[depth] = k;
        values[depth] = v;
        return CompactMap.of(Arrays.copyOf(k, n), Arrays.copyOf(v, n), n);
    }

    /** Untyped binding, as Jackson's tree gives it, into compact maps; short strings shared. */
    private Object value(JsonToken t, JsonParser p) throws IOException {
        check.token(t, p);
        switch (t) {
            case START_OBJECT -> {
                String[] k = slotKeys();
                Object[] v = values[depth];
                int n = 0;
                depth++;
                try {
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        check.token(t, p);
                        String key = p.currentName();
                        Object value;
                        if (check.nextIsOpen()) {
                            value = open(p.nextToken(), p);
                            check.openValue();
                        } else {
                            value = value(p.nextToken(), p);
                        }
                        if (n == k.length) { k = grow(k); v = growValues(v); }
                        k[n] = key;
                        v[n++] = value;
                    }
                    check.token(t, p);
                } finally {
                    depth--;
                }
                keys[depth] = k;
                values[depth] = v;
                return CompactMap.of(Arrays.copyOf(k, n), Arrays.copyOf(v, n), n);
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) l.add(value(t, p));
                check.token(t, p);
                l = l.isEmpty() ? new ArrayList<>(0) : new ArrayList<>(l); // exact capacity, as the tree binding sized it
                return l;
            }
            default -> { return scalar(t, p); }
        }
    }

    /** {@link #value} for a value the schema leaves open: bound the same way, its tokens not fed to the checker. */
    private Object open(JsonToken t, JsonParser p) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                String[] k = slotKeys();
                Object[] v = values[depth];
                int n = 0;
                depth++;
                try {
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        Object value = open(p.nextToken(), p);
                        if (n == k.length) { k = grow(k); v = growValues(v); }
                        k[n] = key;
                        v[n++] = value;
                    }
                } finally {
                    depth--;
                }
                keys[depth] = k;
                values[depth] = v;
                return CompactMap.of(Arrays.copyOf(k, n), Arrays.copyOf(v, n), n);
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) l.add(open(t, p));
                return l.isEmpty() ? new ArrayList<>(0) : new ArrayList<>(l);
            }
            default -> { return scalar(t, p); }
        }
    }

    private Object scalar(JsonToken t, JsonParser p) throws IOException {
        switch (t) {
            // states, regions, flags repeat; longer strings (ids, ARNs) mostly do not
            case VALUE_STRING -> { return p.getTextLength() <= 12 ? canon(p) : p.getText(); }
            // a tree's IntNode, LongNode or BigIntegerNode, by the parser's number type
            case VALUE_NUMBER_INT -> { return p.getNumberValue(); }
            // a tree's DoubleNode: the mapper binds no floats as BigDecimal
            case VALUE_NUMBER_FLOAT -> { return p.getDoubleValue(); }
            case VALUE_TRUE -> { return Boolean.TRUE; }
            case VALUE_FALSE -> { return Boolean.FALSE; }
            case VALUE_NULL -> { return null; }
            default -> throw StreamSchema.mismatch();
        }
    }

    private String[] slotKeys() {
        if (depth == keys.length) {
            keys = Arrays.copyOf(keys, depth * 2);
            values = Arrays.copyOf(values, depth * 2);
        }
        if (keys[depth] == null) {
            keys[depth] = new String[16];
            values[depth] = new Object[16];
        }
        return keys[depth];
    }

    private static String[] grow(String[] a) { return Arrays.copyOf(a, a.length * 2); }

    private static Object[] growValues(Object[] a) { return Arrays.copyOf(a, a.length * 2); }

    /** Probes before a string is kept unshared: bounds the cost of a file of colliding hashes. */
    private static final int MAX_PROBES = 8;

    /** The parser's current string, the shared copy when one was seen before. */
    private String canon(JsonParser p) throws IOException {
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset(), len = p.getTextLength();
        int h = 0;
        for (int i = 0; i < len; i++) h = 31 * h + buf[off + i];
        int mask = strings.length - 1;
        int at = spread(h) & mask;
        for (int probe = 0; probe < MAX_PROBES; probe++, at = (at + 1) & mask) {
            char[] c = chars[at];
            if (c == null) {
                String s = new String(buf, off, len);
                strings[at] = s;
                chars[at] = Arrays.copyOfRange(buf, off, off + len);
                if (++interned * 2 > strings.length) rehash();
                return s;
            }
            if (Arrays.equals(c, 0, c.length, buf, off, off + len)) return strings[at];
        }
        return new String(buf, off, len);
    }

    private static int spread(int h) { return h ^ (h >>> 16); }

    private void rehash() {
        String[] old = strings;
        char[][] oldChars = chars;
        strings = new String[old.length * 2];
        chars = new char[old.length * 2][];
        int mask = strings.length - 1;
        interned = 0;
        for (int i = 0; i < old.length; i++) {
            if (old[i] == null) continue;
            int at = spread(old[i].hashCode()) & mask;
            for (int probe = 0; probe < MAX_PROBES && strings[at] != null; probe++) at = (at + 1) & mask;
            if (strings[at] == null) { strings[at] = old[i]; chars[at] = oldChars[i]; interned++; }
        }
    }
}

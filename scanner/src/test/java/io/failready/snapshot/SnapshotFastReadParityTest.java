package io.failready.snapshot;

import io.failready.facts.Resource;
import io.failready.schema.SchemaCheck;
import io.failready.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast first pass of a snapshot read (plain trees, the stream-schema check) against the
 * reference read (located trees, networknt on every resource): the same resources, down to the Java
 * type of every configuration value (a rule comparing an Integer with a Long sees two different
 * values), and the same refusal of hostile files, with the same words, line and column.
 */
class SnapshotFastReadParityTest {
    @TempDir Path tmp;

    private static final String HEAD = "{\"schemaVersion\":\"1.0\",\"accounts\":[\"111111111111\"],\"regions\":[\"us-east-1\"],\"resources\":[\n";
    private static final String TAIL = "\n],\"collectionGaps\":[{\"accountId\":\"111111111111\",\"region\":\"us-east-1\",\"service\":\"ec2\",\"errorCode\":\"AccessDenied\"}]}\n";

    private static String resource(String id, String extra) {
        return "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"" + id + "\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\"" + extra + "}";
    }

    @Test
    void valuesOfEveryShapeAreBoundAsTheTreeBindsThem() throws Exception {
        StringBuilder wide = new StringBuilder();
        for (int i = 99; i >= 0; i--) wide.append(i == 99 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        String json = HEAD + String.join(",\n",
                resource("numbers", ",\"configuration\":{\"int\":7,\"negative\":-2147483648,\"long\":2147483648,\"maxLong\":9223372036854775807,"
                        + "\"big\":123456789012345678901234567890,\"float\":1.5,\"exp\":1E2,\"negZero\":-0.0,\"huge\":1e400,\"tiny\":1e-400,"
                        + "\"precise\":0.1000000000000000055511151231257827,\"t\":true,\"f\":false,\"n\":null}"),
                resource("shapes", ",\"resourceName\":\"named\",\"configuration\":{\"z\":[],\"a\":{},\"m\":[1,[2,[3,{\"deep\":[null]}]],\"x\"],"
                        + "\"objs\":[{\"b\":1,\"a\":2},{}],\"unsorted\":{\"c\":\"3\",\"a\":\"1\",\"b\":\"2\"}}"),
                resource("strings", ",\"tags\":{\"team\":\"payments\",\"logical\":\"a-tag-value-longer-than-sixteen\",\"empty\":\"\",\"emoji\":\"\\uD83D\\uDE00 rocket\"},"
                        + "\"configuration\":{\"short\":\"on\",\"escaped\":\"a\\\"b\\\\c\\n\\t\\u0000\",\"lone\":\"\\uD800\",\"accent\":\"café\","
                        + "\"long\":\"" + "x".repeat(70_000) + "\",\"same\":\"on\"}"),
                resource("wide", ",\"configuration\":{" + wide + "}"),
                resource("extra", ",\"unknownField\":{\"kept\":false,\"list\":[1,2]},\"other\":12,\"configuration\":{}"),
                resource("noConfig", ""))
                + TAIL;
        Path file = tmp.resolve("shapes.json");
        Files.writeString(file, json);
        List<Resource> fast = withMode(null, () -> SnapshotIO.read(file)).getResources();
        List<Resource> reference = withMode("reference", () -> SnapshotIO.read(file)).getResources();
        assertEquals(6, fast.size());
        for (int i = 0; i < fast.size(); i++) {
            assertEquals(json(reference.get(i)), json(fast.get(i)));
            assertSameTypes(reference.get(i).getConfiguration(), fast.get(i).getConfiguration(), reference.get(i).getResourceId());
            assertEquals(reference.get(i).getTags(), fast.get(i).getTags());
        }
        Map<String, Object> numbers = fast.get(0).getConfiguration();
        assertEquals(Long.class, numbers.get("long").getClass());
        assertEquals(Double.POSITIVE_INFINITY, numbers.get("huge"));
    }

    /** Equal maps may still hold an Integer where the other holds a Long; rules see the difference. */
    private static void assertSameTypes(Object expected, Object actual, String where) {
        if (expected == null) {
            assertEquals(null, actual, where);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), where);
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), where);
            for (Object k : e.keySet()) assertSameTypes(e.get(k), a.get(k), where + "/" + k);
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), where);
            for (int i = 0; i < e.size(); i++) assertSameTypes(e.get(i), a.get(i), where + "/" + i);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"configuration\":{\"a\":{\"b\":1,\"b\":2}}}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"tags\":{\"t\":\"1\",\"t\":\"2\"}}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"x\":1,\"x\":2}",
            "[\"AWS::S3::Bucket\"]",
            "\"a resource\"",
            "null",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":null,\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\"}",
            "{\"resourceType\":\"S3 bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":111111111111,\"awsRegion\":\"us-east-1\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"11111111111\",\"awsRegion\":\"us-east-1\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"resourceName\":7}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"tags\":{\"n\":1}}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"tags\":[]}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"configuration\":\"on\"}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"configuration\":{\"a\":[1,}}",
            "{\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":\"a\",\"accountId\":\"111111111111\",\"awsRegion\":\"us-east-1\",\"configuration\":{\"a\":NaN}}",
    })
    void aHostileResourceIsRefusedAsTheReferenceReadRefusesIt(String bad) throws Exception {
        // the bad resource after a good one, so the refusal must name its line, not the first resource's
        String json = HEAD + resource("good", ",\"configuration\":{\"a\":1}") + ",\n" + bad + TAIL;
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, json);
        String fast = answer(() -> withMode(null, () -> SnapshotIO.read(file)));
        assertTrue(fast.startsWith("refused"), fast);
        assertEquals(answer(() -> withMode("reference", () -> SnapshotIO.read(file))), fast);
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsRefusedAsTheReferenceReadRefusesIt() throws Exception {
        Path file = tmp.resolve("deep.json");
        Files.writeString(file, HEAD + resource("deep", ",\"configuration\":{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}") + TAIL);
        String fast = answer(() -> withMode(null, () -> SnapshotIO.read(file)));
        assertTrue(fast.startsWith("refused"), fast);
        assertEquals(answer(() -> withMode("reference", () -> SnapshotIO.read(file))), fast);
    }

    @Test
    void aTruncatedGzipIsRefusedAsTheReferenceReadRefusesIt() throws Exception {
        StringBuilder json = new StringBuilder(HEAD);
        for (int i = 0; i < 2000; i++) json.append(i == 0 ? "" : ",\n").append(resource("r" + i, ",\"configuration\":{\"n\":" + i + "}"));
        json.append(TAIL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path file = tmp.resolve("cut.json.gz");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        String fast = answer(() -> withMode(null, () -> SnapshotIO.read(file)));
        assertTrue(fast.startsWith("refused"), fast);
        assertEquals(answer(() -> withMode("reference", () -> SnapshotIO.read(file))), fast);
    }

    @Test
    void manyDistinctShortStringsWithCollidingHashesAreAllKeptApart() throws Exception {
        // "Aa" and "BB" share a String hash; concatenations of them collide in every combination
        String[] halves = {"Aa", "BB"};
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            StringBuilder v = new StringBuilder();
            for (int b = 0; b < 6; b++) v.append(halves[(i >> b) & 1]);
            config.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append(v).append('"');
        }
        Path file = tmp.resolve("collide.json");
        Files.writeString(file, HEAD + resource("c", ",\"configuration\":{" + config + "}") + TAIL);
        Resource fast = withMode(null, () -> SnapshotIO.read(file)).getResources().get(0);
        assertEquals(json(withMode("reference", () -> SnapshotIO.read(file)).getResources().get(0)), json(fast));
        assertEquals(64, fast.getConfiguration().values().stream().distinct().count());
        assertNotEquals(fast.getConfiguration().get("k0"), fast.getConfiguration().get("k1"));
    }

    private static String json(Resource r) throws Exception {
        return io.failready.util.Json.MAPPER.writeValueAsString(r);
    }

    private static String answer(Callable<Snapshot> read) throws Exception {
        try {
            return "accepted " + read.call().getResources();
        } catch (InputException e) {
            return "refused " + e.getLine() + ":" + e.getColumn() + " " + e.describe();
        }
    }

    private static <T> T withMode(String mode, Callable<T> read) throws Exception {
        String was = System.getProperty(SchemaCheck.PROPERTY);
        try {
            if (mode == null) System.clearProperty(SchemaCheck.PROPERTY);
            else System.setProperty(SchemaCheck.PROPERTY, mode);
            return read.call();
        } finally {
            if (was == null) System.clearProperty(SchemaCheck.PROPERTY);
            else System.setProperty(SchemaCheck.PROPERTY, was);
        }
    }
}

package io.failready.tooling.bench;

import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EstateGeneratorTest {
    @TempDir Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        new EstateGenerator(3, 200, 42).write(tmp.resolve("a.json.gz"));
        new EstateGenerator(3, 200, 42).write(tmp.resolve("b.json.gz"));
        new EstateGenerator(3, 200, 43).write(tmp.resolve("c.json.gz"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.json.gz")), Files.readAllBytes(tmp.resolve("b.json.gz")));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a.json.gz")), Files.readAllBytes(tmp.resolve("c.json.gz"))));
    }

    @Test
    void streamedFileIsExactlyWhatSnapshotIoWritesForTheSameContent() throws IOException {
        Path gen = tmp.resolve("gen.json");
        assertEquals(3 * 120, new EstateGenerator(3, 120, 7).write(gen));
        Snapshot s = SnapshotIO.read(gen);
        Path again = tmp.resolve("again.json");
        SnapshotIO.write(s, again);
        assertEquals(Files.readString(gen), Files.readString(again));
    }

    @Test
    void coversEveryDocumentedResourceTypeInBothRegions() throws IOException {
        Path gen = tmp.resolve("gen.json.gz");
        new EstateGenerator(4, 400, 1).write(gen);
        Snapshot s = SnapshotIO.read(gen);
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `([A-Za-z]+::[A-Za-z0-9]*::[A-Za-z0-9]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("../docs/resource-types.md")));
        while (m.find()) documented.add(m.group(1));
        Set<String> generated = s.getResources().stream().map(Resource::getResourceType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documented, generated);
        Set<String> regions = s.getResources().stream().map(Resource::getAwsRegion).collect(Collectors.toSet());
        assertEquals(Set.of("us-east-1", "eu-west-1", "global"), regions);
        assertFalse(s.getCollectionGaps().isEmpty(), "some gaps, so INSUFFICIENT_DATA shows up");
    }

    @Test
    void anAccountDoesNotDependOnHowManyOthersThereAre() {
        var small = new EstateGenerator(2, 100, 5).account(1);
        var large = new EstateGenerator(50, 100, 5).account(1);
        assertEquals(small.resources().toString(), large.resources().toString());
    }

    @Test
    void matchingConfigurationScopesByTagAndListsEveryAccount() {
        String cfg = new EstateGenerator(3, 100, 1).config();
        assertTrue(cfg.contains("app: [bench]"), cfg);
        for (int i = 0; i < 3; i++) assertTrue(cfg.contains(EstateGenerator.accountId(i)));
    }
}

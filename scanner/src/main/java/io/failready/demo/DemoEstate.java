package io.failready.demo;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled demo estate: a payments platform in two accounts, us-east-1 -> eu-west-1. It is
 * kept as fragment files in demo/estate/ (one per area, so rule authors extend it without
 * touching each other's resources) and assembled here into one snapshot.
 */
public final class DemoEstate {
    private DemoEstate() {}

    public static final List<String> ACCOUNTS = List.of("111122223333", "444455556666");
    public static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
    /** A fixed collection time keeps the demo's evaluations the same whenever it runs. */
    public static final String COLLECTED_AT = "2026-11-20T06:00:00Z";

    public static Path root() { return io.failready.util.ClasspathDirs.open("/failready/demo"); }

    public static Path config() { return root().resolve("payments.yaml"); }

    public static Snapshot snapshot() {
        List<Resource> resources = new ArrayList<>();
        List<CollectionGap> gaps = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> s = Files.list(root().resolve("estate"))) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the demo estate: " + e.getMessage(), e);
        }
        for (Path p : parts) {
            try (InputStream in = Files.newInputStream(p)) {
                Snapshot part = SnapshotIO.read(in, "demo/estate/" + p.getFileName());
                resources.addAll(part.getResources());
                gaps.addAll(part.getCollectionGaps());
            } catch (IOException e) {
                throw new InputException(p, "cannot read demo fragment: " + e.getMessage(), e);
            }
        }
        return new Snapshot(Snapshot.SCHEMA_VERSION, new Snapshot.Tool("failready-demo", "1"), COLLECTED_AT,
                new Snapshot.Window("2026-11-20T05:58:12Z", COLLECTED_AT), ACCOUNTS, REGIONS, resources, gaps).sorted();
    }
}

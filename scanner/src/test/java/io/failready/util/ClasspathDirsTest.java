package io.failready.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bundle jar is used only with the shaded jar it was built with. The packaged pair itself is
 * exercised by BundleJarIT; here, archives made on the spot.
 */
class ClasspathDirsTest {
    @TempDir Path tmp;

    /** A bundle-like archive with the given manifest (null: none). */
    private FileSystem archive(String manifest) throws IOException {
        Path zip = tmp.resolve("bundle-" + System.nanoTime() + ".jar");
        FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"));
        Files.createDirectories(fs.getPath("/failready/rules"));
        Files.writeString(fs.getPath("/failready/rules/catalog.index"), "x");
        if (manifest != null) {
            Files.createDirectories(fs.getPath("/META-INF"));
            Files.writeString(fs.getPath("/META-INF/MANIFEST.MF"), manifest);
        }
        return fs;
    }

    @Test
    void theBundleOfTheSameBuildIsAccepted() throws IOException {
        try (FileSystem fs = archive("Manifest-Version: 1.0\r\nFailready-Bundle-Digest: abc123\r\n\r\n")) {
            assertDoesNotThrow(() -> ClasspathDirs.verify(fs, "/opt/failready/lib/failready-bundle.jar", "abc123"));
        }
    }

    @Test
    void anotherBuildsBundleIsRefusedNamingTheArchive() throws IOException {
        try (FileSystem fs = archive("Manifest-Version: 1.0\r\nFailready-Bundle-Digest: abc123\r\n\r\n")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ClasspathDirs.verify(fs, "/opt/failready/lib/failready-bundle.jar", "def456"));
            assertTrue(e.getMessage().contains("/opt/failready/lib/failready-bundle.jar") && e.getMessage().contains("another build"), e.getMessage());
        }
    }

    @Test
    void anArchiveThatIsNoBundleIsRefused() throws IOException {
        try (FileSystem noManifest = archive(null); FileSystem otherJar = archive("Manifest-Version: 1.0\r\nMain-Class: x.Y\r\n\r\n")) {
            for (FileSystem fs : new FileSystem[]{noManifest, otherJar}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClasspathDirs.verify(fs, "some.jar", "abc123"));
                assertTrue(e.getMessage().contains("not a failready bundle"), e.getMessage());
            }
        }
    }

    @Test
    void aJarThatRecordsNoBundleDigestRefusesEveryBundle() throws IOException {
        try (FileSystem fs = archive("Manifest-Version: 1.0\r\nFailready-Bundle-Digest: abc123\r\n\r\n")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClasspathDirs.verify(fs, "b.jar", null));
            assertTrue(e.getMessage().contains("records no bundle digest"), e.getMessage());
        }
    }

    @Test
    void productCodeReadsBundledFilesOnlyThroughTheCheckedPaths() throws IOException {
        // a direct class-loader read of /failready/... would skip the bundle's check (gate --report once did)
        Path main = Path.of("src/main/java/io/failready");
        java.util.regex.Pattern direct = java.util.regex.Pattern.compile("getResource(AsStream)?\\((?!\"/io/failready/)|ClassTemplateLoader\\(");
        List<String> offenders = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.endsWith("util/ClasspathDirs.java") || f.startsWith(main.resolve("tooling"))) continue;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    // the one other kind: whether a compiled class is on the class path
                    if (direct.matcher(line).find() && !line.contains("getClassLoader().getResource(className"))
                        offenders.add(main.relativize(f) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertEquals(List.of(), offenders, "read bundled files with ClasspathDirs.resource or ClasspathDirs.open");
    }

    @Test
    void aDirectoryOnTheClasspathIsUsedAsItIs() {
        // the build's classes directory (tests, an IDE): no archive, nothing to verify
        Path rules = ClasspathDirs.open("/failready/rules");
        assertTrue(Files.isRegularFile(rules.resolve("catalog.index")), rules.toString());
        assertTrue(rules.getFileSystem() == FileSystems.getDefault(), rules.getFileSystem().toString());
    }
}

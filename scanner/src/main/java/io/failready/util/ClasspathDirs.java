package io.failready.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;

/**
 * A directory bundled on the classpath as a {@link Path}, whether it sits in the bundle jar beside
 * the shaded jar (read through the zip file system) or in the build's classes directory — so the
 * bundled rules, demo and templates are walked with the same code as user directories.
 *
 * <p>The bundled tree ({@code /failready}) is a jar of its own ({@code failready-bundle.jar}, on the
 * shaded jar's manifest Class-Path): the zip file system indexes every entry of the archive it opens,
 * and the shaded jar has ~89k of them (230-330 ms of CPU on every run) against the bundle's ~700.
 * A bundle from another build would mean running with other rules, templates or schemas than the
 * jar's precompiled model and code expect, so the bundle's digest must be the one the shaded jar was
 * built with.
 */
public final class ClasspathDirs {
    private ClasspathDirs() {}

    /** The shaded jar's record of the bundle it was built with (written by the build, scanner/pom.xml). */
    static final String DIGEST_RESOURCE = "/io/failready/bundle.digest";
    /** The bundle jar's manifest attribute with the digest of its tree. */
    static final String DIGEST_ATTRIBUTE = "Failready-Bundle-Digest";

    public static Path open(String resourceDir) {
        URL url = ClasspathDirs.class.getResource(resourceDir);
        if (url == null) throw new IllegalStateException(missing(resourceDir));
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri);
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            // the bundled tree is the bundle's; anything else found in a jar (the bench's stub estate) is
            // in the shaded jar itself, which is this build by definition
            if (resourceDir.startsWith("/failready/")) verify(fs, archiveOf(uri), expectedDigest());
            return fs.getPath(resourceDir);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + resourceDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A bundled file read through the class loader (a schema, a template asset, the rule index), or
     * null when there is none: from a bundle checked, like {@link #open}'s, to be the one the running
     * jar was built with, so a command that never opens a bundled directory ({@code gate --report}
     * reads only schemas) cannot validate a report against another build's schema.
     */
    public static InputStream resource(String name) throws IOException {
        URL url = url(name);
        return url == null ? null : url.openStream();
    }

    /** Where {@link #resource} reads {@code name} from (for loaders that take URLs), or null when there is none. */
    public static URL url(String name) throws IOException {
        URL url = ClasspathDirs.class.getResource(name);
        if (url == null) {
            if (ClasspathDirs.class.getResource("/failready/") == null) throw new IllegalStateException(missing(name));
            return null;
        }
        if ("jar".equals(url.getProtocol())) {
            String archive = archiveOf(URI.create(url.toString()));
            if (!VERIFIED.contains(archive)) {
                URLConnection c = url.openConnection();
                Manifest m = c instanceof JarURLConnection jar ? jar.getManifest() : null;
                check(m == null ? null : m.getMainAttributes().getValue(DIGEST_ATTRIBUTE), archive, expectedDigest());
                VERIFIED.add(archive);
            }
        }
        return url;
    }

    private static final Set<String> VERIFIED = ConcurrentHashMap.newKeySet();

    private static String missing(String resourceDir) {
        return "failready's bundled files (" + resourceDir + ") are missing: failready-bundle.jar must sit beside "
                + codeSource() + " (it is on that jar's Class-Path); install both jars of one build together";
    }

    /**
     * Refuses a bundle that is not the one the running jar was built with: a bundle without the
     * digest attribute (for instance the tree inside some other jar) or with another build's digest.
     */
    static void verify(FileSystem bundle, String archive, String expected) throws IOException {
        String actual;
        try (InputStream in = Files.newInputStream(bundle.getPath("/META-INF/MANIFEST.MF"))) {
            actual = new Manifest(in).getMainAttributes().getValue(DIGEST_ATTRIBUTE);
        } catch (NoSuchFileException e) {
            actual = null;
        }
        check(actual, archive, expected);
    }

    private static void check(String actual, String archive, String expected) {
        if (expected == null || !expected.equals(actual)) {
            throw new IllegalStateException("failready's bundled files in " + archive + " do not belong to "
                    + codeSource() + " (" + (actual == null ? "that archive is not a failready bundle" : "another build's bundle")
                    + (expected == null ? "; the running jar records no bundle digest" : "")
                    + "): refusing to run with rules, templates or schemas of another build; install "
                    + "failready.jar and failready-bundle.jar of the same build side by side (packaging/build-jar.sh builds both)");
        }
    }

    private static String expectedDigest() throws IOException {
        try (InputStream in = ClasspathDirs.class.getResourceAsStream(DIGEST_RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    private static String archiveOf(URI jarUri) {
        String spec = jarUri.getRawSchemeSpecificPart();
        int sep = spec.indexOf("!/");
        String file = sep < 0 ? spec : spec.substring(0, sep);
        try {
            return Path.of(URI.create(file)).toString();
        } catch (RuntimeException e) {
            return file;
        }
    }

    private static String codeSource() {
        try {
            return Path.of(ClasspathDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "failready.jar";
        }
    }
}

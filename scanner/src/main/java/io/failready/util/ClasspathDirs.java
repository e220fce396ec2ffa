package io.failready.util;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory bundled on the classpath as a {@link Path}, whether it sits in the shaded jar (read
 * through the zip file system) or in the build's classes directory — so the bundled rules, demo
 * and templates are walked with the same code as user directories.
 */
public final class ClasspathDirs {
    private ClasspathDirs() {}

    public static Path open(String resourceDir) {
        URL url = ClasspathDirs.class.getResource(resourceDir);
        if (url == null) throw new IllegalStateException(resourceDir + " is missing from the classpath");
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri);
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath(resourceDir);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + resourceDir + ": " + e.getMessage(), e);
        }
    }
}

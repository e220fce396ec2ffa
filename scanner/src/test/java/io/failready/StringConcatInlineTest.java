package io.failready;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Product classes concatenate strings with StringBuilder calls (javac -XDstringConcat=inline, see
 * scanner/pom.xml), not through invokedynamic: every new shape of an indy concatenation makes the JVM
 * generate and compile classes at run time that the class-data archive cannot hold, hundreds of them
 * in the decision classes alone while a small evaluation fires its rules.
 */
class StringConcatInlineTest {
    @Test
    void noProductClassBootstrapsStringConcatFactory() throws Exception {
        Path classes = Path.of(io.failready.cli.FailReady.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path own = classes.resolve("io/failready");
        assertTrue(Files.isDirectory(own), "runs against the build's classes directory: " + classes);
        byte[] needle = "java/lang/invoke/StringConcatFactory".getBytes(StandardCharsets.US_ASCII);
        List<String> indy;
        int checked;
        try (Stream<Path> s = Files.walk(own)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".class")).toList();
            checked = files.size();
            indy = files.stream().filter(p -> contains(read(p), needle)).map(p -> classes.relativize(p).toString()).sorted().toList();
        }
        assertTrue(checked > 500, "only " + checked + " classes found under " + own);
        assertEquals(List.of(), indy);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}

package io.failready;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The repository stands alone: README, docs, code comments, rules and schemas point only at files
 * inside it. The checklist is docs/checklist.md; design notes that lived elsewhere are not cited.
 */
class SelfContainedRepoTest {
    static final Path ROOT = Path.of("..");
    static final Set<String> SKIP_DIRS = Set.of(".git", "target", "node_modules", "work", "failready-out");
    static final Pattern OUTSIDE = Pattern.compile(
            "(?<![\\w/.-])(?:\\.\\./)*shared/|(?<![\\w.-])/work/|\\bproduct\\.md|\\bstyle\\.md|style item|aws-semantics\\.md|\\bnotes\\.md|(?<!docs/)\\bchecklist\\.md");

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ROOT)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).filter(SelfContainedRepoTest::text)::iterator) {
                if (p.endsWith("SelfContainedRepoTest.java")) continue;
                String body;
                try {
                    body = Files.readString(p);
                } catch (MalformedInputException e) {
                    continue;
                }
                String[] lines = body.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = OUTSIDE.matcher(lines[i]);
                    if (m.find()) found.add(ROOT.relativize(p) + ":" + (i + 1) + ": " + m.group() + "  <- " + lines[i].strip());
                }
            }
        }
        assertEquals(List.of(), found, "references to files outside the repository");
    }

    private static boolean text(Path p) {
        for (Path part : ROOT.relativize(p)) if (SKIP_DIRS.contains(part.toString())) return false;
        String n = p.getFileName().toString();
        return n.matches(".*\\.(java|md|drl|ya?ml|json|sh|ftlh|xml|txt|tsv|properties)") || n.equals("failready") || n.equals("Jenkinsfile");
    }
}

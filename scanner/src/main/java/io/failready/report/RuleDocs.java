package io.failready.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Rule id -> the rule's Markdown documentation, found by the catalog's layout
 * ({@code rules/<section>/<ID>/<ID>.md}). Later roots win, so a user's rule
 * directory can document (or re-document) a rule. Files are read when first asked for.
 */
public final class RuleDocs implements Function<String, String> {
    private final Map<String, Path> files = new TreeMap<>();

    private RuleDocs() {}

    public static RuleDocs from(List<Path> roots) {
        RuleDocs docs = new RuleDocs();
        for (Path root : roots) {
            if (root == null || !Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".md"))
                        .filter(p -> !p.toString().contains("/fixtures/"))
                        .sorted()
                        .forEach(p -> {
                            String name = p.getFileName().toString();
                            String id = name.substring(0, name.length() - 3);
                            Path parent = p.getParent();
                            // the rule's own doc sits in the folder named by its id
                            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(id)) {
                                docs.files.put(id, p);
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    /**
     * Where a rule's remediation is documented, relative to the failready repository: the
     * "Remediation" section of {@code rules/<section>/<ID>/<ID>.md}. Null when the section or id is
     * not a plain identifier (a report's strings are not trusted to build a link).
     */
    public static String remediationLink(String section, String ruleId) {
        if (section == null || ruleId == null || !section.matches("[a-z0-9_-]{1,64}") || !ruleId.matches("[A-Za-z0-9_]{1,128}")) return null;
        return "rules/" + section + "/" + ruleId + "/" + ruleId + ".md#remediation";
    }

    @Override
    public String apply(String ruleId) {
        Path p = files.get(ruleId);
        if (p == null) return null;
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}

package io.failready.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * What makes up one evaluation: the DRL files of the bundled catalog plus user directories, and the
 * Java decision classes of the user directories (the bundled ones are compiled by the build).
 */
public record RuleSet(List<DrlSource> sources, List<JavaSource> javaSources) {
    public RuleSet {
        sources = List.copyOf(sources);
        javaSources = List.copyOf(javaSources);
    }

    public RuleSet(List<DrlSource> sources) { this(sources, List.of()); }

    /** One DRL file; {@code displayName} is what error messages show (a user path or "rules/…"). */
    public record DrlSource(Path path, String displayName, String packageName, String text, boolean bundled) {}

    /** A decision class from a user rule directory, compiled together with its DRL. */
    public record JavaSource(Path path, String displayName, String className, String text) {}
}

package io.failready.rules;

import java.nio.file.Path;
import java.util.List;

/** The DRL files that make up one evaluation: the bundled catalog plus user directories. */
public record RuleSet(List<DrlSource> sources) {
    /** One DRL file; {@code displayName} is what error messages show (a user path or "rules/…"). */
    public record DrlSource(Path path, String displayName, String packageName, String text, boolean bundled) {}
}

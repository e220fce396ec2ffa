package io.failready.rules;

import io.failready.util.Hashing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The DRL files that make up one evaluation: the bundled catalog plus user directories. */
public record RuleSet(List<DrlSource> sources) {
    /** One DRL file; {@code displayName} is what error messages show (a user path or "rules/…"). */
    public record DrlSource(Path path, String displayName, String packageName, String text, boolean bundled) {}

    /** Hash over every rule file's display name and text, in name order: same rules, same hash. */
    public String sha256() {
        MessageDigest md = Hashing.digest();
        sources.stream().sorted(Comparator.comparing(DrlSource::displayName)).forEach(s -> {
            md.update(s.displayName().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(s.text().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        });
        return HexFormat.of().formatHex(md.digest());
    }
}

package io.failready.util;

import io.failready.rules.RuleSet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/** SHA-256 of the evidence a report was built from, so auditors can tie it to its inputs. */
public final class Hashing {
    private Hashing() {}

    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = InputFiles.open(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(byte[] bytes) { return HexFormat.of().formatHex(digest().digest(bytes)); }

    /** Hash over every rule file's display name and text, in name order: same rules, same hash. */
    public static String ruleSet(RuleSet set) {
        MessageDigest md = digest();
        set.sources().stream().sorted(Comparator.comparing(RuleSet.DrlSource::displayName)).forEach(s -> {
            md.update(s.displayName().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(s.text().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        });
        // decision classes of user directories decide too; a DRL-only set keeps the hash it always had
        set.javaSources().stream().sorted(Comparator.comparing(RuleSet.JavaSource::displayName)).forEach(s -> {
            md.update(s.displayName().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(s.text().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        });
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

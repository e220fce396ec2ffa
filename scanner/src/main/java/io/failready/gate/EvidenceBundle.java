package io.failready.gate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.failready.model.Report;
import io.failready.util.Hashing;
import io.failready.util.InputException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The auditors' evidence bundle ({@code failready evidence}, read back by {@code verify BUNDLE}): one
 * zip holding the report, its snapshot, the configuration, the rule set's version and digest, the
 * gate decision, the waivers in force, and {@code manifest.json} with every member's SHA-256.
 *
 * <p>Zip, not tar.gz: the JDK reads and writes it with no new dependency, every auditor's desktop
 * opens it, and each member carries its own CRC, so a damaged member is named. The archive is
 * written so that its bytes follow from its members alone (stored, not compressed, so no zlib
 * version can change them; fixed entry times; no extra fields; manifest last). Reading it back
 * rebuilds those bytes and compares: a change to any byte, in a member, a header or the
 * directory, is refused, naming the member it falls in. A forger who rewrites members and
 * manifest together makes a consistent archive; the manifest's own SHA-256, printed when the
 * bundle is written, is what to record elsewhere (the change ticket), and {@code verify} prints it
 * for comparison.
 */
public final class EvidenceBundle {
    private EvidenceBundle() {}

    public static final String FILE_NAME = "evidence.zip";
    public static final String MANIFEST = "manifest.json";
    public static final String SCHEMA_VERSION = "1.0";
    /** Per member, and for the whole archive: a bundle is read into memory, so a hostile one must not exhaust it. */
    public static final String MAX_MEMBER_PROPERTY = "failready.bundle.maxMemberBytes";
    static long maxMember() { return Long.getLong(MAX_MEMBER_PROPERTY, 512L << 20); }
    public static final long MAX_TOTAL = Long.getLong("failready.bundle.maxBytes", 1L << 30);
    static final int MAX_MEMBERS = 256;
    /** Relative, forward slashes, no "..", no leading dot or slash: a member can only ever land inside the directory it is read into. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_][A-Za-z0-9._-]{0,127}){0,7}");
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    public record Member(String name, String role, byte[] bytes) {}

    @JsonPropertyOrder({"schemaVersion", "tool", "createdAt", "members"})
    public record Manifest(String schemaVersion, Report.Tool tool, String createdAt, List<Entry> members) {}

    @JsonPropertyOrder({"name", "role", "size", "sha256"})
    public record Entry(String name, String role, long size, String sha256) {}

    /** A bundle read and checked against its manifest. */
    public record Opened(Manifest manifest, String manifestSha256, Map<String, Member> members) {}

    /** The archive's bytes: the members in order, then the manifest. */
    public static byte[] write(List<Member> members, Report.Tool tool, String createdAt) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Member m : members) {
            if (!SAFE_NAME.matcher(m.name()).matches() || m.name().contains("..") || !names.add(m.name()) || m.name().equals(MANIFEST)) {
                throw new IllegalArgumentException("bad or repeated member name " + m.name());
            }
            entries.add(new Entry(m.name(), m.role(), m.bytes().length, Hashing.sha256(m.bytes())));
        }
        byte[] manifest = (io.failready.util.Json.MAPPER.writeValueAsString(new Manifest(SCHEMA_VERSION, tool, createdAt, entries)) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Member> all = new ArrayList<>(members);
        all.add(new Member(MANIFEST, "manifest", manifest));
        return zip(all, null);
    }

    /** The manifest member's SHA-256 in {@code zip}: what to record out of band. */
    public static String manifestSha256(List<Member> members) {
        for (Member m : members) if (m.name().equals(MANIFEST)) return Hashing.sha256(m.bytes());
        throw new IllegalStateException("no manifest");
    }

    private static byte[] zip(List<Member> members, List<Long> offsets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setMethod(ZipOutputStream.STORED);
            for (Member m : members) {
                z.flush();
                if (offsets != null) offsets.add((long) bytes.size());
                ZipEntry e = new ZipEntry(m.name());
                e.setMethod(ZipEntry.STORED);
                e.setTimeLocal(ENTRY_TIME);
                e.setSize(m.bytes().length);
                e.setCompressedSize(m.bytes().length);
                CRC32 crc = new CRC32();
                crc.update(m.bytes());
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(m.bytes());
                z.closeEntry();
            }
            z.flush();
            if (offsets != null) offsets.add((long) bytes.size());
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@code file} and checks it: safe member names, no duplicates, size limits, each member's
     * SHA-256 against the manifest, and the archive's bytes against the ones its members give.
     * Every refusal is an {@link InputException} (exit 2) naming the bundle and the member.
     */
    public static Opened read(Path file) {
        String where = file.toString();
        io.failready.util.InputFiles.requireRegular(file, where);
        byte[] raw;
        try {
            if (Files.size(file) > MAX_TOTAL) throw new InputException(file, "is larger than " + MAX_TOTAL + " bytes; not an evidence bundle failready reads.");
            raw = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "bundle not found.");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        Map<String, Member> members = new LinkedHashMap<>();
        List<Member> order = new ArrayList<>();
        String last = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(raw))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory() || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
                    throw new InputException(file, "member '" + io.failready.util.Terminal.safe(name) + "' has an unsafe or unexpected path "
                            + "(absolute, '..', a directory or odd characters); refusing the bundle rather than extracting it.");
                }
                if (members.containsKey(name)) throw new InputException(file, "member '" + name + "' appears twice; refusing the bundle.");
                if (members.size() >= MAX_MEMBERS) throw new InputException(file, "has more than " + MAX_MEMBERS + " members; not a failready evidence bundle.");
                byte[] body = readLimited(z, name, file);
                Member m = new Member(name, null, body);
                members.put(name, m);
                order.add(m);
                last = name;
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String at = last == null ? "its first member" : "the member after '" + last + "'";
            throw new InputException(file, "is damaged or not a zip archive (at " + at + "): " + e.getMessage()
                    + ". Refusing it; take the bundle again from where it was archived.", e);
        }
        Member manifestMember = members.get(MANIFEST);
        if (manifestMember == null || order.get(order.size() - 1) != manifestMember) {
            throw new InputException(file, "has no " + MANIFEST + " as its last member; not a failready evidence bundle.");
        }
        Manifest manifest;
        try {
            manifest = io.failready.util.Json.MAPPER.readerFor(Manifest.class).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readValue(manifestMember.bytes());
        } catch (IOException e) {
            throw new InputException(file, "member " + MANIFEST + " is not a valid manifest: " + e.getMessage(), e);
        }
        if (manifest.members() == null) throw new InputException(file, "member " + MANIFEST + " lists no members.");
        Map<String, Member> byName = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        for (Entry en : manifest.members()) {
            if (en == null || en.name() == null || !listed.add(en.name())) throw new InputException(file, "member " + MANIFEST + " lists a member twice or without a name.");
            Member m = members.get(en.name());
            if (m == null) throw new InputException(file, "member '" + io.failready.util.Terminal.safe(en.name()) + "' is listed in the manifest but missing from the bundle.");
            String sha = Hashing.sha256(m.bytes());
            if (!sha.equals(en.sha256()) || m.bytes().length != en.size()) {
                throw new InputException(file, "member '" + en.name() + "' was changed: its SHA-256 is " + sha + ", the manifest records "
                        + en.sha256() + ". Refusing the bundle.");
            }
            byName.put(en.name(), new Member(en.name(), en.role(), m.bytes()));
        }
        for (String n : members.keySet()) {
            if (!n.equals(MANIFEST) && !listed.contains(n)) throw new InputException(file, "member '" + n + "' is not in the manifest; refusing the bundle.");
        }
        List<Long> offsets = new ArrayList<>();
        byte[] again;
        try {
            again = zip(order, offsets);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int at = Arrays.mismatch(raw, again);
        if (at >= 0) {
            String in = "the archive's directory";
            for (int i = 0; i < order.size(); i++) if (at >= offsets.get(i) && at < offsets.get(i + 1)) in = "member '" + order.get(i).name() + "'";
            throw new InputException(file, "was altered at byte " + at + " (in " + in + "): its bytes are not the ones its members give. "
                    + "Refusing the bundle.");
        }
        return new Opened(manifest, Hashing.sha256(manifestMember.bytes()), byName);
    }

    private static byte[] readLimited(InputStream in, String name, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxMember()) {
                    throw new InputException(file, "member '" + name + "' is larger than " + maxMember() + " bytes (raise -D"
                            + MAX_MEMBER_PROPERTY + " for a larger estate); refusing the bundle.");
                }
                out.write(buf, 0, n);
            }
        } catch (ZipException e) {
            throw new InputException(file, "member '" + name + "' is damaged (" + e.getMessage() + "); refusing the bundle.", e);
        }
        return out.toByteArray();
    }
}

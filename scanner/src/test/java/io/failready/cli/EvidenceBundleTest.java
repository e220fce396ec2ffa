package io.failready.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.gate.EvidenceBundle;
import io.failready.model.Report;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence bundle round trip (scan --demo, evidence, verify BUNDLE), and a bundle changed in any
 * way refused: a byte anywhere (exit 2 naming the member), a path escaping the directory, an oversized
 * member, and a member rewritten together with its manifest entry (re-derivation: exit 3).
 */
class EvidenceBundleTest {
    @TempDir static Path tmp;
    static Path bundle;
    static byte[] bytes;

    @BeforeAll
    static void scanAndBundle() throws Exception {
        Path out = tmp.resolve("scan");
        var scan = CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "json");
        assertEquals(3, scan.exit(), scan.all());
        var ev = CliTestSupport.run("evidence", "--report", out.resolve("report.json").toString(), "--demo",
                "--as-of", "2026-11-20T07:00:00Z", "--out", tmp.resolve("ev").toString());
        assertEquals(0, ev.exit(), ev.all());
        bundle = tmp.resolve("ev").resolve("evidence.zip");
        bytes = Files.readAllBytes(bundle);
        assertTrue(ev.out().contains("manifest SHA-256: "), ev.out());
    }

    static List<String> names(byte[] zip) throws Exception {
        List<String> n = new ArrayList<>();
        try (var z = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) n.add(e.getName());
        }
        return n;
    }

    @Test
    void theBundleHoldsEveryPieceAndVerifiesOnItsOwn() throws Exception {
        assertEquals(List.of("report.json", "snapshot.json.gz", "config/payments.yaml", "rules.json", "gate-decision.json", "waivers.json",
                "manifest.json"), names(bytes));
        var r = CliTestSupport.run("verify", bundle.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("VERIFIED bundle (report.json)"), r.out());
        var opened = EvidenceBundle.read(bundle);
        var waivers = Json.MAPPER.readTree(opened.members().get("waivers.json").bytes());
        assertTrue(waivers.path("waivers").size() > 0, "the demo's waivers in force");
        for (var w : waivers.path("waivers")) {
            assertFalse(w.path("approver").asText().isEmpty());
            assertFalse(w.path("expires").asText().isEmpty());
        }
        var rules = Json.MAPPER.readTree(opened.members().get("rules.json").bytes());
        Report report = io.failready.report.ReportReader.read(new java.io.ByteArrayInputStream(opened.members().get("report.json").bytes()), "r");
        assertEquals(report.sources().rules().sha256(), rules.path("ruleSetSha256").asText());
        assertTrue(r.out().contains(opened.manifestSha256()), "verify prints the manifest's SHA-256");
    }

    @Test
    void anyChangedByteIsRefusedNamingWhereItIs() throws Exception {
        // bytes spread over the whole archive (member contents, local headers), and every byte of the directory and end record
        int checked = 0;
        int directory = firstCentral(bytes);
        for (int at = 0; at < bytes.length; at = at < directory ? at + 401 : at + 1) {
            byte[] t = bytes.clone();
            t[at] ^= 0x20;
            Path f = tmp.resolve("t.zip");
            Files.write(f, t);
            try {
                EvidenceBundle.read(f);
                throw new AssertionError("a change at byte " + at + " was accepted");
            } catch (io.failready.util.InputException e) {
                String m = e.describe();
                assertTrue(m.contains("member '") || m.contains("directory") || m.contains("damaged") || m.contains("manifest"), at + ": " + m);
            }
            checked++;
        }
        assertTrue(checked > 700, "sampled " + checked);
        // through the CLI: exit 2, the member named
        int inReport = 200;
        byte[] t = bytes.clone();
        t[inReport] ^= 0x01;
        Files.write(tmp.resolve("one.zip"), t);
        var r = CliTestSupport.run("verify", tmp.resolve("one.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("report.json"), r.err());
    }

    static byte[] zip(List<String> names, List<byte[]> bodies) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (int i = 0; i < names.size(); i++) {
                ZipEntry e = new ZipEntry(names.get(i));
                z.putNextEntry(e);
                z.write(bodies.get(i));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    @Test
    void zipSlipAndOversizedMembersAreRefused() throws Exception {
        Files.write(tmp.resolve("slip.zip"), zip(List.of("../../evil.sh", "manifest.json"), List.of("x".getBytes(), "{}".getBytes())));
        var r = CliTestSupport.run("verify", tmp.resolve("slip.zip").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("'../../evil.sh' has an unsafe"), r.err());
        assertFalse(Files.exists(tmp.resolve("evil.sh")) || Files.exists(tmp.getParent().resolve("evil.sh")));

        Files.write(tmp.resolve("abs.zip"), zip(List.of("/etc/passwd"), List.of("x".getBytes())));
        assertEquals(2, CliTestSupport.run("verify", tmp.resolve("abs.zip").toString()).exit());

        // a small archive that inflates past the member limit (a zip bomb), with the limit lowered to keep the test small
        byte[] bomb = zip(List.of("report.json"), List.of(new byte[8 << 20]));
        assertTrue(bomb.length < 64 << 10, "deflated zeros stay small: " + bomb.length);
        Files.write(tmp.resolve("bomb.zip"), bomb);
        System.setProperty(EvidenceBundle.MAX_MEMBER_PROPERTY, String.valueOf(1 << 20));
        try {
            var b = CliTestSupport.run("verify", tmp.resolve("bomb.zip").toString());
            assertEquals(2, b.exit(), b.all());
            assertTrue(b.err().contains("member 'report.json' is larger than 1048576 bytes"), b.err());
        } finally {
            System.clearProperty(EvidenceBundle.MAX_MEMBER_PROPERTY);
        }
    }

    @Test
    void aMemberRewrittenWithItsManifestEntryIsCaughtByReDerivation() throws Exception {
        var opened = EvidenceBundle.read(bundle);
        List<EvidenceBundle.Member> members = new ArrayList<>();
        for (var m : opened.members().values()) {
            if (m.name().equals("report.json")) {
                ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(m.bytes());
                ((ObjectNode) tree.path("workloads").get(0)).put("score", 99.9);
                m = new EvidenceBundle.Member(m.name(), m.role(), Json.MAPPER.writeValueAsBytes(tree));
            }
            if (!m.name().equals("manifest.json")) members.add(m);
        }
        Files.write(tmp.resolve("forged.zip"), EvidenceBundle.write(members, new Report.Tool("failready", "x"), "2026-11-20T07:00:00Z"));
        var r = CliTestSupport.run("verify", tmp.resolve("forged.zip").toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("NOT VERIFIED bundle"), r.out());
        assertTrue(r.out().contains("score"), r.out());
        assertFalse(r.out().contains(opened.manifestSha256()), "a forged manifest has another SHA-256 than the one recorded at writing");
    }

    @Test
    void aReportItsInputsContradictIsNotBundledAndABundleTakesNoOtherInputs() throws Exception {
        Path out = tmp.resolve("scan");
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(out.resolve("report.json").toFile());
        ((ObjectNode) tree.path("workloads").get(0)).put("owner", "forged@example.com");
        Path dir = Files.createDirectories(tmp.resolve("forgedscan"));
        Files.write(dir.resolve("report.json"), Json.MAPPER.writeValueAsBytes(tree));
        Files.copy(out.resolve("snapshot.json.gz"), dir.resolve("snapshot.json.gz"));
        var r = CliTestSupport.run("evidence", "--report", dir.resolve("report.json").toString(), "--demo", "--out", tmp.resolve("ev2").toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("no bundle written"), r.out());
        assertFalse(Files.exists(tmp.resolve("ev2").resolve("evidence.zip")));

        var v = CliTestSupport.run("verify", bundle.toString(), "--demo");
        assertEquals(2, v.exit(), v.all());
        assertTrue(v.err().contains("brings its own snapshot and configuration"), v.err());
    }

    /** Offset of the first central directory header (PK 1 2). */
    static int firstCentral(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) return i;
        throw new AssertionError("no central directory");
    }
}

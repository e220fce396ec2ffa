package io.failready.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's --help: exit 0, nothing on stderr (picocli writes its format warnings straight
 * to the process's stderr, hence a separate JVM), and an "Exit codes:" list holding exactly the
 * codes that command can return.
 */
class HelpPagesTest {
    /** What each command can return, read from its code: 0, 1 and 2 always; 3 and 4 only where it judges. */
    static final Map<String, Set<Integer>> CAN_RETURN = new TreeMap<>(Map.ofEntries(
            Map.entry("", Set.of(0, 1, 2, 3, 4)), // the program as a whole
            Map.entry("bench", Set.of(0, 1, 2)),
            Map.entry("bench cds-training", Set.of(0, 1, 2)),
            Map.entry("bench collect", Set.of(0, 1, 2, 3)),
            Map.entry("bench generate", Set.of(0, 1, 2)),
            Map.entry("bench render", Set.of(0, 1, 2)),
            Map.entry("bench run", Set.of(0, 1, 2)),
            Map.entry("collect", Set.of(0, 1, 2, 4)),
            Map.entry("diff", Set.of(0, 1, 2, 3)),
            Map.entry("evaluate", Set.of(0, 1, 2, 3, 4)),
            Map.entry("evidence", Set.of(0, 1, 2, 3)),
            Map.entry("gate", Set.of(0, 1, 2, 3, 4)),
            Map.entry("history", Set.of(0, 1, 2)),
            Map.entry("iam-policy", Set.of(0, 1, 2)),
            Map.entry("init", Set.of(0, 1, 2)),
            Map.entry("merge", Set.of(0, 1, 2)),
            Map.entry("report", Set.of(0, 1, 2)),
            Map.entry("rules", Set.of(0, 1, 2)),
            Map.entry("rules explain", Set.of(0, 1, 2)),
            Map.entry("rules list", Set.of(0, 1, 2)),
            Map.entry("rules test", Set.of(0, 1, 2, 3)),
            Map.entry("scan", Set.of(0, 1, 2, 3, 4)),
            Map.entry("verify", Set.of(0, 1, 2, 3))));

    /** Every command path in the tree ("" for the root), picocli's own help command aside. */
    static List<String> paths() {
        CommandLine root = FailReady.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> out = new ArrayList<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(CommandLine c, String path, List<String> out) {
        out.add(path);
        c.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) walk(sub, (path.isEmpty() ? "" : path + " ") + name, out);
        });
    }

    /** Runs in a fresh JVM: each command's help page, between markers on both streams. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        for (String p : paths()) {
            String marker = "### " + p;
            out.println(marker);
            err.println(marker);
            List<String> argv = new ArrayList<>(p.isEmpty() ? List.of() : List.of(p.split(" ")));
            argv.add("--help");
            int code = FailReady.run(out, err, argv.toArray(String[]::new));
            out.println("### exit " + code);
        }
    }

    static Map<String, String> sections(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        String current = null;
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("### ") && !line.startsWith("### exit ")) {
                if (current != null) m.put(current, sb.toString());
                current = line.substring(4);
                sb.setLength(0);
            } else {
                sb.append(line).append('\n');
            }
        }
        if (current != null) m.put(current, sb.toString());
        return m;
    }

    @Test
    void everyHelpPageIsCleanAndListsOnlyTheExitCodesItsCommandCanReturn() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HelpPagesTest.class.getName()).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertEquals(0, p.waitFor(), err.get());
        Map<String, String> pages = sections(out), errs = sections(err.get());

        assertEquals(CAN_RETURN.keySet(), new TreeSet<>(pages.keySet()), "a command without an entry in CAN_RETURN (or one that is gone)");
        Pattern codeLine = Pattern.compile("(?m)^\\s+(\\d)\\s{2,}\\S");
        for (Map.Entry<String, String> e : pages.entrySet()) {
            String cmd = "'failready " + e.getKey() + " --help'";
            assertEquals("", errs.getOrDefault(e.getKey(), "").strip(), cmd + " wrote to stderr");
            int at = e.getValue().indexOf("Exit codes:");
            assertTrue(at >= 0, cmd + " lists no exit codes:\n" + e.getValue());
            Set<Integer> listed = new TreeSet<>();
            Matcher m = codeLine.matcher(e.getValue().substring(at));
            while (m.find()) listed.add(Integer.parseInt(m.group(1)));
            assertEquals(new TreeSet<>(CAN_RETURN.get(e.getKey())), listed, cmd + " exit codes");
        }
        assertTrue(out.lines().filter(l -> l.startsWith("### exit ")).allMatch(l -> l.equals("### exit 0")), "every --help exits 0:\n" + out);
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.failready.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lazily registered subcommands must behave exactly like the full command tree. */
class CliNamesTest {
    @Test
    void everyRegisteredNameIsTheCommandsOwnNameAndTheListIsSorted() {
        List<String> names = new ArrayList<>(FailReady.SUBCOMMANDS.keySet());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "keep FailReady.SUBCOMMANDS sorted");
        for (Map.Entry<String, Class<?>> e : FailReady.SUBCOMMANDS.entrySet()) {
            CommandLine.Command c = e.getValue().getAnnotation(CommandLine.Command.class);
            assertEquals(c.name(), e.getKey(), e.getValue() + " is registered under another name than its @Command name");
        }
    }

    @Test
    void theFullTreeHasEveryCommandPlusHelp() {
        CommandLine root = FailReady.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> expected = new ArrayList<>(FailReady.SUBCOMMANDS.keySet());
        expected.add("help");
        assertEquals(expected, new ArrayList<>(root.getSubcommands().keySet()));
    }

    @Test
    void topLevelHelpStillListsEveryCommand() {
        CliTestSupport.Result r = CliTestSupport.run("--help");
        for (String name : FailReady.SUBCOMMANDS.keySet()) assertTrue(r.out().contains("  " + name), name + " missing from --help: " + r.out());
    }

    @Test
    void helpForOneCommandAndAnUnknownCommandBehaveAsBefore() {
        CliTestSupport.Result help = CliTestSupport.run("help", "gate");
        assertEquals(0, help.exit(), help.all());
        assertTrue(help.out().contains("--fail-on"), help.out());
        CliTestSupport.Result gate = CliTestSupport.run("gate", "--help");
        assertEquals(0, gate.exit(), gate.all());
        assertEquals(help.out(), gate.out(), "'help gate' and 'gate --help' print the same page");
        CliTestSupport.Result unknown = CliTestSupport.run("gaet");
        assertEquals(2, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("gaet"), unknown.err());
    }
}

package io.failready.cli;

import io.failready.evaluate.FixtureRunner;
import io.failready.evaluate.RuleEngine;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleMetadata;
import io.failready.rules.RuleSet;
import io.failready.rules.RuleSources;
import io.failready.util.InputException;
import io.failready.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "rules", header = "List, explain and test the readiness rules.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Explain.class, RulesCommand.Test.class})
public final class RulesCommand extends AbstractCommand {
    @Override protected int doExecute() {
        spec.commandLine().usage(out());
        return ExitCodes.OK;
    }

    static RuleCatalog catalog(List<Path> dirs) {
        // parsing (not compiling) the DRL is enough for metadata and keeps 'rules list' fast
        return RuleCatalog.read(RuleSources.bundledPlus(dirs));
    }

    /** The command that writes docs/checklist.md (ChecklistDocTest runs it). */
    static final String CHECKLIST_COMMAND = "failready rules list --format markdown > docs/checklist.md";

    @Command(name = "list", header = "Print the rule catalog: id, section, severity, title.",
            description = "--format markdown prints the whole checklist (what each rule applies to, when it is COMPLIANT, its "
                    + "parameters, the score and verdict definition); the repository's docs/checklist.md is that output.")
    public static final class ListRules extends AbstractCommand {
        @Option(names = "--format", paramLabel = "text|json|markdown|index", defaultValue = "text",
                description = "Output format (default: ${DEFAULT-VALUE}); index writes rules/catalog.index, the bundled rules' section and severity the gate reads.")
        String format;
        @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directory (repeatable).")
        List<Path> dirs = new ArrayList<>();
        @Option(names = "--section", paramLabel = "NAME", description = "Only rules of this section.")
        String section;

        @Override protected int doExecute() throws Exception {
            RuleCatalog c = catalog(dirs);
            List<RuleMetadata> rules = c.rules().values().stream().filter(m -> section == null || m.section().equals(section)).toList();
            if (format.equals("markdown")) {
                if (section != null) throw new InputException("--format markdown prints the whole checklist; drop --section.");
                out().print(io.failready.report.ChecklistDoc.render(c, CHECKLIST_COMMAND));
            } else if (format.equals("index")) {
                out().print(io.failready.rules.RuleIndex.format(c));
            } else if (format.equals("json")) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (RuleMetadata m : rules) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", m.id());
                    e.put("title", m.title());
                    e.put("section", m.section());
                    e.put("severity", m.severity().name());
                    e.put("resourceType", m.resourceType());
                    e.put("parameters", m.parameters());
                    e.put("source", m.source());
                    e.put("failback", m.failback());
                    e.put("incident", m.incident());
                    out.add(e);
                }
                out().println(Json.MAPPER.writeValueAsString(out));
            } else if (format.equals("text")) {
                out().printf("%-52s %-12s %-8s %s%n", "ID", "SECTION", "SEVERITY", "TITLE");
                for (RuleMetadata m : rules) out().printf("%-52s %-12s %-8s %s%n", m.id(), m.section(), m.severity(), m.title());
                out().printf("%d rules%n", rules.size());
            } else {
                throw new InputException("--format must be text, json, markdown or index, not '" + format + "'.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "explain", header = "Print a rule's documentation: rationale, risk, remediation, parameters.")
    public static final class Explain extends AbstractCommand {
        @Parameters(paramLabel = "RULE_ID") String id;
        @Option(names = "--rules", paramLabel = "DIR", description = "Extra rule directory (repeatable).")
        List<Path> dirs = new ArrayList<>();

        @Override protected int doExecute() throws Exception {
            RuleCatalog c = catalog(dirs);
            RuleMetadata m = c.get(id);
            if (m == null) {
                String near = c.rules().keySet().stream().filter(k -> k.contains(id.toUpperCase()) || id.toUpperCase().contains(k))
                        .findFirst().map(k -> " Did you mean " + k + "?").orElse("");
                throw new InputException("unknown rule id '" + id + "'." + near + " Run 'failready rules list' for the catalog.");
            }
            out().printf("%s%n%s%nsection: %s   severity: %s   resource type: %s%n", m.id(), m.title(), m.section(), m.severity(), m.resourceType());
            if (!m.parameters().isEmpty()) out().println("parameters (defaults): " + m.parameters());
            out().println("source: " + m.source());
            out().println();
            Path doc = m.docFile();
            out().print(Files.exists(doc) ? Files.readString(doc) : "(no documentation file " + doc.getFileName() + ")\n");
            return ExitCodes.OK;
        }
    }

    @Command(name = "test", header = "Run rule fixtures in DIR against the bundled rules plus the rules in DIR.",
            description = {"DIR holds one folder per rule: <RULE_ID>.drl, its .java decision class if it has one (compiled",
                    "with the DRL; *Test.java files are skipped), <RULE_ID>.md and fixtures/ (as examples/custom-rules in the sources).",
                    "Fixture files live in <RULE_ID>/fixtures/ and are named by outcome:",
                    "compliant-*.json, non_compliant-*.json, not_applicable-*.json, insufficient_data-*.json.",
                    "Each lists resources, collection gaps and the exact set of expected evaluations."},
            exitCodeList = {"0:Every fixture passed", ExitCodes.HELP_INTERNAL, ExitCodes.HELP_USAGE, "3:At least one fixture failed"})
    public static final class Test extends AbstractCommand {
        @Parameters(paramLabel = "DIR", description = "A directory of rules and their fixtures.") Path dir;

        @Override protected int doExecute() {
            if (!Files.isDirectory(dir)) throw new InputException(dir, "not a directory.");
            boolean hasDrl;
            try (var s = Files.walk(dir)) {
                hasDrl = s.anyMatch(p -> p.toString().endsWith(".drl"));
            } catch (java.io.IOException e) {
                throw new InputException(dir, "cannot read: " + e.getMessage(), e);
            }
            RuleSet set = RuleSources.bundledPlus(hasDrl ? List.of(dir) : List.of());
            RuleEngine engine = new RuleEngine(RuleCatalog.read(set), io.failready.rules.RuleBaseLoader.build(set));
            List<FixtureRunner.Fixture> fixtures = FixtureRunner.discover(dir, dir.toString().endsWith("/") ? dir.toString() : dir + "/");
            if (fixtures.isEmpty()) throw new InputException(dir, "holds no fixtures (<RULE_ID>/fixtures/*.json).");
            FixtureRunner runner = new FixtureRunner(engine);
            int failed = 0;
            for (FixtureRunner.Fixture f : fixtures) {
                FixtureRunner.Outcome o = runner.run(f);
                out().println((o.passed() ? "PASS " : "FAIL ") + o.message());
                if (!o.passed()) failed++;
            }
            out().printf("%d passed, %d failed%n", fixtures.size() - failed, failed);
            return failed == 0 ? ExitCodes.OK : ExitCodes.NOT_READY;
        }
    }
}

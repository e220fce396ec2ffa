package io.failready.rules;

import io.failready.evaluate.FixtureRunner;
import io.failready.evaluate.RuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every fixture under rules/**&#47;fixtures runs against its rule, with the rule base built once.
 * Display name = rule id / fixture file, so a failure names the scenario.
 */
class RuleFixturesTest {
    static final Path RULES = Path.of("..", "rules");
    static RuleEngine engine;

    @BeforeAll
    static void build() { engine = RuleEngine.load(List.of()); }

    @TestFactory
    Stream<DynamicTest> fixtures() {
        List<FixtureRunner.Fixture> all = FixtureRunner.discover(RULES, "rules/");
        assertFalse(all.isEmpty(), "no fixtures found under " + RULES.toAbsolutePath());
        FixtureRunner runner = new FixtureRunner(engine);
        return all.stream().map(f -> DynamicTest.dynamicTest(f.ruleId() + " / " + f.file().getFileName(), () -> runner.check(f)));
    }
}

package io.failready;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.failready.cli.BenchCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure of the product as the tree shows it: the pipeline collect -> snapshot -> facts ->
 * rules -> evaluate -> report -> gate with cli on top, model and util at the bottom, no package
 * cycles. A change that makes an earlier stage reach into a later one fails here, naming the
 * class and the dependency, instead of quietly tangling the packages again.
 */
class ArchitectureTest {

    /** Rule section packages: one per checklist section, compiled from the rules/ folders. */
    private static final String[] SECTIONS = {"io.failready.rules.requirements..", "io.failready.rules.data..",
            "io.failready.rules.security..", "io.failready.rules.compliance..", "io.failready.rules.traffic..",
            "io.failready.rules.capacity..", "io.failready.rules.operations.."};

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.failready");
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("io.failready.(*)..").should().beFreeOfCycles()
                .check(product);
    }

    /**
     * Each stage may use only the stages it consumes. Every product class must sit in a layer, so
     * a new top-level package has to be placed here deliberately.
     */
    @Test
    void stagesDependOnlyOnEarlierStages() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("cli").definedBy("io.failready.cli..")
                .layer("tooling").definedBy("io.failready.tooling..")
                .layer("gate").definedBy("io.failready.gate..")
                .layer("report").definedBy("io.failready.report..")
                .layer("evaluate").definedBy("io.failready.evaluate..")
                .layer("rules").definedBy("io.failready.rules..")
                .layer("collect").definedBy("io.failready.collect..")
                .layer("demo").definedBy("io.failready.demo..")
                .layer("shard").definedBy("io.failready.shard..")
                .layer("snapshot").definedBy("io.failready.snapshot..")
                .layer("schema").definedBy("io.failready.schema..")
                .layer("config").definedBy("io.failready.config..")
                .layer("model").definedBy("io.failready.model..")
                .layer("facts").definedBy("io.failready.facts..")
                .layer("util").definedBy("io.failready.util..")
                .withOptionalLayers(true)

                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("tooling").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("tooling").mayOnlyAccessLayers("gate", "report", "evaluate", "rules", "collect", "demo",
                        "shard", "snapshot", "schema", "config", "model", "facts", "util")
                .whereLayer("gate").mayOnlyAccessLayers("report", "evaluate", "rules", "snapshot", "schema", "config",
                        "model", "facts", "util")
                .whereLayer("report").mayOnlyAccessLayers("evaluate", "rules", "collect", "snapshot", "schema", "config", "model",
                        "facts", "util")
                .whereLayer("evaluate").mayOnlyAccessLayers("rules", "snapshot", "schema", "config", "model", "facts", "util")
                // rules read the resource types' labels and services the collectors declare
                .whereLayer("rules").mayOnlyAccessLayers("collect", "config", "model", "facts", "util")
                .whereLayer("collect").mayOnlyAccessLayers("snapshot", "schema", "config", "model", "facts", "util")
                .whereLayer("demo").mayOnlyAccessLayers("snapshot", "facts", "util")
                .whereLayer("shard").mayOnlyAccessLayers("util")
                .whereLayer("snapshot").mayOnlyAccessLayers("schema", "facts", "util")
                .whereLayer("schema").mayOnlyAccessLayers("model", "facts", "util")
                .whereLayer("config").mayOnlyAccessLayers("model", "util")
                // the report contract carries collection gaps (facts.CollectionGap) as they were recorded
                .whereLayer("model").mayOnlyAccessLayers("facts", "util")
                .whereLayer("facts").mayOnlyAccessLayers("util")
                .whereLayer("util").mayNotAccessAnyLayer();
        layers.check(product);
    }

    /**
     * A rule's decision class sees the small rule API, the facts, the report contract types, the
     * workload configuration and libraries: nothing of the engine, the catalog loader or later
     * stages, so a rule reads the same in its folder as it runs.
     */
    @Test
    void ruleSectionsUseOnlyTheRuleApi() {
        classes().that().resideInAnyPackage(SECTIONS)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.failready..")
                        .or(resideInAnyPackage(SECTIONS))
                        .or(resideInAnyPackage("io.failready.rules.api..", "io.failready.facts..", "io.failready.model..",
                                "io.failready.config.."))
                        .or(name("io.failready.util.Globs")))
                .allowEmptyShould(true)
                .check(product);
    }

    @Test
    void productCodeNeverDependsOnTooling() {
        noClasses().that().resideOutsideOfPackage("io.failready.tooling..").and(DescribedPredicate.not(belongToAnyOf(BenchCommand.class)))
                .should().dependOnClassesThat().resideInAPackage("io.failready.tooling..")
                .because("the benchmark harness is tooling; only the CLI's bench command reaches it")
                .check(product);
    }

    @Test
    void onlyEvaluateAndRulesUseDrools() {
        noClasses().that().resideOutsideOfPackages("io.failready.evaluate..", "io.failready.rules..", "io.failready.tooling.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .because("the rule engine is an implementation detail of evaluating rules (and of precompiling them at build time)")
                .check(product);
    }
}

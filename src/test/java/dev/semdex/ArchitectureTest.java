package dev.semdex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.semdex.store.Database;

/** The layering the README promises, checked on every build. */
@AnalyzeClasses(packages = "dev.semdex", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] WINDOWS = {"dev.semdex.ui..", "dev.semdex.lab.ui.."};

    @ArchTest
    static final ArchRule onlyTheWindowsUseJavaFx = noClasses()
            .that().resideOutsideOfPackages(WINDOWS)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the core and the CLI must run without JavaFX (headless servers, scripts)");

    @ArchTest
    static final ArchRule theCoreDoesNotKnowTheUi = noClasses()
            .that().resideOutsideOfPackages(WINDOWS)
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("dev.semdex.ui..")
            .because("the GUI builds on the core, never the other way round");

    @ArchTest
    static final ArchRule theCliDoesNotUseTheUi = noClasses()
            .that().resideInAnyPackage("dev.semdex.cli..", "dev.semdex.lab.cli..", "dev.semdex.lab.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.semdex.ui..", "dev.semdex.lab.ui..",
                    "javafx..");

    /**
     * The windows reach the core through one port per feature (search, folders, models, settings; the lab's compare
     * backend), backed by core services: never the store's tables, the hub or an Ollama server directly.
     */
    @ArchTest
    static final ArchRule theWindowsGoThroughPorts = noClasses()
            .that().resideInAnyPackage(WINDOWS)
            .should().dependOnClassesThat().resideInAnyPackage("dev.semdex.store..", "dev.semdex.embed.ollama..",
                    "dev.semdex.embed.hub..")
            .because("each feature of the window has one port; SQL, HTTP and model downloads stay in the core, "
                    + "where the command line uses them too");

    @ArchTest
    static final ArchRule theProductDoesNotDependOnTheLab = noClasses()
            .that().resideOutsideOfPackage("dev.semdex.lab..")
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("dev.semdex.lab..")
            .because("the model lab (comparisons, quality, corpus map, benchmarks) lives beside the product: only "
                    + "the composition root plugs it in, through ModelLab and the lab's commands");

    @ArchTest
    static final ArchRule theLabCoreDoesNotKnowItsFrontEnds = noClasses()
            .that().resideInAnyPackage("dev.semdex.lab.compare..", "dev.semdex.lab.eval..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.semdex.lab.ui..", "dev.semdex.lab.cli..",
                    "dev.semdex.lab.bench..", "dev.semdex.cli..");

    @ArchTest
    static final ArchRule onlyTheStoreTouchesTheDatabase = noClasses()
            .that().resideOutsideOfPackage("dev.semdex.store..")
            .and().doNotHaveFullyQualifiedName(Semdex.class.getName())
            .should().dependOnClassesThat().belongToAnyOf(Database.class)
            .because("SQL and the connection stay behind the store's tables, so that a query, its transaction and "
                    + "the schema it relies on are changed in one place; Semdex only opens the file");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("dev.semdex.(*)..")
            .should().beFreeOfCycles();

    /**
     * Every package on its own, so that a base package and its subpackages cannot lean on each other: {@code embed}
     * (what a model is) is below the runtimes in {@code embed.*}, and {@code models} assembles them above.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenAnyPackages = slices().matching("dev.semdex.(**)")
            .should().beFreeOfCycles();
}

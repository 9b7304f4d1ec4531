package dev.semdex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the README promises, checked on every build. */
@AnalyzeClasses(packages = "dev.semdex", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("dev.semdex.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the core and the CLI must run without JavaFX (headless servers, scripts)");

    @ArchTest
    static final ArchRule theCoreDoesNotKnowTheUi = noClasses()
            .that().resideOutsideOfPackage("dev.semdex.ui..")
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("dev.semdex.ui..")
            .because("the GUI builds on the core, never the other way round");

    @ArchTest
    static final ArchRule theCliDoesNotUseTheUi = noClasses()
            .that().resideInAPackage("dev.semdex.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.semdex.ui..", "javafx..");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("dev.semdex.(*)..")
            .should().beFreeOfCycles();

    /**
     * Every package on its own, so that a base package and its subpackages cannot lean on each other: {@code embed}
     * (what a model is) is below the runtimes in {@code embed.*}, and {@code models} assembles them above.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenCorePackages = slices().matching("dev.semdex.(**)")
            .that(DescribedPredicate.describe("are outside the UI", slice -> !slice.getNamePart(1).startsWith("ui")))
            .should().beFreeOfCycles();
}

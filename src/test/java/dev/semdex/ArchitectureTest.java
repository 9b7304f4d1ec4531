package dev.semdex;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.semdex.store.Database;

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
    static final ArchRule onlyTheStoreTouchesTheDatabase = noClasses()
            .that().resideOutsideOfPackage("dev.semdex.store..")
            .and().doNotHaveFullyQualifiedName(Semdex.class.getName())
            .should().dependOnClassesThat().belongToAnyOf(Database.class)
            .because("SQL and the connection stay behind the store's tables, so that a query, its transaction and "
                    + "the schema it relies on are changed in one place; Semdex only opens the file");
}

package app.registrar.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-way flow of docs/architecture.md, enforced: view → view model → service → api → homeserver. */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.registrar");
    }

    @Test
    void apiAndModelNeverImportJavaFx() {
        noClasses().that().resideInAnyPackage("app.registrar.api..", "app.registrar.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void serviceNeverTouchesTheSceneGraph() {
        noClasses().that().resideInAPackage("app.registrar.service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "app.registrar.ui..")
                .check(classes);
    }

    @Test
    void viewModelsNeverImportTheSceneGraphOrHttp() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "okhttp3..",
                        "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void viewsNeverImportHttpOrTheTransport() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Dialog")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.registrar.api.HttpTransport")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.registrar.api.AdminApi")
                .check(classes);
    }

    @Test
    void theAuditEngineNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage("app.registrar.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "app.registrar.ui..", "app.registrar.service..")
                .check(classes);
    }

    @Test
    void lowerLayersNeverDependOnTheUi() {
        noClasses().that().resideInAnyPackage("app.registrar.api..", "app.registrar.model..", "app.registrar.service..",
                        "app.registrar.audit..")
                .should().dependOnClassesThat().resideInAPackage("app.registrar.ui..")
                .check(classes);
    }
}

package app.registrar.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.testing.SynapseExtension;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way flow of docs/architecture.md, enforced: view → view model → service / bulk engines → (audit) → api →
 * homeserver.
 *
 * <p>Every top-level package is named here as a layer, and a class in a package that is not is a failure, so a new
 * package cannot slip past the rules. The layers are packages; only inside {@code ui}, where a screen's view and view
 * model share their feature package (a pair by name), the split between the two goes by the view's name.
 */
class LayerRulesTest {

    static final String APP = "app.registrar";
    static final String MODEL = "app.registrar.model..";
    static final String API = "app.registrar.api..";
    static final String SERVICE = "app.registrar.service..";
    static final String BULK = "app.registrar.bulk..";
    static final String AUDIT = "app.registrar.audit..";
    /** Account stores: every account task, sent to the server that owns the accounts (Synapse or MAS). */
    static final String STORE = "app.registrar.store..";
    static final String UI = "app.registrar.ui..";

    /** The UI toolkits. */
    static final String[] JAVAFX = {"javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli.."};

    /** Shared view helpers in {@code ui.common}: controls, stages and the JavaFX implementation of DialogService. */
    static final Set<String> VIEW_HELPERS = Set.of(
            "app.registrar.ui.common.FxDialogService",
            "app.registrar.ui.common.LanguageMenu",
            "app.registrar.ui.common.ModalDialog",
            "app.registrar.ui.common.NewPasswordField",
            "app.registrar.ui.common.Theme",
            "app.registrar.ui.common.Views",
            "app.registrar.ui.bulk.PasswordsFileRow");

    /** The parts of the UI that build controls; every other class in {@code ui} is held to the view-model rules. */
    static final DescribedPredicate<JavaClass> VIEWS = DescribedPredicate.describe("views",
            c -> c.getSimpleName().endsWith("View") || c.getSimpleName().endsWith("Dialog")
                    || c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("View")
                    || e.getSimpleName().endsWith("Dialog")).orElse(false)
                    || VIEW_HELPERS.contains(c.getName().replaceAll("\\$.*", "")));

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APP);
    }

    @Test
    void everyClassSitsInANamedLayer() {
        classes().should().resideInAnyPackage(APP, MODEL, API, AUDIT, STORE, SERVICE, BULK, UI)
                .because("a new top-level package must be named in LayerRulesTest and docs/architecture.md first")
                .check(classes);
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy(APP)
                .layer("ui").definedBy(UI)
                .layer("bulk").definedBy(BULK)
                .layer("service").definedBy(SERVICE)
                .layer("audit").definedBy(AUDIT)
                .layer("store").definedBy(STORE)
                .layer("api").definedBy(API)
                .layer("model").definedBy(MODEL)
                .whereLayer("app").mayOnlyBeAccessedByLayers("ui")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("bulk").mayOnlyBeAccessedByLayers("ui", "app")
                .whereLayer("service").mayOnlyBeAccessedByLayers("bulk", "ui", "app")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("service", "ui", "app") // ui shows its entries, as it shows api records
                .whereLayer("store").mayOnlyBeAccessedByLayers("service", "bulk", "ui", "app")
                .whereLayer("api").mayOnlyBeAccessedByLayers("audit", "store", "service", "bulk", "ui", "app")
                .check(classes);
    }

    @Test
    void theAppPackageIsOnlyReadByTheUiForItsBuildFacts() {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat(resideInAPackage(APP).and(not(name(APP + ".BuildInfo"))))
                .check(classes);
    }

    @Test
    void modelApiAuditAndBulkEnginesNeverImportJavaFx() {
        noClasses().that().resideInAnyPackage(MODEL, API, AUDIT, STORE, BULK)
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .check(classes);
    }

    @Test
    void serviceUsesOnlyTheFxThreadOfJavaFx() {
        noClasses().that().resideInAPackage(SERVICE)
                .should().dependOnClassesThat(resideInAnyPackage(JAVAFX)
                        .and(not(resideInAnyPackage("javafx.application..", "javafx.concurrent.."))))
                .check(classes);
    }

    @Test
    void viewModelsNeverImportTheSceneGraphOrHttp() {
        noClasses().that().resideInAPackage(UI).and(not(VIEWS))
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "okhttp3..",
                        "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void theUiNeverImportsHttpOrTheTransport() {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.registrar.api.HttpTransport")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.registrar.api.AdminApi")
                .check(classes);
    }

    /** "About 300": a view model past that is split into parts it owns (see docs/architecture.md). */
    static final int VIEW_MODEL_LINES = 320;

    @Test
    void viewModelsFitOnAScreenOrTwo() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith("app.registrar.ui") || c.isNestedClass() || c.isAnonymousClass()
                    || VIEWS.test(c)) {
                continue;
            }
            Path source = SynapseExtension.projectDir().resolve("src/main/java/" + c.getName().replace('.', '/') + ".java");
            long lines;
            try (var all = Files.lines(source)) {
                lines = all.count();
            }
            if (lines > VIEW_MODEL_LINES) {
                tooLong.add(c.getSimpleName() + " " + lines);
            }
        }
        assertThat(tooLong).as("view models over about 300 lines").isEmpty();
    }
}

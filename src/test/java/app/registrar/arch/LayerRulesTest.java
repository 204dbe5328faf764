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
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way flow of docs/architecture.md, enforced: view → view model → service / bulk engines → (audit) → api →
 * homeserver.
 *
 * <p>Every top-level package is named here as a layer, and a class in a package that is not is a failure, so a new
 * package cannot slip past the rules. The layers are packages, and so is the split inside {@code ui}: a screen's views
 * sit in the {@code view} package of its feature, its view models in the feature package itself.
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

    /**
     * The parts of the UI that build controls: each feature's {@code view} package ({@code ui.details.view},
     * {@code ui.common.view}, ...). Every other class in {@code ui} is held to the view-model rules.
     */
    static final String VIEWS = "app.registrar.ui..view..";

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
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(VIEWS)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "okhttp3..",
                        "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void viewModelsNeverUseViews() {
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(VIEWS)
                .should().dependOnClassesThat().resideInAPackage(VIEWS)
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
                    || c.getPackageName().endsWith(".view")) {
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

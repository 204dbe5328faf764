package app.registrar.ui.bulk;

import static app.registrar.testing.FxWorkers.awaitFx;
import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.api.UserQuery;
import app.registrar.bulk.BulkAction;
import app.registrar.bulk.BulkService;
import app.registrar.model.PasswordPolicy;
import app.registrar.service.AccountService;
import app.registrar.service.FaultyExecutor;
import app.registrar.service.UiTaskExecutor;
import app.registrar.testing.FakeDialogService;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.SignedIn;
import app.registrar.testing.SynapseExtension;
import app.registrar.testing.TestSynapse;
import app.registrar.ui.common.ErrorReport;
import app.registrar.ui.common.I18n;
import app.registrar.ui.edituser.EditUserViewModel;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, section 1: every kind of local fault, met by the view models on real worker threads (the app's
 * UiTaskExecutor, callbacks on the JavaFX thread), ends with the job no longer running and a sentence that names the
 * file and what to do. Faults this machine produces for real (empty, binary, not UTF-8, header-only, missing file,
 * a folder where a file should be) use real files; permission denied (tests run as root), a full disk and a bug are
 * thrown from the worker by {@link FaultyExecutor}.
 */
@ExtendWith(SynapseExtension.class)
class LocalFaultsOnWorkerThreadsTest {

    /** What is injected, and the start of the sentence the admin must see for it. */
    private static final Map<Throwable, String> INJECTED = Map.of(
            new AccessDeniedException("/home/admin/users.csv"),
            "The file users.csv could not be read or written: permission denied.",
            new FileSystemException("/media/stick/users.csv", null, "No space left on device"),
            "The disk is full: The file users.csv could not be written.",
            new IllegalStateException("a bug"),
            "Something went wrong inside Registrar.");

    @TempDir
    Path dir;
    private final UiTaskExecutor workers = FxWorkers.executor();
    private final FaultyExecutor executor = new FaultyExecutor(workers);
    private final FakeDialogService dialogs = new FakeDialogService();
    private TestSynapse synapse;
    private SignedIn signedIn;
    private BulkService service;

    @BeforeEach
    void connect(TestSynapse synapse) {
        this.synapse = synapse;
        this.signedIn = SignedIn.asAdmin(synapse);
        this.service = new BulkService(executor, signedIn.connection());
    }

    @AfterEach
    void stop() {
        workers.shutdown();
    }

    private Path file(String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    private ImportViewModel loaded(Path csv, Path journals) {
        ImportViewModel model = onFx(() -> new ImportViewModel(service, dialogs, journals));
        onFx(() -> model.load(csv));
        awaitFx("the import to finish reading " + csv, () -> !model.runningProperty().get());
        return model;
    }

    private static String message(ErrorReport report) {
        assertThat(report).as("an error is shown").isNotNull();
        return report.message();
    }

    @Test
    void importOfEachRealFaultyFileEndsUsableWithASentenceNamingTheFile() throws Exception {
        Map<Path, String> cases = Map.of(
                file("empty.csv", "", StandardCharsets.UTF_8), "The file empty.csv is empty.",
                Files.write(dir.resolve("book.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0}), "The file book.xlsx is not a CSV file.",
                file("ansi.csv", "user_id,displayname\nzoe,Zoë\n", Charset.forName("windows-1252")),
                "The file ansi.csv is not saved as UTF-8 text",
                file("header.csv", "user_id,displayname\n", StandardCharsets.UTF_8),
                "The file header.csv names its columns but holds no accounts.",
                dir.resolve("gone.csv"), "The file gone.csv does not exist (any more).",
                Files.createDirectory(dir.resolve("folder.csv")), "The file folder.csv could not be read or written.");

        for (Map.Entry<Path, String> fault : cases.entrySet()) {
            ImportViewModel model = loaded(fault.getKey(), dir.resolve("journals"));

            assertThat(message(onFx(() -> model.errorProperty().get()))).startsWith(fault.getValue());
            assertThat(onFx(() -> model.runningProperty().get())).isFalse();
            assertThat(onFx(() -> model.statusProperty().get())).isEmpty();
        }
    }

    @Test
    void importWithInjectedFaultsEndsUsableAndTheNextFileLoads() throws Exception {
        Path good = file("users.csv", "user_id\nzoe\n", StandardCharsets.UTF_8);
        for (Map.Entry<Throwable, String> fault : INJECTED.entrySet()) {
            ImportViewModel model = onFx(() -> new ImportViewModel(service, dialogs, dir.resolve("journals")));
            executor.failNextWith(fault.getKey());
            onFx(() -> model.load(good));
            awaitFx("the failed load to end", () -> !model.runningProperty().get());
            String shown = message(onFx(() -> model.errorProperty().get()));
            onFx(() -> model.load(good));
            awaitFx("the second load", () -> !model.runningProperty().get() && model.previewProperty().get() != null);

            assertThat(shown).startsWith(fault.getValue());
            assertThat(onFx(() -> model.errorProperty().get())).isNull();
        }
    }

    @Test
    void importRunWithAJournalFolderThatIsAFileOrAPasswordsFileInAMissingFolderStopsUsable() throws Exception {
        Path good = file("users.csv", "user_id\nlf" + System.nanoTime() + "\n", StandardCharsets.UTF_8);
        Path notAFolder = Files.writeString(dir.resolve("journals"), "a file, not a folder");
        ImportViewModel model = loaded(good, notAFolder);
        onFx(() -> model.generatePasswordsProperty().set(false));
        dialogs.answer(true);
        onFx(model::run);
        awaitFx("the run to stop", () -> !model.runningProperty().get() && model.errorProperty().get() != null);
        String journalFault = message(onFx(() -> model.errorProperty().get()));

        ImportViewModel second = loaded(good, dir.resolve("j2"));
        onFx(() -> second.passwordsFileProperty().set(dir.resolve("no-such-folder").resolve("passwords.csv")));
        dialogs.answer(true);
        onFx(second::run);
        awaitFx("the run to stop", () -> !second.runningProperty().get() && second.errorProperty().get() != null);

        assertThat(journalFault).isEqualTo("The file journals could not be read or written.");
        assertThat(message(onFx(() -> second.errorProperty().get()))).isEqualTo("The file passwords.csv does not exist (any more).");
        assertThat(onFx(() -> second.statusProperty().get())).isNotEqualTo(I18nText.READING);
    }

    @Test
    void exportToAMissingFolderAndWithInjectedFaultsEndsUsable() {
        ExportViewModel model = onFx(() -> new ExportViewModel(service, dialogs));
        onFx(() -> model.export(UserQuery.all(), dir.resolve("missing").resolve("export.csv")));
        awaitFx("the export to stop", () -> !model.runningProperty().get());
        assertThat(message(onFx(() -> model.errorProperty().get()))).startsWith("The file export.csv does not exist");

        for (Map.Entry<Throwable, String> fault : INJECTED.entrySet()) {
            executor.failNextWith(fault.getKey());
            onFx(() -> model.export(UserQuery.all(), dir.resolve("export.csv")));
            awaitFx("the export to stop", () -> !model.runningProperty().get());
            assertThat(message(onFx(() -> model.errorProperty().get()))).startsWith(fault.getValue());
            assertThat(onFx(() -> model.progressProperty().get())).isZero();
        }
    }

    @Test
    void bulkReactivationWithAnUnwritablePasswordsFileAndInjectedFaultsEndsUsable() {
        List<String> someone = List.of("@nobody-" + System.nanoTime() + ":" + synapse.serverName());
        BulkActionViewModel model = onFx(() -> new BulkActionViewModel(service, dialogs, someone));
        onFx(() -> {
            model.actionProperty().set(BulkAction.REACTIVATE);
            model.passwordsFileProperty().set(dir.resolve("missing").resolve("passwords.csv"));
        });
        dialogs.answer(true);
        onFx(model::run);
        awaitFx("the action to stop", () -> !model.runningProperty().get() && model.errorProperty().get() != null);
        assertThat(message(onFx(() -> model.errorProperty().get()))).isEqualTo("The file passwords.csv does not exist (any more).");

        for (Map.Entry<Throwable, String> fault : INJECTED.entrySet()) {
            onFx(() -> model.passwordsFileProperty().set(dir.resolve("passwords.csv")));
            executor.failNextWith(fault.getKey());
            dialogs.answer(true);
            onFx(model::run);
            awaitFx("the action to stop", () -> !model.runningProperty().get() && model.errorProperty().get() != null);
            assertThat(message(onFx(() -> model.errorProperty().get()))).startsWith(fault.getValue());
            assertThat(onFx(() -> model.canRunProperty().get())).isTrue();
        }
    }

    @Test
    void inactiveAccountsSearchWithInjectedFaultsEndsUsable() {
        InactiveAccountsViewModel model = onFx(() -> new InactiveAccountsViewModel(service, dialogs));
        for (Map.Entry<Throwable, String> fault : INJECTED.entrySet()) {
            executor.failNextWith(fault.getKey());
            onFx(() -> model.find(UserQuery.all()));
            awaitFx("the search to stop", () -> !model.runningProperty().get() && model.errorProperty().get() != null);
            assertThat(message(onFx(() -> model.errorProperty().get()))).startsWith(fault.getValue());
        }
    }

    @Test
    void theAvatarPickerSaysWhatHappenedToAFileItCouldNotReadInsteadOfNotAPicture() throws Exception {
        AccountService accounts = new AccountService(executor, signedIn.connection());
        EditUserViewModel model = onFx(() -> EditUserViewModel.forCreate(accounts, dialogs, synapse.serverName(),
                synapse.adminUser(), PasswordPolicy.none(), saved -> { }));
        Path folder = Files.createDirectory(dir.resolve("photo.png"));
        Map<Path, String> real = Map.of(dir.resolve("gone.png"), "The file gone.png does not exist (any more).",
                folder, "The file photo.png could not be read or written.");
        for (Map.Entry<Path, String> fault : real.entrySet()) {
            dialogs.pickImage(fault.getKey());
            onFx(model.getAvatar()::choose);
            awaitFx("the picture to be read", () -> !model.getAvatar().problemProperty().get().isEmpty());
            assertThat(onFx(() -> model.getAvatar().problemProperty().get())).startsWith(fault.getValue());
        }
        Path picture = Files.write(dir.resolve("users.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        for (Map.Entry<Throwable, String> fault : INJECTED.entrySet()) {
            executor.failNextWith(fault.getKey());
            dialogs.pickImage(picture);
            onFx(model.getAvatar()::choose);
            awaitFx("the picture to be read", () -> !model.getAvatar().problemProperty().get().isEmpty());
            assertThat(onFx(() -> model.getAvatar().problemProperty().get())).startsWith(fault.getValue());
        }
    }

    /** The import's "Reading the file…" status, which must never stay on screen after a failure. */
    private static final class I18nText {
        static final String READING = I18n.tr("import.reading");
    }
}

package app.registrar.ui.main.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.UserDetails;
import app.registrar.ui.about.view.AboutDialog;
import app.registrar.ui.audit.view.AuditDialog;
import app.registrar.ui.audit.view.RecentChangesView;
import app.registrar.ui.bulk.view.BulkActionDialog;
import app.registrar.ui.bulk.view.ExportDialog;
import app.registrar.ui.bulk.view.ImportDialog;
import app.registrar.ui.bulk.view.InactiveAccountsDialog;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Theme;
import app.registrar.ui.deactivate.view.DeactivateDialog;
import app.registrar.ui.details.view.AccountDetailsView;
import app.registrar.ui.edituser.view.EditUserDialog;
import app.registrar.ui.encryption.view.EncryptionView;
import app.registrar.ui.insights.view.InsightsDialog;
import app.registrar.ui.invites.view.InvitesDialog;
import app.registrar.ui.main.MainViewModel;
import app.registrar.ui.password.view.ResetPasswordDialog;
import app.registrar.ui.reactivate.view.ReactivateDialog;
import app.registrar.ui.reauth.view.ReauthDialog;
import app.registrar.ui.userlist.view.UserListView;
import app.registrar.ui.welcome.view.WelcomeDialog;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: header, account list and the details of the selected account. */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    private final UserListView listView;
    private final HBox header;
    private final Button about;

    public MainView(MainViewModel model) {
        this.model = model;
        Label brand = new Label(tr("app.title"), new FontIcon(Feather.USERS));
        brand.getStyleClass().add("title-4");
        Label who = new Label();
        // Bound: the window may be built while the password check is still on the server.
        who.textProperty().bind(model.signedInTextProperty());
        who.setId("signedIn");
        who.getStyleClass().add("placeholder-text");
        // The one header text that may shrink; the whole of it stays a hover away.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(who.textProperty());
        who.setTooltip(whole);
        who.setMinWidth(60);
        brand.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button audit = new Button(tr("main.audit"), new FontIcon(Feather.CLIPBOARD));
        audit.setId("openAudit");
        audit.setMnemonicParsing(true);
        audit.getStyleClass().add("flat");
        audit.setOnAction(e -> new AuditDialog(window(), model.newAudit(), model.serverName()).showAndWait());
        about = new Button(tr("main.about"));
        about.setMnemonicParsing(true);
        about.getStyleClass().add("flat");
        about.setMinWidth(Region.USE_PREF_SIZE);
        about.setOnAction(e -> new AboutDialog(window()).showAndWait());
        Button signOut = new Button(tr("main.sign.out"), new FontIcon(Feather.LOG_OUT));
        signOut.setMinWidth(Region.USE_PREF_SIZE);
        signOut.setId("signOut");
        signOut.setMnemonicParsing(true);
        signOut.setOnAction(e -> model.signOut());
        // Plain words instead of a warning sign: what it means for the admin, and a way to learn how to change it.
        Label memoryOnly = new Label(tr("session.memory.only"), new FontIcon(Feather.INFO));
        memoryOnly.getStyleClass().add("placeholder-text");
        Hyperlink howToRemember = new Hyperlink(tr("session.memory.only.how"));
        howToRemember.setId("howToRemember");
        howToRemember.setOnAction(e -> model.explainRemembering());
        HBox notRemembered = new HBox(4, memoryOnly, howToRemember);
        notRemembered.setId("memoryOnly");
        notRemembered.setAlignment(Pos.CENTER_LEFT);
        // A line of its own under the header: in the header it had to share the row with the buttons and was cut to
        // "…" in the longer languages. Here it has the window's width; its words stay a hover away all the same.
        memoryOnly.setMinWidth(40);
        memoryOnly.setTooltip(new Tooltip(memoryOnly.getText()));
        howToRemember.setMinWidth(Region.USE_PREF_SIZE);
        notRemembered.setPadding(new Insets(0, 12, 6, 12));
        notRemembered.setVisible(!model.isSessionRemembered());
        notRemembered.setManaged(notRemembered.isVisible());
        Button invites = new Button(tr("main.invites"), new FontIcon(Feather.SEND));
        invites.setId("openInvites");
        invites.setMnemonicParsing(true);
        invites.getStyleClass().add("flat");
        invites.setMinWidth(Region.USE_PREF_SIZE);
        invites.setOnAction(e -> new InvitesDialog(window(), model.newInvites()).showAndWait());
        header = new HBox(12, brand, who, grow, audit, invites, about, signOut);
        // The buttons keep their whole words; the signed-in line is the one that gives way on a narrow window.
        for (Control fixed : List.of(brand, audit, invites, about, signOut)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.SOMETIMES);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("main-header");
        setTop(new VBox(header, notRemembered));

        listView = new UserListView(model.getList(), new UserListView.Actions() {
            @Override
            public void create() {
                createAccount();
            }

            @Override
            public void export() {
                exportList();
            }

            @Override
            public void importCsv() {
                importAccounts();
            }

            @Override
            public void inactive() {
                new InactiveAccountsDialog(window(), model.newInactive(), model.getList().query()).showAndWait();
                model.afterBulkWork();
            }

            @Override
            public void insights() {
                new InsightsDialog(window(), model.newInsights()).showAndWait();
            }

            @Override
            public void actOn(List<String> userIds) {
                new BulkActionDialog(window(), model.newBulkAction(userIds)).showAndWait();
                model.afterBulkWork();
            }
        });
        AccountDetailsView details = new AccountDetailsView(model.getDetails(), new AccountDetailsView.Actions() {
            @Override
            public void edit(UserDetails user) {
                new EditUserDialog(window(), model.newEditAccount(user)).showAndWait();
            }

            @Override
            public void resetPassword(UserDetails user) {
                new ResetPasswordDialog(window(), model.newResetPassword(user)).showAndWait();
            }

            @Override
            public void deactivate(UserDetails user) {
                new DeactivateDialog(window(), model.newDeactivate(user)).showAndWait();
            }

            @Override
            public void reactivate(UserDetails user) {
                new ReactivateDialog(window(), model.newReactivate(user)).showAndWait();
            }

            @Override
            public void welcome(UserDetails user) {
                new WelcomeDialog(window(), model.newWelcome(user)).showAndWait();
            }
        });
        EncryptionView encryption = new EncryptionView(model.getEncryption());
        details.addSection(encryption);
        details.setDeviceBadges(encryption::deviceBadge);
        // The account's recent changes (audit trail) sit under its details.
        details.addSection(new RecentChangesView(model.getRecentChanges()));
        SplitPane split = new SplitPane(listView, details);
        split.setDividerPositions(0.66);
        // Both sides follow the window, so at 1024 pixels the list keeps room for every column.
        setCenter(split);
        model.sessionExpiredProperty().addListener((obs, old, expired) -> {
            if (expired) {
                // Over the dialog the admin was working in, which keeps its input and waits below.
                Platform.runLater(() -> {
                    new ReauthDialog(ModalDialog.topmost(window()),
                            model.newReauth(), model::forgetExpiredSession).showAndWait();
                    model.reauthClosed();
                });
            }
        });
        model.accountToOpenProperty().addListener((obs, old, userId) -> {
            if (userId != null) {
                openAccountWindow(userId);
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    /** Ctrl+F search, Ctrl+N new account, F5 refresh (Cmd on macOS through SHORTCUT). */
    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F,
                KeyCombination.SHORTCUT_DOWN), listView::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N,
                KeyCombination.SHORTCUT_DOWN), this::createAccount);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5),
                model.getList()::refresh);
    }

    private void exportList() {
        model.chooseExportFile().ifPresent(file -> new ExportDialog(window(), model.newExport(), model.getList().query(), file).showAndWait());
    }

    private void importAccounts() {
        model.chooseImportFile().ifPresent(file -> {
            new ImportDialog(window(), model.newImport(), file).showAndWait();
            model.afterBulkWork();
        });
    }

    private void createAccount() {
        new EditUserDialog(window(), model.newCreateAccount()).showAndWait();
    }

    /** The account that holds a conflicting email or SSO identity, beside the dialog that named it (read only). */
    private void openAccountWindow(String userId) {
        AccountDetailsView view = new AccountDetailsView(model.newAccountView(userId), new AccountDetailsView.Actions() {
            @Override
            public void edit(UserDetails user) {
            }

            @Override
            public void resetPassword(UserDetails user) {
            }

            @Override
            public void deactivate(UserDetails user) {
            }

            @Override
            public void reactivate(UserDetails user) {
            }
        });
        view.setId("openedAccount");
        Stage stage = new Stage();
        Window owner = Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(window());
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(tr("conflict.peek.title", userId));
        Scene scene = new Scene(view, 420, 560);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Puts {@code item} into the header, before About (the app adds its language menu there). */
    public void addHeaderItem(Node item) {
        header.getChildren().add(header.getChildren().indexOf(about), item);
    }

    /**
     * Styles and lays this view out at {@code width} × {@code height} before it is shown, the list's row cells
     * included, so that showing it later costs the JavaFX thread little (the app does this while signing in).
     */
    public void prepare(double width, double height) {
        resize(width, height);
        applyCss();
        layout();
        listView.prepareRows();
    }

    public UserListView listView() {
        return listView;
    }
}

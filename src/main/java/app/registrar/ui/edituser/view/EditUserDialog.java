package app.registrar.ui.edituser.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.ExternalId;
import app.registrar.ui.common.ShownProblems;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.NewPasswordField;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.edituser.ContactsInput;
import app.registrar.ui.edituser.EditUserViewModel;
import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The create / edit account dialog, bound to an {@link EditUserViewModel}. */
public final class EditUserDialog extends ModalDialog {

    public EditUserDialog(Window owner, EditUserViewModel model) {
        super(owner, model.isCreate() ? tr("edit.title.create") : tr("edit.title.edit", model.getUserId()));
        bindBusy(model.busyProperty());
        askBeforeDiscarding(model.getTypedInput().presentProperty());
        ShownProblems shown = new ShownProblems();

        // User ID
        TextField localpart = new TextField();
        localpart.setId("localpart");
        localpart.setPromptText(tr("edit.user.prompt"));
        localpart.textProperty().bindBidirectional(model.getUserIdInput().localpartProperty());
        localpart.setEditable(model.isCreate());
        Label server = new Label(":" + model.getUserIdInput().getServerName());
        Label at = new Label("@");
        HBox idRow = model.isCreate() ? new HBox(4, at, localpart, server) : new HBox(new Label(model.getUserId()));
        idRow.setId("userIdRow");
        idRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(localpart, Priority.ALWAYS);
        Label note = new Label();
        note.getStyleClass().add("help-text");
        note.textProperty().bind(model.getUserIdInput().noteProperty());
        note.visibleProperty().bind(Bindings.isNotEmpty(model.getUserIdInput().noteProperty()));
        note.managedProperty().bind(note.visibleProperty());
        // Editing shows the user ID as text, so its label has no field to lead to.
        VBox idBox = new VBox(4, model.isCreate() ? Views.labelFor("edit.user", localpart)
                : new Label(tr("edit.user").replace("_", "")), idRow,
                model.isCreate() ? Views.help(tr("edit.user.help")) : new Region(),
                Views.problem(shown.after(model.getUserIdInput().localpartProperty(), model.getUserIdInput().problemProperty())), note);

        // Display name
        TextField displayName = new TextField();
        displayName.setId("displayName");
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        VBox nameBox = new VBox(4, Views.labelFor("edit.display", displayName), displayName,
                Views.help(tr("edit.display.help")), Views.problem(model.displayNameProblemProperty()),
                Views.problem(model.displayNameNoteProperty()));

        // Avatar
        ImageView preview = new ImageView();
        preview.setFitWidth(48);
        preview.setFitHeight(48);
        preview.setPreserveRatio(true);
        preview.managedProperty().bind(preview.imageProperty().isNotNull());
        model.getAvatar().previewProperty().addListener((obs, old, now) ->
                preview.setImage(now == null ? null : new Image(new ByteArrayInputStream(now), 48, 48, true, true)));
        Button choose = new Button(tr("edit.avatar.choose"), new FontIcon(Feather.IMAGE));
        choose.setMnemonicParsing(true);
        choose.setOnAction(e -> model.getAvatar().choose());
        Button removeAvatar = new Button(tr("edit.avatar.remove"));
        removeAvatar.setMnemonicParsing(true);
        removeAvatar.setOnAction(e -> model.getAvatar().remove());
        HBox avatarRow = new HBox(8, preview, choose, removeAvatar);
        avatarRow.setAlignment(Pos.CENTER_LEFT);
        Label avatarLabel = new Label(tr("edit.avatar"));
        VBox avatarBox = new VBox(4, avatarLabel, avatarRow, Views.problem(model.getAvatar().problemProperty()));

        // Emails
        ListView<String> emails = new ListView<>(model.getContacts().getEmails());
        emails.setId("emails");
        emails.setPrefHeight(90);
        emails.setCellFactory(list -> new RemovableCell<>(model.getContacts()::removeEmail, tr("edit.email.remove")));
        TextField newEmail = new TextField();
        newEmail.setId("newEmail");
        newEmail.setPromptText(tr("edit.email.prompt"));
        newEmail.textProperty().bindBidirectional(model.getContacts().newEmailProperty());
        newEmail.setOnAction(e -> model.getContacts().addEmail());
        Button addEmail = new Button(tr("edit.email.add"));
        addEmail.setId("addEmail");
        addEmail.setMnemonicParsing(true);
        addEmail.setOnAction(e -> model.getContacts().addEmail());
        HBox.setHgrow(newEmail, Priority.ALWAYS);
        VBox emailBox = new VBox(4, Views.labelFor("edit.emails", newEmail), emails, new HBox(8, newEmail, addEmail),
                Views.problem(model.getContacts().emailProblemProperty()),
                conflictLink(model.getContacts(), model.getContacts().emailProblemProperty()),
                Views.help(tr("edit.emails.help")));

        // SSO identities
        ListView<ExternalId> ids = new ListView<>(model.getContacts().getExternalIds());
        ids.setPrefHeight(60);
        ids.setCellFactory(list -> new RemovableCell<>(model.getContacts()::removeExternalId, tr("edit.sso.remove")) {
            @Override
            protected String text(ExternalId item) {
                return item.authProvider() + " · " + item.externalId();
            }
        });
        TextField provider = new TextField();
        provider.setPromptText(tr("edit.sso.provider"));
        provider.textProperty().bindBidirectional(model.getContacts().newProviderProperty());
        TextField externalId = new TextField();
        externalId.setPromptText(tr("edit.sso.id"));
        externalId.textProperty().bindBidirectional(model.getContacts().newExternalIdProperty());
        Button addId = new Button(tr("edit.sso.add"));
        addId.setMnemonicParsing(true);
        addId.setMinWidth(Region.USE_PREF_SIZE);
        addId.setOnAction(e -> model.getContacts().addExternalId());
        HBox.setHgrow(externalId, Priority.ALWAYS);
        VBox ssoBox = new VBox(4, new Label(tr("edit.sso")), ids, new HBox(8, provider, externalId, addId),
                Views.problem(model.getContacts().externalIdProblemProperty()),
                conflictLink(model.getContacts(), model.getContacts().externalIdProblemProperty()));

        // Password
        // One clear way to set a password: the editor sets the first one; later ones are set with Reset
        // password, which also asks whether to sign the person out.
        VBox passwordBox = model.isCreate() ? new NewPasswordField(model.getPassword(), "edit.password", "new", shown)
                : new VBox(4, new Label(tr("edit.password").replace("_", "")), Views.help(tr("edit.password.edit.help")));

        // Admin and type
        CheckBox admin = new CheckBox(tr("edit.admin"));
        admin.setId("admin");
        admin.setMnemonicParsing(true);
        admin.selectedProperty().bindBidirectional(model.adminProperty());
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll("", "bot", "support");
        type.setValue(model.userTypeProperty().get() == null ? "" : model.userTypeProperty().get());
        type.valueProperty().addListener((obs, old, now) -> model.userTypeProperty().set(now == null || now.isEmpty() ? null : now));
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? tr("edit.type.regular") : tr("edit.type." + value);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        HBox typeRow = new HBox(8, Views.labelFor("edit.type", type), type);
        typeRow.setAlignment(Pos.CENTER_LEFT);
        VBox roleBox = new VBox(6, admin, Views.help(tr("edit.admin.help")), typeRow);

        VBox content = new VBox(14, idBox, nameBox, avatarBox, passwordBox, emailBox, ssoBox, roleBox,
                Views.errorBox(model.errorProperty()), Views.checkAgainButton(model.getOutcome()));
        content.setPrefWidth(520);
        content.disableProperty().bind(model.busyProperty());
        setScrollableContent(content);

        addCancelButton(tr("edit.cancel"));
        Button save = addButton(model.isCreate() ? tr("edit.save.create") : tr("edit.save.edit"), true,
                () -> shown.trySave(model.isCreate() ? model.canSaveProperty().and(Bindings.isNotEmpty(model.getPassword().passwordProperty()))
                        : model.canSaveProperty(), model::save));
        save.setId("saveAccount");
        save.disableProperty().bind(model.busyProperty());
        save.textProperty().bind(Bindings.when(model.busyProperty()).then(tr("edit.saving"))
                .otherwise(model.isCreate() ? tr("edit.save.create") : tr("edit.save.edit")));

        model.closeRequestedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
        setOnHidden(e -> model.clearSecrets());
        setMinWidth(560);
        setHeight(Math.min(MAX_HEIGHT, Screen.getPrimary().getVisualBounds().getHeight() - 40));
        setOnShown(e -> (model.isCreate() ? localpart : displayName).requestFocus());
    }

    /** A list cell with a remove button beside the text. */
    static class RemovableCell<T> extends ListCell<T> {
        private final Consumer<T> remove;
        private final String removeText;

        RemovableCell(Consumer<T> remove, String removeText) {
            this.remove = remove;
            this.removeText = removeText;
        }

        protected String text(T item) {
            return String.valueOf(item);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label label = new Label(text(item));
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            Button button = new Button(null, new FontIcon(Feather.X));
            button.getStyleClass().addAll("flat", "small");
            button.setAccessibleText(removeText + " " + text(item));
            button.setOnAction(e -> {
                ListView<T> list = getListView();
                remove.accept(item);
                // The pressed button is gone with its row: keep focus in the list instead of letting it jump to
                // the top of the form.
                if (list != null) {
                    list.requestFocus();
                }
            });
            HBox row = new HBox(6, label, grow, button);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }

    /** "Open @bob:example.org": shown under the problem that names the account holding an email or SSO identity. */
    private static Node conflictLink(ContactsInput contacts, ObservableStringValue problem) {
        Hyperlink link = new Hyperlink();
        link.getStyleClass().add("conflict-link");
        link.textProperty().bind(Bindings.createStringBinding(
                () -> tr("conflict.open", contacts.conflictHolderProperty().get()), contacts.conflictHolderProperty()));
        link.visibleProperty().bind(contacts.conflictHolderProperty().isNotEmpty().and(
                Bindings.createBooleanBinding(() -> problem.get() != null && !problem.get().isEmpty(), problem)));
        link.managedProperty().bind(link.visibleProperty());
        link.setOnAction(e -> contacts.openConflictHolder());
        return link;
    }
}

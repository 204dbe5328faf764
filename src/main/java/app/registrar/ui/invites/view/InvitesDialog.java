package app.registrar.ui.invites.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.RegistrationToken;
import app.registrar.ui.common.view.ModalDialog;
import app.registrar.ui.common.view.Views;
import app.registrar.ui.invites.InvitesViewModel;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The invitations screen (registration tokens), bound to an {@link InvitesViewModel}. */
public final class InvitesDialog extends ModalDialog {

    public InvitesDialog(Window owner, InvitesViewModel model) {
        super(owner, tr("invites.title"));
        bindBusy(model.busyProperty());

        Label intro = new Label(tr("invites.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        Label signUpOff = new Label(tr("invites.signup.off"), new FontIcon(Feather.ALERT_TRIANGLE));
        signUpOff.setId("signUpOff");
        signUpOff.setWrapText(true);
        signUpOff.setMinHeight(Region.USE_PREF_SIZE);
        VBox signUpOffBox = new VBox(signUpOff);
        signUpOffBox.getStyleClass().add("warning-box");
        signUpOffBox.visibleProperty().bind(model.signUpOffProperty());
        signUpOffBox.managedProperty().bind(signUpOffBox.visibleProperty());

        TableView<RegistrationToken> table = new TableView<>(model.getTokens());
        table.setId("tokenTable");
        table.setPlaceholder(new Label(tr("invites.none")));
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<RegistrationToken, String> token = new TableColumn<>(tr("invites.column.token"));
        token.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().token()));
        TableColumn<RegistrationToken, String> uses = new TableColumn<>(tr("invites.column.uses"));
        uses.setCellValueFactory(c -> new SimpleStringProperty(model.usesText(c.getValue())));
        TableColumn<RegistrationToken, String> expiry = new TableColumn<>(tr("invites.column.expiry"));
        expiry.setCellValueFactory(c -> new SimpleStringProperty(model.expiryText(c.getValue())));
        table.getColumns().setAll(List.of(token, uses, expiry));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RegistrationToken item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("unusable");
                if (!empty && item != null && !model.isUsable(item)) {
                    getStyleClass().add("unusable");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });

        Button copy = small("invites.copy", Feather.COPY, "copyInvite", model::copyInvite);
        Button edit = small("invites.edit", Feather.EDIT_2, "editInvite", model::beginEdit);
        Button revoke = small("invites.revoke", Feather.TRASH_2, "revokeInvite", model::revoke);
        revoke.getStyleClass().add("danger");
        for (Button b : new Button[] {copy, edit, revoke}) {
            b.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        }
        HBox rowActions = new HBox(6, copy, edit, revoke);

        Label formTitle = new Label();
        formTitle.getStyleClass().add("section-title");
        formTitle.textProperty().bind(Bindings.createStringBinding(() -> model.editingProperty().get() == null
                ? tr("invites.form.new") : tr("invites.form.edit", model.editingProperty().get().token()), model.editingProperty()));

        TextField usesField = new TextField();
        usesField.setId("inviteUses");
        usesField.setPromptText(tr("invites.uses.prompt"));
        usesField.textProperty().bindBidirectional(model.usesProperty());
        DatePicker expiresOn = new DatePicker();
        expiresOn.setId("inviteExpiry");
        expiresOn.setPromptText(tr("invites.expiry.prompt"));
        expiresOn.valueProperty().bindBidirectional(model.expiresOnProperty());

        ToggleGroup kind = new ToggleGroup();
        RadioButton random = new RadioButton(tr("invites.random"));
        random.setToggleGroup(kind);
        random.setSelected(!model.chooseTokenProperty().get());
        model.chooseTokenProperty().addListener((obs, old, now) -> random.setSelected(!now));
        RadioButton chosen = new RadioButton(tr("invites.chosen"));
        chosen.setId("inviteChosen");
        chosen.setToggleGroup(kind);
        chosen.selectedProperty().bindBidirectional(model.chooseTokenProperty());
        TextField length = new TextField();
        length.setId("inviteLength");
        length.setPrefColumnCount(3);
        length.textProperty().bindBidirectional(model.lengthProperty());
        length.disableProperty().bind(model.chooseTokenProperty());
        TextField chosenToken = new TextField();
        chosenToken.setId("inviteToken");
        chosenToken.setPromptText(tr("invites.chosen.prompt"));
        chosenToken.textProperty().bindBidirectional(model.chosenTokenProperty());
        chosenToken.disableProperty().bind(model.chooseTokenProperty().not());
        HBox randomRow = new HBox(6, random, length, new Label(tr("invites.characters")));
        randomRow.setAlignment(Pos.CENTER_LEFT);
        HBox chosenRow = new HBox(6, chosen, chosenToken);
        chosenRow.setAlignment(Pos.CENTER_LEFT);
        VBox tokenKind = new VBox(4, randomRow, chosenRow);
        tokenKind.visibleProperty().bind(model.editingProperty().isNull());
        tokenKind.managedProperty().bind(tokenKind.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, Views.labelFor("invites.uses", usesField), usesField);
        form.addRow(1, Views.labelFor("invites.expiry", expiresOn), expiresOn);

        Button save = new Button();
        save.setId("saveInvite");
        save.setMnemonicParsing(true);
        save.getStyleClass().add("accent");
        save.textProperty().bind(Bindings.when(model.editingProperty().isNull()).then(tr("invites.create")).otherwise(tr("invites.save")));
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setOnAction(e -> model.save());
        Button cancelEdit = new Button(tr("invites.cancel.edit"));
        cancelEdit.setOnAction(e -> model.cancelEdit());
        cancelEdit.visibleProperty().bind(model.editingProperty().isNotNull());
        cancelEdit.managedProperty().bind(cancelEdit.visibleProperty());
        HBox formButtons = new HBox(8, save, cancelEdit);

        VBox formBox = new VBox(8, formTitle, form, tokenKind, Views.problem(model.problemProperty()), formButtons);
        formBox.getStyleClass().add("form-box");

        VBox content = new VBox(10, intro, signUpOffBox, table, rowActions, formBox, Views.errorBox(model.errorProperty()));
        content.setPrefWidth(640);
        setContent(content);
        addButton(tr("about.close"), false, this::close).setCancelButton(true);
        setOnShown(e -> model.load());
    }

    private static Button small(String key, Feather icon, String id, Runnable action) {
        Button button = new Button(tr(key), new FontIcon(icon));
        button.setId(id);
        button.setMnemonicParsing(true);
        button.getStyleClass().add("small");
        button.setOnAction(e -> action.run());
        return button;
    }
}

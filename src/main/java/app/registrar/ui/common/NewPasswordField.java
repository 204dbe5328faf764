package app.registrar.ui.common;

import static app.registrar.ui.common.I18n.tr;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The new-password block every dialog shares: field, Generate, the generated password with Copy, and its rules. */
public final class NewPasswordField extends VBox {

    private final PasswordField field = new PasswordField();

    /** {@code idPrefix} names the controls for tests: {@code <prefix>Password}, {@code <prefix>Generate}, {@code <prefix>Generated}. */
    public NewPasswordField(NewPasswordViewModel model, String labelKey, String idPrefix) {
        super(4);
        field.setId(idPrefix + "Password");
        field.textProperty().bindBidirectional(model.passwordProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        Button generate = new Button(tr("edit.password.generate"), new FontIcon(Feather.ZAP));
        generate.setId(idPrefix + "Generate");
        generate.setMnemonicParsing(true);
        generate.setOnAction(e -> model.generate());

        TextField shown = new TextField();
        shown.setId(idPrefix + "Generated");
        shown.setEditable(false);
        shown.textProperty().bind(model.generatedProperty());
        HBox.setHgrow(shown, Priority.ALWAYS);
        Button copy = new Button(tr("edit.password.copy"), new FontIcon(Feather.COPY));
        copy.setMnemonicParsing(true);
        copy.setOnAction(e -> model.copyGenerated());
        HBox shownRow = new HBox(8, shown, copy);
        shownRow.visibleProperty().bind(Bindings.isNotEmpty(model.generatedProperty()));
        shownRow.managedProperty().bind(shownRow.visibleProperty());

        Label ok = new Label(tr("password.ok"));
        ok.getStyleClass().add("help-text");
        ok.visibleProperty().bind(Bindings.isEmpty(model.problemProperty()).and(Bindings.isNotEmpty(model.passwordProperty())));
        ok.managedProperty().bind(ok.visibleProperty());

        getChildren().addAll(Views.labelFor(labelKey, field), new HBox(8, field, generate), shownRow,
                Views.problem(model.problemProperty()), ok);
    }

    public void focusField() {
        field.requestFocus();
    }
}

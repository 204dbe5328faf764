package app.registrar.ui.common.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.I18n;
import app.registrar.ui.common.NewPasswordViewModel;
import app.registrar.ui.common.ShownProblems;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The new-password block every dialog shares: field, Generate and Copy in one row, and its rules below. A
 * generated password is shown in place of the dots, in the same row, so pressing Generate never moves the form.
 */
public final class NewPasswordField extends VBox {

    private final PasswordField field = new PasswordField();

    public NewPasswordField(NewPasswordViewModel model, String labelKey, String idPrefix) {
        this(model, labelKey, idPrefix, new ShownProblems());
    }

    /** {@code idPrefix} names the controls for tests: {@code <prefix>Password}, {@code <prefix>Generate}, {@code <prefix>Generated}. */
    public NewPasswordField(NewPasswordViewModel model, String labelKey, String idPrefix, ShownProblems shown) {
        super(4);
        field.setId(idPrefix + "Password");
        field.textProperty().bindBidirectional(model.passwordProperty());
        Button generate = new Button(tr("edit.password.generate"), new FontIcon(Feather.ZAP));
        generate.setId(idPrefix + "Generate");
        generate.setMnemonicParsing(true);
        generate.setMinWidth(Region.USE_PREF_SIZE);
        generate.setOnAction(e -> model.generate());

        TextField plain = new TextField();
        plain.setId(idPrefix + "Generated");
        plain.setText(model.generatedProperty().get());
        // Editing the shown password makes it the admin's own: the dots come back, with the caret where it was.
        model.generatedProperty().addListener((obs, old, now) -> plain.setText(now));
        plain.textProperty().addListener((obs, old, now) -> {
            if (plain.isVisible() && !now.equals(model.generatedProperty().get())) {
                boolean typing = plain.isFocused();
                model.passwordProperty().set(now);
                if (typing) {
                    field.requestFocus();
                    field.positionCaret(now.length());
                }
            }
        });
        plain.setAccessibleText(tr("password.generated.accessible"));
        plain.visibleProperty().bind(Bindings.isNotEmpty(model.generatedProperty()));
        field.visibleProperty().bind(plain.visibleProperty().not());
        StackPane value = new StackPane(field, plain);
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button(tr("edit.password.copy"), new FontIcon(Feather.COPY));
        copy.setMnemonicParsing(true);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> model.copyGenerated());
        copy.disableProperty().bind(Bindings.isEmpty(model.generatedProperty()));

        Label ok = new Label(tr("password.ok"));
        ok.getStyleClass().add("help-text");
        ok.visibleProperty().bind(Bindings.isEmpty(model.problemProperty()).and(Bindings.isNotEmpty(model.passwordProperty())));
        ok.managedProperty().bind(ok.visibleProperty());

        HBox row = new HBox(8, value, generate, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(Views.labelFor(labelKey, field), row,
                Views.problem(shown.after(model.passwordProperty(), model.problemProperty())), ok);
    }

    public void focusField() {
        field.requestFocus();
    }
}

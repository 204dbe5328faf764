package app.registrar.ui.bulk.view;

import static app.registrar.ui.common.I18n.tr;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The "Choose passwords file…" button of the import and bulk dialogs, with the chosen path beside it. */
final class PasswordsFileRow {

    private PasswordsFileRow() {
    }

    /** The row for {@code file}; the button asks the view model, which opens the chooser through DialogService. */
    static HBox of(ObservableValue<Path> file, Runnable choose) {
        Label chosen = new Label();
        chosen.textProperty().bind(Bindings.createStringBinding(
                () -> file.getValue() == null ? tr("bulk.passwords.none") : file.getValue().toString(), file));
        Button button = new Button(tr("bulk.passwords.choose"));
        button.setOnAction(e -> choose.run());
        HBox row = new HBox(8, button, chosen);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}

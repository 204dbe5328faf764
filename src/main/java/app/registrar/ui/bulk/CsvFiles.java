package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file choosers of the bulk dialogs: CSV to read, CSV to write, and the generated-passwords file. */
public final class CsvFiles {

    private CsvFiles() {
    }

    public static Optional<Path> open(Window owner) {
        FileChooser chooser = chooser(tr("bulk.file.open"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    public static Optional<Path> save(Window owner, String title, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    /** A "Choose passwords file…" button with the chosen path beside it, bound to {@code file}. */
    public static HBox passwordsFileRow(ObjectProperty<Path> file) {
        Label chosen = new Label();
        chosen.textProperty().bind(Bindings.createStringBinding(
                () -> file.get() == null ? tr("bulk.passwords.none") : file.get().toString(), file));
        Button choose = new Button(tr("bulk.passwords.choose"));
        choose.setOnAction(e -> save(choose.getScene().getWindow(), tr("bulk.passwords.choose"), "passwords.csv")
                .ifPresent(file::set));
        HBox row = new HBox(8, choose, chosen);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(tr("bulk.file.csv"), "*.csv", "*.txt"));
        return chooser;
    }
}

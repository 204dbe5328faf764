package app.registrar.ui.bulk;

import static app.registrar.ui.common.I18n.tr;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
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
    public static javafx.scene.layout.HBox passwordsFileRow(javafx.beans.property.ObjectProperty<Path> file) {
        javafx.scene.control.Label chosen = new javafx.scene.control.Label();
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> file.get() == null ? tr("bulk.passwords.none") : file.get().toString(), file));
        javafx.scene.control.Button choose = new javafx.scene.control.Button(tr("bulk.passwords.choose"));
        choose.setOnAction(e -> save(choose.getScene().getWindow(), tr("bulk.passwords.choose"), "passwords.csv")
                .ifPresent(file::set));
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, choose, chosen);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(tr("bulk.file.csv"), "*.csv", "*.txt"));
        return chooser;
    }
}

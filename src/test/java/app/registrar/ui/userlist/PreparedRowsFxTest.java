package app.registrar.ui.userlist;

import static app.registrar.testing.FxWorkers.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import app.registrar.service.AccountService;
import app.registrar.service.ConnectionService;
import app.registrar.service.CurrentThreadTaskExecutor;
import app.registrar.testing.FxWorkers;
import app.registrar.testing.NoListActions;
import app.registrar.ui.common.view.Theme;
import app.registrar.ui.userlist.view.UserListView;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** The list's row cells are made before the first page (while signing in), with rows no one ever sees. */
class PreparedRowsFxTest {

    @Test
    void cellsMadeAheadShowNothingOfTheMadeUpRowsAndTheListStaysEmptyUntilThePageComes() {
        FxWorkers.startToolkit();
        ConnectionService notSignedIn = new ConnectionService(new CurrentThreadTaskExecutor());
        UserListViewModel model = onFx(() -> new UserListViewModel(
                new AccountService(new CurrentThreadTaskExecutor(), notSignedIn)));

        List<String> shown = onFx(() -> {
            Theme.apply();
            UserListView view = new UserListView(model, new NoListActions());
            Scene scene = new Scene(view, 900, 600);
            scene.getStylesheets().add(Theme.stylesheet());
            view.prepareRows();
            view.applyCss();
            view.layout();
            TableView<UserRowViewModel> table = view.table();
            assertThat(table.getItems()).as("the model's own rows").isSameAs(model.getRows()).isEmpty();
            return table.lookupAll(".table-cell").stream()
                    .flatMap(cell -> texts(cell).stream())
                    .filter(text -> !text.isBlank())
                    .toList();
        });

        assertThat(shown).as("text left in the cells made ahead").isEmpty();
    }

    private static List<String> texts(Node cell) {
        // the cell's own text, and any label it shows (status chips, avatar initials; hidden ones are never drawn)
        return Stream.concat(Stream.of(cell), cell.lookupAll(".label").stream().filter(label -> shown(label, cell)))
                .map(n -> n instanceof Labeled labeled ? labeled.getText() : null)
                .filter(text -> text != null)
                .toList();
    }

    private static boolean shown(Node node, Node within) {
        for (Node n = node; n != null && n != within.getParent(); n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

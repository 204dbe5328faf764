package app.registrar.ui.audit.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.audit.AuditEntry;
import app.registrar.ui.audit.AuditViewModel;
import app.registrar.ui.audit.RecentChangesViewModel;
import app.registrar.ui.common.Formats;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "Recent changes" under the account's details: the last actions recorded on it, newest first. */
public final class RecentChangesView extends VBox {

    public RecentChangesView(RecentChangesViewModel model) {
        super(4);
        setId("recentChanges");
        setPadding(new Insets(8, 0, 8, 0));
        Label title = new Label(tr("audit.recent"));
        title.getStyleClass().add("title-4");
        VBox lines = new VBox(2);
        Runnable refill = () -> {
            lines.getChildren().clear();
            if (model.getEntries().isEmpty()) {
                Label none = new Label(tr("audit.recent.none"));
                none.getStyleClass().add("placeholder-text");
                none.setWrapText(true);
                none.setMinHeight(Region.USE_PREF_SIZE);
                lines.getChildren().add(none);
            }
            for (AuditEntry e : model.getEntries()) {
                Label line = new Label(Formats.dateTime(e.sent()) + "  " + AuditViewModel.actionLabel(e.action())
                        + " · " + AuditViewModel.outcomeLabel(e) + " · " + e.admin());
                line.setWrapText(true);
                lines.getChildren().add(line);
            }
        };
        model.getEntries().addListener((ListChangeListener<AuditEntry>) change -> refill.run());
        refill.run();
        getChildren().addAll(title, lines);
    }
}

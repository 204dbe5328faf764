package app.registrar.ui.deactivate;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.api.RemovalPreview;
import app.registrar.service.AccountService;
import app.registrar.ui.common.ErrorMessages;
import app.registrar.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "What will go": read when the deactivate dialog opens, so the admin sees the rooms, devices, emails and media of
 * the account before confirming, and for erase who stops seeing what.
 */
public final class RemovalPreviewViewModel {

    private final AccountService service;
    private final String userId;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RemovalPreview> preview = new ReadOnlyObjectWrapper<>();
    /** Whether the media is deleted first (the tick): the media line then no longer says it stays. */
    private boolean mediaDeleted;

    public RemovalPreviewViewModel(AccountService service, String userId) {
        this.service = service;
        this.userId = userId;
    }

    public void load() {
        loading.set(true);
        problem.set("");
        service.removalPreview(userId)
                .onSuccess(found -> {
                    preview.set(found);
                    lines.setAll(describe(found, mediaDeleted));
                })
                .onFailure(e -> problem.set(tr("preview.failed", ErrorMessages.describe(e).message())))
                .andFinally(() -> loading.set(false))
                .start();
    }

    /** The media tick changed: the media line says whether the files stay or go. */
    void mediaDeleted(boolean deleted) {
        mediaDeleted = deleted;
        if (preview.get() != null) {
            lines.setAll(describe(preview.get(), deleted));
        }
    }

    static List<String> describe(RemovalPreview p, boolean mediaDeleted) {
        List<String> out = new ArrayList<>();
        out.add(p.roomCount() == 0 ? tr("preview.rooms.none")
                : tr("preview.rooms", p.roomCount(), String.join(", ", p.firstRoomNames())
                        + (p.roomCount() > p.firstRoomNames().size() ? ", …" : "")));
        out.add(tr("preview.devices", p.deviceCount()));
        out.add(p.emails().isEmpty() ? tr("preview.emails.none") : tr("preview.emails", p.emails().size(), String.join(", ", p.emails())));
        out.add(tr(mediaDeleted ? "preview.media.deleted" : "preview.media", p.mediaCount(),
                Formats.bytes(p.mediaBytes())));
        return out;
    }

    public ObservableList<String> getLines() {
        return lines;
    }

    public ReadOnlyObjectProperty<RemovalPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

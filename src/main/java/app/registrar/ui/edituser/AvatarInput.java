package app.registrar.ui.edituser;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.service.AccountService;
import app.registrar.ui.common.DialogService;
import app.registrar.ui.common.ErrorMessages;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The account's picture as edited: the current one shown, a new file chosen (read on a worker, since a file can
 * sit on a slow share), or removed. Nothing is uploaded before the dialog saves.
 */
public final class AvatarInput {

    static final long MAX_AVATAR_BYTES = 5L * 1024 * 1024;

    /** A picture file that was read and recognised. */
    record Chosen(byte[] bytes, String type, String name) {
    }

    private final DialogService dialogs;
    private final AccountService service;
    private final String currentUrl;
    private final ReadOnlyObjectWrapper<byte[]> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    // Not the preview: the current picture arriving from the server is no change of the admin's.
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();
    private Chosen chosen;
    private boolean removed;

    AvatarInput(AccountService service, DialogService dialogs, String currentAvatarUrl) {
        this.dialogs = dialogs;
        this.service = service;
        this.currentUrl = currentAvatarUrl;
        if (currentAvatarUrl != null && currentAvatarUrl.startsWith("mxc://")) {
            service.thumbnail(currentAvatarUrl, 96).onSuccess(bytes -> {
                if (chosen == null && !removed) {
                    preview.set(bytes);
                }
            }).start();
        }
    }

    /** Lets the admin pick a picture; it is uploaded when the dialog saves. */
    public void choose() {
        dialogs.chooseImage().ifPresent(this::useFile);
    }

    void useFile(Path file) {
        problem.set("");
        service.readPicture(file, MAX_AVATAR_BYTES)
                .onSuccess(read -> {
                    String type = read.map(ImageTypes::detect).orElse(null);
                    if (read.isEmpty()) {
                        problem.set(tr("edit.avatar.too.large"));
                    } else if (type == null) {
                        problem.set(tr("edit.avatar.not.image"));
                    } else {
                        chosen = new Chosen(read.get(), type, file.getFileName().toString());
                        removed = false;
                        preview.set(read.get());
                        edited.set(true);
                    }
                })
                // A file that cannot be read is not "not a picture": say what happened to it.
                .onFailure(e -> problem.set(ErrorMessages.describe(e).summary()))
                .start();
    }

    public void remove() {
        chosen = null;
        removed = true;
        preview.set(null);
        edited.set(true);
    }

    /** True once the admin picked a new picture or removed the one shown. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** Whether the account has (or will have) a picture. */
    public boolean isPresent() {
        return chosen != null || (!removed && currentUrl != null && !currentUrl.isEmpty());
    }

    /** The new picture to upload before saving, or null. */
    Chosen chosen() {
        return chosen;
    }

    /** True when the admin removed the picture the account had. */
    boolean removesCurrent() {
        return removed && currentUrl != null;
    }

    public ReadOnlyObjectProperty<byte[]> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

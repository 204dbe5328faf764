package app.registrar.ui.common;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The two spam and abuse ticks of a deactivation, single or bulk — remove every message sent, delete the media
 * uploaded — each with its preview. Counting messages reads every room, so it starts only when the redact box is
 * first ticked; what is counted, and how the media preview reads, is the subclass's.
 */
public abstract class LeftBehindTicks {

    private final BooleanProperty redact = new SimpleBooleanProperty(false);
    private final BooleanProperty deleteMedia = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper messagesPreview = new ReadOnlyStringWrapper("");
    private final StringBinding mediaPreview;
    private boolean countStarted;

    protected LeftBehindTicks(StringBinding mediaPreview) {
        this.mediaPreview = mediaPreview;
        redact.addListener((obs, old, now) -> {
            if (now && !countStarted) {
                countStarted = true;
                countMessages();
            }
        });
    }

    /** Starts counting the messages that would go, showing progress and the count through {@link #showMessages}. */
    protected abstract void countMessages();

    protected final void showMessages(String text) {
        messagesPreview.set(text);
    }

    public final BooleanProperty redactProperty() {
        return redact;
    }

    public final BooleanProperty deleteMediaProperty() {
        return deleteMedia;
    }

    /** How many messages would go, once counted after the tick. */
    public final ReadOnlyStringProperty messagesPreviewProperty() {
        return messagesPreview.getReadOnlyProperty();
    }

    public final StringBinding mediaPreviewProperty() {
        return mediaPreview;
    }
}

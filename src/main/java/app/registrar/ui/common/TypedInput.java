package app.registrar.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * Whether the admin typed, picked or ticked anything in a dialog since it opened, so that closing it (Escape,
 * Cancel, the window's close button) asks before throwing that away ({@code ModalDialog.askBeforeDiscarding}).
 * A field changed and changed back counts as untouched; once the dialog's work is {@link #doneWhen done} (saved,
 * imported), nothing is left to lose.
 */
public final class TypedInput {

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper();
    private final List<BooleanSupplier> changes = new ArrayList<>();
    private final InvalidationListener update = observable -> update();
    private ObservableBooleanValue done;

    /** Watches {@code field}: it counts as typed input while its value differs from the one it has now. */
    public TypedInput watch(ObservableValue<?> field) {
        Object start = field.getValue();
        changes.add(() -> !Objects.equals(field.getValue(), start));
        field.addListener(update);
        update();
        return this;
    }

    /** Watches a list (emails, SSO identities): it counts while its items differ from the ones it holds now. */
    public TypedInput watch(ObservableList<?> list) {
        List<Object> start = new ArrayList<>(list);
        changes.add(() -> !start.equals(list));
        list.addListener(update);
        update();
        return this;
    }

    /** From the moment {@code finished} is true, nothing typed is at stake any more. */
    public TypedInput doneWhen(ObservableBooleanValue finished) {
        if (done != null) {
            done.removeListener(update);
        }
        done = finished;
        finished.addListener(update);
        update();
        return this;
    }

    private void update() {
        boolean changed = changes.stream().anyMatch(BooleanSupplier::getAsBoolean);
        present.set(changed && (done == null || !done.get()));
    }

    /** True while closing the dialog would lose something the admin typed or chose. */
    public boolean isPresent() {
        return present.get();
    }

    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }
}

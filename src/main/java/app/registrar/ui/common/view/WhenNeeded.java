package app.registrar.ui.common.view;

import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A place in a layout for a part that is made the first time it is needed and kept from then on: shown while
 * {@code needed} holds, and taking no space otherwise, as a part bound to be hidden would. A hidden part costs
 * the first window as much as a shown one (JavaFX styles it and makes its controls' skins all the same), so a
 * first screen made of parts that wait here is styled and shown sooner (issue 15: the connect screen's other
 * sign-in methods, its error area and its spinner).
 */
public final class WhenNeeded extends VBox {

    public WhenNeeded(ObservableValue<Boolean> needed, Supplier<? extends Node> make) {
        visibleProperty().bind(needed);
        managedProperty().bind(visibleProperty());
        if (Boolean.TRUE.equals(needed.getValue())) {
            getChildren().add(make.get());
        } else {
            needed.addListener((obs, was, now) -> {
                if (Boolean.TRUE.equals(now) && getChildren().isEmpty()) {
                    getChildren().add(make.get());
                }
            });
        }
    }
}

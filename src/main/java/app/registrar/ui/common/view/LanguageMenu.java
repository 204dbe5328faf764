package app.registrar.ui.common.view;

import static app.registrar.ui.common.I18n.tr;

import app.registrar.ui.common.I18n;
import app.registrar.ui.common.LanguageSetting;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The language menu: "Follow the system" and each shipped language by its own name; the choice is remembered. */
public final class LanguageMenu extends MenuButton {

    public LanguageMenu(LanguageSetting setting, Runnable onChanged) {
        super(name(I18n.locale()), new FontIcon(Feather.GLOBE));
        setId("language");
        setMnemonicParsing(false);
        getStyleClass().add("flat");
        setAccessibleText(tr("language.choose"));
        setTooltip(new Tooltip(tr("language.choose")));
        setMinWidth(USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        Locale system = setting.system();
        RadioMenuItem follow = new RadioMenuItem(tr("language.system", name(system)));
        follow.setId("languageSystem");
        follow.setToggleGroup(group);
        follow.setSelected(setting.chosen().isEmpty());
        follow.setOnAction(e -> {
            setting.choose(Optional.empty());
            onChanged.run();
        });
        getItems().add(follow);
        for (Locale language : I18n.SHIPPED) {
            RadioMenuItem item = new RadioMenuItem(name(language));
            item.setId("language-" + language.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(setting.chosen().map(c -> c.getLanguage().equals(language.getLanguage())).orElse(false));
            item.setOnAction(e -> {
                setting.choose(Optional.of(language));
                onChanged.run();
            });
            getItems().add(item);
        }
    }

    /** A language by its own name, as its speakers look for it ("Deutsch", "Français"). */
    private static String name(Locale language) {
        String own = language.getDisplayLanguage(language);
        return own.isEmpty() ? language.getLanguage() : own.substring(0, 1).toUpperCase(language) + own.substring(1);
    }

}

package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The language choice: the system's by default, the admin's once chosen, remembered for the next start. */
class LanguageSettingTest {

    private final Preferences prefs = Preferences.userRoot().node("app/registrar/test/" + UUID.randomUUID());

    @AfterEach
    void cleanUp() throws BackingStoreException {
        prefs.removeNode();
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void withoutAChoiceRegistrarFollowsTheSystem() {
        LanguageSetting setting = new LanguageSetting(prefs, Locale.GERMANY);

        assertThat(setting.chosen()).isEmpty();
        assertThat(I18n.supported(setting.effective())).isEqualTo(Locale.GERMAN);
    }

    @Test
    void aChoiceIsSpokenAtOnceAndRememberedForTheNextStart() {
        new LanguageSetting(prefs, Locale.GERMANY).choose(Optional.of(Locale.FRENCH));

        assertThat(I18n.locale()).isEqualTo(Locale.FRENCH);
        assertThat(I18n.tr("list.create")).isEqualTo("_Nouveau compte…");
        LanguageSetting nextStart = new LanguageSetting(prefs, Locale.GERMANY);
        assertThat(nextStart.effective()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void englishChosenOnAGermanSystemStaysEnglish() {
        new LanguageSetting(prefs, Locale.GERMANY).choose(Optional.of(Locale.ENGLISH));

        assertThat(I18n.tr("list.create")).isEqualTo("_New account…");
    }

    @Test
    void followingTheSystemAgainForgetsTheChoice() {
        LanguageSetting setting = new LanguageSetting(prefs, Locale.forLanguageTag("es-ES"));
        setting.choose(Optional.of(Locale.GERMAN));

        setting.choose(Optional.empty());

        assertThat(setting.chosen()).isEmpty();
        assertThat(I18n.locale()).isEqualTo(Locale.forLanguageTag("es"));
    }

    @Test
    void anUnshippedLanguageFallsBackToEnglish() {
        assertThat(I18n.supported(Locale.JAPANESE)).isEqualTo(Locale.ENGLISH);
    }
}

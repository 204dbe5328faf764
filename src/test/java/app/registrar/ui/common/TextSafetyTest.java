package app.registrar.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 9, section 6: emoji joined by U+200D are pictures, not hidden characters; a lone joiner still is. */
class TextSafetyTest {

    @Test
    void emojiSequencesJoinedByZeroWidthJoinersAreNotFlagged() {
        String[] sequences = {
            "Ada 👩‍💻",                  // woman technologist
            "👨‍👩‍👧 family",             // family
            "🏳️‍🌈",                     // rainbow flag: flag, VS16, ZWJ, rainbow
            "❤️‍🔥",                     // heart on fire: dingbat heart, VS16, ZWJ
            "👩🏽‍💻",                     // with a skin tone before the joiner
            "🧑‍⚕️ Dr. Lee",              // joiner before a dingbat symbol
        };
        for (String name : sequences) {
            assertThat(TextSafety.hasHidden(name)).as(name).isFalse();
            assertThat(TextSafety.visible(name)).isEqualTo(name);
        }
    }

    @Test
    void aLoneJoinerAndDirectionOverridesAreStillFlagged() {
        assertThat(TextSafety.hasHidden("ad\u200Dmin")).isTrue();
        assertThat(TextSafety.visible("ad\u200Dmin")).isEqualTo("ad[U+200D]min");
        assertThat(TextSafety.hasHidden("\u200D👩")).isTrue();
        assertThat(TextSafety.hasHidden("👩\u200D")).isTrue();
        assertThat(TextSafety.hasHidden("👩\u200Dx")).isTrue();
        assertThat(TextSafety.visible("ab\u202Ecd")).isEqualTo("ab[U+202E]cd");
        assertThat(TextSafety.hasHidden("a\u200Bb")).isTrue();
    }
}

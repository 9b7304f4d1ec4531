package dev.semdex.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.text.Font;

/**
 * Emoji in passages: JavaFX draws a run of text in one font, so an emoji the text font lacks comes out as a box.
 * Emoji are cut into runs of their own and drawn with the first emoji font installed, if any; the other runs keep
 * the theme's font.
 */
public final class EmojiFont {

    /** Colour first, then outline fonts, then the wide-coverage symbol fonts; the first one installed is used. */
    public static final List<String> CANDIDATES = List.of("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji",
            "Twemoji", "JoyPixels", "Noto Emoji", "Symbola", "Segoe UI Symbol", "DejaVu Sans");

    private static volatile String family;

    private EmojiFont() {}

    /** The family emoji are drawn with, or null when none of the candidates is installed. */
    public static String family() {
        String f = family;
        if (f == null) {
            Set<String> installed = Set.copyOf(Font.getFamilies());
            f = CANDIDATES.stream().filter(installed::contains).findFirst().orElse("");
            family = f;
        }
        return f.isEmpty() ? null : f;
    }

    /** A run of text, and whether it is emoji. */
    public record Run(String text, boolean emoji) {}

    /** Cuts {@code text} into emoji and other runs, in order, joined they are {@code text} again. */
    public static List<Run> runs(String text) {
        List<Run> out = new ArrayList<>();
        int start = 0;
        boolean inEmoji = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean emoji = isEmoji(cp) || (inEmoji && joinsEmoji(cp));
            if (emoji != inEmoji && i > start) {
                out.add(new Run(text.substring(start, i), inEmoji));
                start = i;
            }
            inEmoji = emoji;
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            out.add(new Run(text.substring(start), inEmoji));
        }
        return out;
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
                || cp == 0x2122 || cp == 0x2139 || (cp >= 0x2190 && cp <= 0x21FF && cp > 0x2199);
    }

    /** Zero-width joiner, variation selectors and skin tones: parts of the emoji before them. */
    private static boolean joinsEmoji(int cp) {
        return cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}

package dev.semdex.ui.settings;

import java.util.List;

/**
 * What the settings found of Tesseract: whether it runs, and the languages whose trained data it has.
 *
 * @param languages language codes as {@code tesseract --list-langs} prints them, sorted; empty when not installed
 */
public record OcrSetup(boolean installed, List<String> languages) {

    public OcrSetup {
        languages = List.copyOf(languages);
    }
}

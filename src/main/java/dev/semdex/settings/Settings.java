package dev.semdex.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.semdex.embed.ModelCatalog;

/**
 * What the user chose in the settings dialog, plus the window's last position. Immutable: a change makes a new
 * value, which {@link SettingsStore} writes. Missing or invalid values (an older or hand-edited file) fall back to
 * the defaults, so a settings file can never stop the app from starting.
 *
 * @param embeddingThreads ONNX Runtime sessions used for embedding in the window; a change applies from the next
 *                         indexing run (the model is opened again), no restart
 * @param theme            {@link #LIGHT} or {@link #DARK}
 * @param ollamaUrl        Ollama server for remote embeddings (stored only until the Ollama support lands)
 * @param window           last window bounds, null before the first close
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(int embeddingThreads, String defaultModel, String theme, String ollamaUrl, String ollamaModel,
        WindowBounds window) {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";

    public Settings {
        if (embeddingThreads <= 0) {
            embeddingThreads = defaultThreads();
        }
        if (defaultModel == null || defaultModel.isBlank()) {
            defaultModel = ModelCatalog.DEFAULT_MODEL;
        }
        if (!DARK.equals(theme)) {
            theme = LIGHT;
        }
        if (ollamaUrl == null || ollamaUrl.isBlank()) {
            ollamaUrl = DEFAULT_OLLAMA_URL;
        }
        if (ollamaModel == null) {
            ollamaModel = "";
        }
        if (window != null && (window.width() < 200 || window.height() < 150)) {
            window = null;
        }
    }

    public static Settings defaults() {
        return new Settings(0, null, LIGHT, null, null, null);
    }

    /** All cores but one, so the window and searches stay quick while a folder is indexed; at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public boolean dark() {
        return DARK.equals(theme);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(embeddingThreads, defaultModel, theme, ollamaUrl, ollamaModel, bounds);
    }

    public Settings withTheme(String newTheme) {
        return new Settings(embeddingThreads, defaultModel, newTheme, ollamaUrl, ollamaModel, window);
    }

    /** Where and how large the main window was. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}
}

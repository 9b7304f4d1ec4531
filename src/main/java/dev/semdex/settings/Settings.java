package dev.semdex.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.OcrOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the user chose in the settings dialog, plus the window's last position. Immutable: a change makes a new
 * value, which {@link SettingsStore} writes. Missing or invalid values (an older or hand-edited file) fall back to
 * the defaults, so a settings file can never stop the app from starting.
 *
 * @param embeddingThreads ONNX Runtime sessions used for embedding in the window; a change applies from the next
 *                         indexing run (the model is opened again), no restart
 * @param theme            {@link #LIGHT} or {@link #DARK}
 * @param ollamaUrl        Ollama server for remote embeddings
 * @param ollamaModel      the Ollama model the settings dialog checks, e.g. nomic-embed-text
 * @param window           last window bounds, null before the first close
 * @param ollamaHeaders    extra headers for the Ollama server (a proxy's bearer token); never logged
 * @param hubUrl           Hugging Face hub to download from; blank means {@code HF_ENDPOINT}, then huggingface.co
 * @param longChunkTokens  chunk size for models that accept long inputs (Jina v2, up to 8192 tokens)
 * @param ollamaTimeoutSeconds per request to the Ollama server
 * @param ollamaBatchSize  texts per request
 * @param ollamaParallel   requests in flight at once
 * @param ocrEnabled       read the text in images and scanned pages with Tesseract; null (a settings file from before
 *                         OCR) means on, which takes effect where Tesseract is installed
 * @param ocrLanguages     Tesseract language codes joined by {@code +}, from those it has installed
 * @param ocrPageSeconds   time budget of one page or image
 * @param tesseractFolder  where the {@code tesseract} program is when it is not on the PATH (Windows); blank: PATH
 * @param ollamaUrls       every Ollama server to embed on, the first being {@code ollamaUrl}; a file written before
 *                         there could be several has only {@code ollamaUrl}, which becomes the list of one. Both are
 *                         written, so that an older Semdex reading the file still finds the first server.
 * @param indexSourceCode  index the code in source trees (a checkout with .git, a project with its build files) as
 *                         well as their prose; null (a file from before the choice) means off
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(int embeddingThreads, String defaultModel, String theme, String ollamaUrl, String ollamaModel,
        WindowBounds window, Map<String, String> ollamaHeaders, String hubUrl, int longChunkTokens,
        int ollamaTimeoutSeconds, int ollamaBatchSize, int ollamaParallel, Boolean ocrEnabled, String ocrLanguages,
        int ocrPageSeconds, String tesseractFolder, List<String> ollamaUrls, Boolean indexSourceCode) {

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
        ollamaUrls = ollamaUrls == null ? List.of()
                : ollamaUrls.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).distinct().toList();
        if (!ollamaUrls.isEmpty()) {
            ollamaUrl = ollamaUrls.get(0);
        }
        if (ollamaUrl == null || ollamaUrl.isBlank()) {
            ollamaUrl = DEFAULT_OLLAMA_URL;
        }
        if (ollamaUrls.isEmpty()) {
            ollamaUrls = List.of(ollamaUrl);
        }
        if (ollamaModel == null) {
            ollamaModel = "";
        }
        if (window != null && (window.width() < 200 || window.height() < 150)) {
            window = null;
        }
        ollamaHeaders = ollamaHeaders == null ? Map.of() : Map.copyOf(ollamaHeaders);
        hubUrl = hubUrl == null ? "" : hubUrl.strip();
        if (longChunkTokens <= 0) {
            longChunkTokens = ModelCatalog.DEFAULT_LONG_CHUNK_TOKENS;
        }
        longChunkTokens = Math.max(MIN_CHUNK_TOKENS, Math.min(MAX_LONG_CHUNK_TOKENS, longChunkTokens));
        ollamaTimeoutSeconds = ollamaTimeoutSeconds <= 0 ? 120 : ollamaTimeoutSeconds;
        ollamaBatchSize = ollamaBatchSize <= 0 ? 32 : Math.min(ollamaBatchSize, 1024);
        ollamaParallel = ollamaParallel <= 0 ? 2 : Math.min(ollamaParallel, 16);
        ocrEnabled = ocrEnabled == null || ocrEnabled;
        OcrOptions ocr = new OcrOptions(ocrEnabled, ocrLanguages, Duration.ofSeconds(Math.max(0, ocrPageSeconds)),
                tesseractFolder);
        ocrLanguages = ocr.languages();
        ocrPageSeconds = (int) Math.min(MAX_OCR_PAGE_SECONDS, ocr.pageTimeout().toSeconds());
        tesseractFolder = ocr.tesseractFolder();
        indexSourceCode = indexSourceCode != null && indexSourceCode;
    }

    /** The settings written before OCR and several Ollama servers existed: both take their defaults. */
    public Settings(int embeddingThreads, String defaultModel, String theme, String ollamaUrl, String ollamaModel,
            WindowBounds window, Map<String, String> ollamaHeaders, String hubUrl, int longChunkTokens,
            int ollamaTimeoutSeconds, int ollamaBatchSize, int ollamaParallel) {
        this(embeddingThreads, defaultModel, theme, ollamaUrl, ollamaModel, window, ollamaHeaders, hubUrl,
                longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, null, null, 0, null, null,
                null);
    }

    /** An hour: a page that takes longer is not a page. */
    public static final int MAX_OCR_PAGE_SECONDS = 3600;

    /** Jina v2's input limit. */
    public static final int MAX_LONG_CHUNK_TOKENS = 8192;
    public static final int MIN_CHUNK_TOKENS = 128;

    public static Settings defaults() {
        return new Settings(0, null, LIGHT, null, null, null, null, null, 0, 0, 0, 0, null, null, 0, null, null, null);
    }

    /** All cores but one, so the window and searches stay quick while a folder is indexed; at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public boolean dark() {
        return DARK.equals(theme);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(embeddingThreads, defaultModel, theme, ollamaUrl, ollamaModel, bounds, ollamaHeaders,
                hubUrl, longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled,
                ocrLanguages, ocrPageSeconds, tesseractFolder, ollamaUrls, indexSourceCode);
    }

    public Settings withTheme(String newTheme) {
        return new Settings(embeddingThreads, defaultModel, newTheme, ollamaUrl, ollamaModel, window, ollamaHeaders,
                hubUrl, longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled,
                ocrLanguages, ocrPageSeconds, tesseractFolder, ollamaUrls, indexSourceCode);
    }

    /** The same settings embedding with another number of threads. */
    public Settings withEmbeddingThreads(int threads) {
        return new Settings(threads, defaultModel, theme, ollamaUrl, ollamaModel, window, ollamaHeaders, hubUrl,
                longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled, ocrLanguages,
                ocrPageSeconds, tesseractFolder, ollamaUrls, indexSourceCode);
    }

    public Settings withDefaultModel(String modelId) {
        return new Settings(embeddingThreads, modelId, theme, ollamaUrl, ollamaModel, window, ollamaHeaders, hubUrl,
                longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled,
                ocrLanguages, ocrPageSeconds, tesseractFolder, ollamaUrls, indexSourceCode);
    }

    /** The Ollama part of the settings dialog; {@code url} becomes the first server, the others stay. */
    public Settings withOllama(String url, String model, Map<String, String> headers) {
        List<String> urls = new ArrayList<>(ollamaUrls);
        urls.set(0, url == null || url.isBlank() ? DEFAULT_OLLAMA_URL : url);
        return new Settings(embeddingThreads, defaultModel, theme, url, model, window, headers, hubUrl,
                longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled,
                ocrLanguages, ocrPageSeconds, tesseractFolder, urls, indexSourceCode);
    }

    /**
     * Every server to embed on, in the order the user listed them; the first is {@link #ollamaUrl()}. An empty list
     * means the default server.
     */
    public Settings withOllamaServers(List<String> urls) {
        List<String> list = urls == null ? List.of() : urls;
        String first = list.isEmpty() ? DEFAULT_OLLAMA_URL : list.get(0);
        return new Settings(embeddingThreads, defaultModel, theme, first, ollamaModel, window, ollamaHeaders, hubUrl,
                longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled, ocrLanguages,
                ocrPageSeconds, tesseractFolder, list, indexSourceCode);
    }

    /** Timeout, batch size and requests in flight for the Ollama server. */
    public Settings withOllamaLimits(int timeoutSeconds, int batchSize, int parallel) {
        return new Settings(embeddingThreads, defaultModel, theme, ollamaUrl, ollamaModel, window, ollamaHeaders,
                hubUrl, longChunkTokens, timeoutSeconds, batchSize, parallel, ocrEnabled, ocrLanguages,
                ocrPageSeconds, tesseractFolder, ollamaUrls, indexSourceCode);
    }

    /** The model part of the settings dialog. */
    public Settings withModels(int threads, String newDefaultModel, String newHubUrl, int newLongChunkTokens) {
        return new Settings(threads, newDefaultModel, theme, ollamaUrl, ollamaModel, window, ollamaHeaders,
                newHubUrl, newLongChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled,
                ocrLanguages, ocrPageSeconds, tesseractFolder, ollamaUrls, indexSourceCode);
    }

    /** The OCR part of the settings. */
    public Settings withOcr(boolean enabled, String languages, int pageSeconds, String folder) {
        return new Settings(embeddingThreads, defaultModel, theme, ollamaUrl, ollamaModel, window, ollamaHeaders,
                hubUrl, longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, enabled, languages,
                pageSeconds, folder, ollamaUrls, indexSourceCode);
    }

    /** Whether code in source trees is indexed, or only their prose. */
    public Settings withSourceCode(boolean index) {
        return new Settings(embeddingThreads, defaultModel, theme, ollamaUrl, ollamaModel, window, ollamaHeaders,
                hubUrl, longChunkTokens, ollamaTimeoutSeconds, ollamaBatchSize, ollamaParallel, ocrEnabled,
                ocrLanguages, ocrPageSeconds, tesseractFolder, ollamaUrls, index);
    }

    /** What the indexer's OCR stage is to do. */
    public OcrOptions ocr() {
        return new OcrOptions(ocrEnabled, ocrLanguages, Duration.ofSeconds(ocrPageSeconds), tesseractFolder);
    }

    /** Where and how large the main window was. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}
}

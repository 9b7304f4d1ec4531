package dev.semdex;

import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.EmbedderFactory;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelListing;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.djl.DjlRuntime;
import dev.semdex.embed.hub.HubClient;
import dev.semdex.embed.hub.ModelManager;
import dev.semdex.embed.hub.UserModels;
import dev.semdex.embed.ollama.OllamaConfig;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.OcrOptions;
import dev.semdex.extract.OcrReader;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.Indexer;
import dev.semdex.search.SearchService;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The composition root: wires the services once, for the GUI and the CLI alike. Heavy parts (models, the index)
 * open on first use, so a command that needs neither starts at once.
 */
public final class Semdex implements AutoCloseable {

    private final AppDirs dirs;
    private final ModelCatalog catalog = new ModelCatalog();
    private final EmbedderFactory embedderFactory;
    private final Map<String, Embedder> embedders = new ConcurrentHashMap<>();
    private final UserModels userModels;
    private volatile String hubEndpoint;
    private ModelManager modelManager;
    private String modelManagerEndpoint;
    private Database database;
    private IndexStore store;
    private TextExtractor extractor;
    private SearchService search;
    /** Apart from the monitor of {@code this}: finding Tesseract runs it, and search must not wait for that. */
    private final Object ocrLock = new Object();
    private OcrOptions ocrOptions = OcrOptions.defaults();
    private OcrReader ocrReader;

    private Semdex(AppDirs dirs, int embeddingThreads) {
        this.dirs = dirs;
        this.embedderFactory = new EmbedderFactory(catalog, new BundledModelFiles(dirs.modelCache()),
                embeddingThreads);
        this.userModels = UserModels.load(dirs.data());
        userModels.registerInto(catalog);
        embedderFactory.userModels(userModels);
    }

    public static Semdex open(AppDirs dirs, int embeddingThreads) {
        DjlRuntime.configure(dirs.cache());
        return new Semdex(dirs.create(), embeddingThreads);
    }

    public AppDirs dirs() {
        return dirs;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The Ollama server that {@code ollama:<model>} models embed on; set before the first such embedder opens. */
    public void ollama(OllamaConfig config) {
        embedderFactory.ollama(config);
    }

    /**
     * Applies what the user chose: hub, chunk size of long-input models and the Ollama server ({@code OLLAMA_HOST}
     * when the settings keep the default address). Embedding threads are set by {@link #open} and changed with
     * {@link #embeddingThreads(int)}, which hands back the sessions to close.
     */
    public void applySettings(Settings settings) {
        hubEndpoint(settings.hubUrl());
        longChunkTokens(settings.longChunkTokens());
        ocr(settings.ocr());
        String url = OllamaConfig.resolveUrl(null, settings.ollamaUrl(),
                System.getenv("OLLAMA_HOST"));
        ollama(OllamaConfig.of(url).withHeaders(settings.ollamaHeaders())
                .withTimeout(Duration.ofSeconds(settings.ollamaTimeoutSeconds()))
                .withBatching(settings.ollamaBatchSize(), settings.ollamaParallel()));
    }

    /** The Ollama server {@code ollama:<model>} ids without a server embed on. */
    public OllamaConfig ollama() {
        return embedderFactory.ollama();
    }

    /**
     * The hub models are downloaded from; a blank value falls back to {@code HF_ENDPOINT}, then huggingface.co.
     * The setting wins over the environment because the user typed it in this app.
     */
    public void hubEndpoint(String endpoint) {
        this.hubEndpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
    }

    /** Chunk size for models that accept long inputs (Jina v2); changes the chunk profile of new runs. */
    public void longChunkTokens(int tokens) {
        catalog.longChunkTokens(tokens);
    }

    /** Downloads models from the Hugging Face hub ({@code HF_ENDPOINT}, {@code HF_TOKEN}) and adds local folders. */
    public synchronized ModelManager modelManager() {
        String endpoint = hubEndpoint != null ? hubEndpoint : System.getenv("HF_ENDPOINT");
        if (modelManager == null || !Objects.equals(endpoint, modelManagerEndpoint)) {
            modelManager = new ModelManager(catalog, userModels,
                    new HubClient(endpoint, System.getenv("HF_TOKEN"), 3),
                    dirs.modelCache().resolve("hub"));
            modelManagerEndpoint = endpoint;
        }
        return modelManager;
    }

    /**
     * Every model with its state, for the model manager and {@code semdex models}.
     *
     * @param includeOllama also ask the configured Ollama server for its models (a few seconds at most)
     */
    public ModelListing.Listing listModels(boolean includeOllama) {
        return ModelListing.list(catalog, modelManager(), userModels,
                includeOllama ? embedderFactory.ollama() : null);
    }

    /**
     * The id a model's vectors are stored under: {@code ollama:<model>} gains the configured server
     * ({@code ollama:<model>@gpu-box:11434}); other ids are unchanged. Search and index requests take this id.
     */
    public String canonicalModelId(String modelId) {
        return embedderFactory.canonicalId(modelId);
    }

    public Embedder embedder(String modelId) {
        return embedders.computeIfAbsent(canonicalModelId(modelId), embedderFactory::open);
    }

    /** The files of a model that runs in-process (bundled or downloaded), for benchmarks against other runtimes. */
    public Optional<BundledModelFiles.ModelFiles> localModelFiles(String modelId) {
        return embedderFactory.localFiles(modelId);
    }

    /**
     * The model for work that names none: an existing index keeps the model it was built with, so a new default in a
     * later version never makes Semdex re-embed a user's folders or search a model the index lacks; a new index (or
     * one that already has the default's vectors) gets {@link ModelCatalog#DEFAULT_MODEL}.
     */
    public String defaultModel() {
        Set<String> inIndex = store().models().all().keySet();
        if (inIndex.isEmpty() || inIndex.contains(ModelCatalog.DEFAULT_MODEL)) {
            return ModelCatalog.DEFAULT_MODEL;
        }
        if (inIndex.size() == 1) {
            return inIndex.iterator().next();
        }
        return inIndex.contains(ModelCatalog.FORMER_DEFAULT_MODEL) ? ModelCatalog.FORMER_DEFAULT_MODEL
                : ModelCatalog.DEFAULT_MODEL;
    }

    /** What {@link #removeModel} did. */
    public record RemovedModel(String id, boolean filesDeleted, int vectorsDeleted) {}

    /**
     * Removes a model from this machine: a downloaded model's files (an added folder stays where the user keeps
     * it), its registration, and its vectors in the index. Bundled models cannot be removed; an Ollama model loses
     * only its vectors here (its weights live on the server).
     */
    public RemovedModel removeModel(String modelId) {
        String id = canonicalModelId(modelId);
        ModelSpec spec = catalog.find(id).orElse(null);
        boolean inIndex = store().models().all().containsKey(id);
        if (spec == null && !inIndex) {
            throw new SemdexException("Unknown model '" + modelId + "'. Run 'semdex models' to list the models.");
        }
        if (spec != null && spec.source() == ModelSource.BUNDLED) {
            throw new SemdexException("'" + id + "' is bundled with Semdex and cannot be removed.");
        }
        boolean registered = userModels.find(id).isPresent();
        if (!registered && !inIndex) {
            throw new SemdexException("'" + id + "' is neither downloaded nor in the index; there is nothing to "
                    + "remove.");
        }
        Embedder open = embedders.remove(id);
        if (open != null) {
            open.close();
        }
        boolean files = registered && modelManager().remove(id);
        return new RemovedModel(id, files, removeFromIndex(id));
    }

    /**
     * Changes how many sessions local models embed with, without a restart: the open local embedders are taken out,
     * so the next use opens them again with the new count. They are returned, not closed, because an indexing run
     * or a search may still be using them; the caller closes them once that is over. Ollama embedders stay.
     */
    public List<Embedder> embeddingThreads(int threads) {
        synchronized (embedders) {
            if (threads == embedderFactory.threads()) {
                return List.of();
            }
            embedderFactory.threads(threads);
            List<Embedder> retired = new ArrayList<>();
            embedders.values().removeIf(e -> {
                boolean local = e.model().source() != ModelSource.OLLAMA;
                if (local) {
                    retired.add(e);
                }
                return local;
            });
            return retired;
        }
    }

    public int embeddingThreads() {
        return embedderFactory.threads();
    }

    public synchronized IndexStore store() {
        if (store == null) {
            database = Database.open(dirs.database());
            store = new IndexStore(database);
        }
        return store;
    }

    public synchronized TextExtractor extractor() {
        if (extractor == null) {
            extractor = new TextExtractor();
        }
        return extractor;
    }

    public Indexer indexer() {
        return new Indexer(store(), extractor(), new FolderScanner(), ScanOptions.defaults(), ocrReader());
    }

    /** How images and scanned pages are read from the next indexing run on. */
    public void ocr(OcrOptions options) {
        synchronized (ocrLock) {
            if (!options.equals(ocrOptions)) {
                ocrOptions = options;
                ocrReader = null;
            }
        }
    }

    /** The OCR stage's reader; finding Tesseract runs it once, so the answer is kept until the options change. */
    public OcrReader ocrReader() {
        synchronized (ocrLock) {
            if (ocrReader == null) {
                ocrReader = OcrReader.open(ocrOptions);
            }
            return ocrReader;
        }
    }

    public synchronized SearchService search() {
        if (search == null) {
            search = new SearchService(store(), this::embedder, catalog);
        }
        return search;
    }

    /** Deletes a model's vectors from the index (the model itself stays installed); returns how many. */
    public int removeFromIndex(String modelId) {
        int removed = store().models().delete(modelId);
        search().invalidate(modelId);
        return removed;
    }

    @Override
    public synchronized void close() {
        embedders.values().forEach(Embedder::close);
        embedders.clear();
        if (extractor != null) {
            extractor.close();
        }
        if (database != null) {
            database.close();
        }
    }
}

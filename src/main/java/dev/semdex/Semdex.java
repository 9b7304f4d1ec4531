package dev.semdex;

import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.EmbedderFactory;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.djl.DjlRuntime;
import dev.semdex.eval.BeirEvaluator;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.Indexer;
import dev.semdex.search.SearchService;
import dev.semdex.settings.AppDirs;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import dev.semdex.embed.ModelSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final dev.semdex.embed.hub.UserModels userModels;
    private Database database;
    private IndexStore store;
    private TextExtractor extractor;
    private SearchService search;

    private Semdex(AppDirs dirs, int embeddingThreads) {
        this.dirs = dirs;
        this.embedderFactory = new EmbedderFactory(catalog, new BundledModelFiles(dirs.modelCache()),
                embeddingThreads);
        this.userModels = dev.semdex.embed.hub.UserModels.load(dirs.data());
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
    public void ollama(dev.semdex.embed.ollama.OllamaConfig config) {
        embedderFactory.ollama(config);
    }

    /** Downloads models from the Hugging Face hub ({@code HF_ENDPOINT}, {@code HF_TOKEN}) and adds local folders. */
    public dev.semdex.embed.hub.ModelManager modelManager() {
        return new dev.semdex.embed.hub.ModelManager(catalog, userModels,
                dev.semdex.embed.hub.HubClient.fromEnvironment(), dirs.modelCache().resolve("hub"));
    }

    public Embedder embedder(String modelId) {
        return embedders.computeIfAbsent(modelId, embedderFactory::open);
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
        return new Indexer(store(), extractor(), new FolderScanner(), ScanOptions.defaults());
    }

    public synchronized SearchService search() {
        if (search == null) {
            search = new SearchService(store(), this::embedder, catalog);
        }
        return search;
    }

    public BeirEvaluator evaluator() {
        return new BeirEvaluator(dirs.data().resolve("eval"), this::embedder, catalog);
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

package dev.semdex;

import dev.semdex.compare.BeirQuality;
import dev.semdex.compare.CompareService;
import dev.semdex.compare.CorpusMap;
import dev.semdex.compare.QualityEvaluator;
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
import dev.semdex.store.Judgements;
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
    private CompareService compare;

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

    public synchronized CompareService compare() {
        if (compare == null) {
            compare = new CompareService(store(), search(), this::embedder);
        }
        return compare;
    }

    /** Deletes a model's vectors from the index (the model itself stays installed); returns how many. */
    public int removeFromIndex(String modelId) {
        int removed = store().deleteModel(modelId);
        search().invalidate(modelId);
        return removed;
    }

    /** The user's relevance judgements, kept in the index. */
    public Judgements judgements() {
        return new Judgements(store().database());
    }

    /** Quality per model and vector form, on the user's judgements or on a BEIR dataset. */
    public QualityEvaluator quality() {
        return new QualityEvaluator(search(), compare(), this::embedder);
    }

    public BeirQuality beirQuality() {
        return new BeirQuality(evaluator(), this::embedder, catalog);
    }

    /** The files as one model sees them, for the corpus map; folder of each file from the indexed folders. */
    public CorpusMap corpusMap(String modelId, int clusters) {
        List<String> folders = store().folders().stream().map(f -> f.path().toString()).toList();
        return CorpusMap.build(modelId, search().vectorIndex(modelId), store().documentPaths(),
                path -> folders.stream().filter(f -> path.startsWith(f + java.io.File.separator)).max(java.util.Comparator.comparingInt(
                        String::length)).orElse(""), clusters, 42);
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

package dev.semdex;

import dev.semdex.compare.BeirQuality;
import dev.semdex.compare.CompareService;
import dev.semdex.compare.CorpusMap;
import dev.semdex.compare.QualityEvaluator;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.eval.BeirEvaluator;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.Indexer;
import dev.semdex.models.IndexedModels;
import dev.semdex.models.ModelService;
import dev.semdex.search.SearchService;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import dev.semdex.store.Judgements;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The composition root: wires the services once, for the GUI and the CLI alike. Heavy parts (models, the index)
 * open on first use, so a command that needs neither starts at once.
 */
public final class Semdex implements AutoCloseable {

    private final AppDirs dirs;
    private final ModelService models;
    private final ModelCatalog catalog;
    private Database database;
    private IndexStore store;
    private TextExtractor extractor;
    private SearchService search;
    private CompareService compare;

    private Semdex(AppDirs dirs, Settings settings) {
        this.dirs = dirs;
        this.models = new ModelService(dirs, settings, new IndexedModels() {
            @Override
            public Set<String> ids() {
                return store().models().keySet();
            }

            @Override
            public int removeVectors(String modelId) {
                return removeFromIndex(modelId);
            }
        });
        this.catalog = models.catalog();
    }

    /**
     * Opens Semdex as the user set it up, for the window and the command line alike; a front end that differs
     * (the command line embeds on every core) says so in the settings it passes.
     */
    public static Semdex open(AppDirs dirs, Settings settings) {
        return new Semdex(dirs.create(), settings);
    }

    public AppDirs dirs() {
        return dirs;
    }

    /** The models and their embedders. */
    public ModelService models() {
        return models;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The model's shared embedder without a lease; see {@link ModelService#embedder}. */
    public Embedder embedder(String modelId) {
        return models.embedder(modelId);
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
            search = new SearchService(store(), models, catalog);
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
        List<Path> folders = store().folders().stream().map(f -> f.path()).toList();
        // The innermost indexed folder holding the file, compared by path components as SearchFilter does.
        return CorpusMap.build(modelId, search().vectorIndex(modelId), store().documentPaths(),
                path -> folders.stream().filter(Path.of(path)::startsWith)
                        .max(Comparator.comparingInt(Path::getNameCount))
                        .map(Object::toString).orElse(""), clusters, 42);
    }

    public BeirEvaluator evaluator() {
        return new BeirEvaluator(dirs.data().resolve("eval"), this::embedder, catalog);
    }

    @Override
    public synchronized void close() {
        models.close();
        if (extractor != null) {
            extractor.close();
        }
        if (database != null) {
            database.close();
        }
    }
}

package dev.semdex;

import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.OcrOptions;
import dev.semdex.extract.OcrReader;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.FolderService;
import dev.semdex.index.Indexer;
import dev.semdex.labels.LabelService;
import dev.semdex.models.IndexedModels;
import dev.semdex.models.ModelService;
import dev.semdex.search.SearchChoices;
import dev.semdex.search.SearchService;
import dev.semdex.settings.AppDirs;
import dev.semdex.similar.LeasedPassageModels;
import dev.semdex.similar.SimilarService;
import dev.semdex.settings.Settings;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.util.List;
import java.util.Optional;
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
    private LabelService labels;
    /** Apart from the monitor of {@code this}: finding Tesseract runs it, and search must not wait for that. */
    private final Object ocrLock = new Object();
    private OcrOptions ocrOptions = OcrOptions.defaults();
    private OcrReader ocrReader;
    private volatile boolean indexSourceCode;

    private Semdex(AppDirs dirs, Settings settings) {
        this.dirs = dirs;
        this.models = new ModelService(dirs, settings, new IndexedModels() {
            @Override
            public Set<String> ids() {
                return store().models().all().keySet();
            }

            @Override
            public int removeVectors(String modelId) {
                return removeFromIndex(modelId);
            }
        });
        this.catalog = models.catalog();
        ocr(settings.ocr());
        this.indexSourceCode = settings.indexSourceCode();
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

    /** Opens the index now rather than at first use, so that a window's first search does not wait for it. */
    public void openIndex() {
        store();
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
        return new Indexer(store(), extractor(), new FolderScanner(),
                ScanOptions.defaults().withSourceCode(indexSourceCode), ocrReader());
    }

    /** Applies changed settings: the models' (threads, hub, Ollama, chunk size), OCR's and what is indexed. */
    public void apply(Settings settings) {
        models.apply(settings);
        ocr(settings.ocr());
        indexSourceCode(settings.indexSourceCode());
    }

    /** Whether the code in source trees is indexed from the next indexing run on, or only their prose. */
    public void indexSourceCode(boolean index) {
        indexSourceCode = index;
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
            search = new SearchService(store(), models, catalog);
        }
        return search;
    }

    /** More like this: the indexed files most like a file or a text. */
    public SimilarService similar() {
        return new SimilarService(store(), search(), this::extractor, new LeasedPassageModels(models));
    }

    /** The user's labels, and every indexed file's label; one service, so that its listeners hear every change. */
    public synchronized LabelService labels() {
        if (labels == null) {
            labels = new LabelService(store(), search(), new LeasedPassageModels(models));
        }
        return labels;
    }

    /**
     * Why the index cannot be changed (another Semdex writes to it, or the data folder is read-only); empty when it
     * can.
     */
    public Optional<String> readOnlyReason() {
        return store().readOnlyReason();
    }

    /** The filters, models and passages around the results that the search window offers. */
    public SearchChoices searchChoices() {
        return new SearchChoices(store(), models);
    }

    /** The folders the user keeps in the index, and indexing them. */
    public FolderService folders() {
        return new FolderService(store(), this::indexer, models, search());
    }

    /** Deletes a model's vectors from the index (the model itself stays installed); returns how many. */
    public int removeFromIndex(String modelId) {
        int removed = store().models().delete(modelId) + store().pictures().delete(modelId);
        search().invalidate(modelId);
        return removed;
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

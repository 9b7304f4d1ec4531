package dev.semdex.lab.ui;

import dev.semdex.lab.compare.CompareRequest;
import dev.semdex.lab.compare.Comparison;
import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.QualityRow;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import java.util.List;
import java.util.Map;

/**
 * What the compare window (and the thumbs in the main window) need from the core. Kept apart from
 * {@link dev.semdex.ui.Backend} so model comparison lives in its own package. Every method blocks, so view models
 * call them through a {@link dev.semdex.ui.common.TaskRunner}; {@link SemdexCompareBackend} is the real one.
 */
public interface CompareBackend {

    /** A model with vectors in the index. */
    record IndexedModel(String id, int dimension, long vectors, long vectorBytes) {}

    /** Models with at least one vector in the index, by id. */
    List<IndexedModel> indexedModels();

    /** Models of the catalog that work offline: those that can be added to the index. */
    List<String> offlineModels();

    Comparison compare(CompareRequest request);

    /** The user's judgements for one query: path to relevant (true) or not (false). */
    Map<String, Boolean> judgements(String query);

    void judge(String query, String path, boolean relevant);

    void forget(String query, String path);

    /** Queries with at least one file marked relevant: those quality can be measured on. */
    int judgedQueries();

    /** nDCG@10 and recall@10 per model and vector form on the user's judgements; interruptible. */
    List<QualityRow> quality(List<String> models, List<Integer> dims, List<Precision> precisions);

    /** The 2-D map of the files as one model sees them; {@code clusters} 0 picks a number. */
    CorpusMap corpusMap(String modelId, int clusters);

    /**
     * What adding a model would cost (passages, speed on this machine, measured by a short probe if it never ran
     * here) and bring (its SciFact figures); blocks for the probe.
     */
    dev.semdex.models.AddModelCost addCost(String modelId);

    /** Embeds every indexed folder with one more model; interrupting cancels, keeping what was done. */
    IndexSummary indexAllFolders(String modelId, IndexListener listener);

    /** Deletes a model's vectors from the index; returns how many. */
    int removeFromIndex(String modelId);

    /** Adds a label with files confirmed as it (a corpus map group made a label), all or nothing. */
    void addLabel(dev.semdex.labels.Label label, List<java.nio.file.Path> examples);
}

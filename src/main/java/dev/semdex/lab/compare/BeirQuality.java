package dev.semdex.lab.compare;

import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.lab.eval.BeirEvaluator;
import dev.semdex.index.IndexListener;
import dev.semdex.search.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The model/dimension/precision quality table on a BEIR dataset: the published-benchmark counterpart of the
 * table the user's own judgements give, computed the same way.
 */
public final class BeirQuality {

    private final BeirEvaluator evaluator;
    private final Function<String, Embedder> embedders;
    private final ModelCatalog catalog;

    public BeirQuality(BeirEvaluator evaluator, Function<String, Embedder> embedders, ModelCatalog catalog) {
        this.evaluator = evaluator;
        this.embedders = embedders;
        this.catalog = catalog;
    }

    public List<QualityRow> evaluate(BeirDataset dataset, List<String> modelIds, List<Integer> dims,
            List<Precision> precisions, IndexListener listener) {
        return evaluator.withIndex(dataset, modelIds, listener, store -> {
            SearchService search = new SearchService(store, embedders, catalog);
            CompareService compare = new CompareService(store, search, embedders);
            List<QualityEvaluator.JudgedQuery> queries = new ArrayList<>();
            dataset.qrels().forEach((id, judged) -> {
                String text = dataset.queries().get(id);
                if (text != null) {
                    queries.add(new QualityEvaluator.JudgedQuery(text, judged));
                }
            });
            return new QualityEvaluator(search, compare, embedders).evaluate(modelIds, dims, precisions, queries,
                    BeirEvaluator::documentId, 100);
        });
    }
}

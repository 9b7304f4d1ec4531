package dev.semdex.lab;

import dev.semdex.Semdex;
import dev.semdex.lab.compare.BeirQuality;
import dev.semdex.lab.compare.CompareService;
import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.QualityEvaluator;
import dev.semdex.lab.eval.BeirEvaluator;
import dev.semdex.store.Judgements;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The model lab's services over the product's core: comparisons, quality on the user's judgements or a BEIR set,
 * the corpus map. Built beside {@link Semdex}, never inside it, so the product runs (and is tested) without the lab
 * and the lab can grow without the search window noticing.
 */
public final class Lab {

    private final Semdex semdex;
    private CompareService compare;

    public Lab(Semdex semdex) {
        this.semdex = semdex;
    }

    public synchronized CompareService compare() {
        if (compare == null) {
            compare = new CompareService(semdex.store(), semdex.search(), semdex.models()::leasingPerCall);
        }
        return compare;
    }

    /** The user's relevance judgements, kept in the index. */
    public Judgements judgements() {
        return semdex.store().judgements();
    }

    /** Quality per model and vector form, on the user's judgements or on a BEIR dataset. */
    public QualityEvaluator quality() {
        return new QualityEvaluator(semdex.search(), compare(), semdex.models()::leasingPerCall);
    }

    public BeirQuality beirQuality() {
        return new BeirQuality(evaluator(), semdex.models()::leasingPerCall, semdex.catalog());
    }

    public BeirEvaluator evaluator() {
        return new BeirEvaluator(semdex.dirs().data().resolve("eval"), semdex.models()::leasingPerCall,
                semdex.catalog());
    }

    /** The files as one model sees them, for the corpus map; folder of each file from the indexed folders. */
    public CorpusMap corpusMap(String modelId, int clusters) {
        List<Path> folders = semdex.store().folders().all().stream().map(f -> f.path()).toList();
        // The innermost indexed folder holding the file, compared by path components as SearchFilter does.
        return CorpusMap.build(modelId, semdex.search().vectorIndex(modelId), semdex.store().documents().paths(),
                path -> folders.stream().filter(Path.of(path)::startsWith)
                        .max(Comparator.comparingInt(Path::getNameCount))
                        .map(Object::toString).orElse(""), clusters, 42);
    }
}

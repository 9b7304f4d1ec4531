package dev.semdex.embed;

import dev.semdex.SemdexException;
import dev.semdex.embed.ollama.OllamaModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models Semdex knows by name. The bundled ones ship inside the langchain4j model artifacts, so a build of this
 * repository can use all six offline; prefixes and pooling follow each model card.
 */
public final class ModelCatalog {

    public static final String DEFAULT_MODEL = "all-minilm-l6-v2";
    private static final String BERT_UNCASED = "bert-base-uncased";
    private static final String BGE_QUERY = "Represent this sentence for searching relevant passages: ";

    private final Map<String, ModelSpec> models = new LinkedHashMap<>();

    public ModelCatalog() {
        bundledPair("all-minilm-l6-v2", "all-MiniLM-L6-v2", 256, Pooling.MEAN, "", "");
        bundledPair("bge-small-en-v1.5", "BGE small en v1.5", 512, Pooling.CLS, BGE_QUERY, "");
        bundledPair("e5-small-v2", "E5 small v2", 512, Pooling.MEAN, "query: ", "passage: ");
        add(new ModelSpec("jina-embeddings-v2-small-en", "Jina embeddings v2 small (en)", 512, 8192, 512,
                Pooling.MEAN, "", "", ModelSource.DOWNLOAD, "jina-bert-uncased", null,
                "jinaai/jina-embeddings-v2-small-en", false));
        add(new ModelSpec("jina-embeddings-v2-base-en", "Jina embeddings v2 base (en)", 768, 8192, 512,
                Pooling.MEAN, "", "", ModelSource.DOWNLOAD, "jina-bert-uncased", null,
                "jinaai/jina-embeddings-v2-base-en", false));
    }

    private void bundledPair(String id, String name, int maxTokens, Pooling pooling, String query, String passage) {
        add(new ModelSpec(id, name, 384, maxTokens, maxTokens, pooling, query, passage, ModelSource.BUNDLED,
                BERT_UNCASED, id, null, false));
        add(new ModelSpec(id + "-q", name + " (int8)", 384, maxTokens, maxTokens, pooling, query, passage,
                ModelSource.BUNDLED, BERT_UNCASED, id + "-q", null, true));
    }

    private void add(ModelSpec spec) {
        models.put(spec.id(), spec);
    }

    /** Adds or replaces a model at run time: one the user downloaded or added (see embed.hub.UserModels). */
    public synchronized void register(ModelSpec spec) {
        models.put(spec.id(), spec);
    }

    public List<ModelSpec> all() {
        return List.copyOf(models.values());
    }

    public Optional<ModelSpec> find(String id) {
        if (OllamaModels.isOllamaId(id)) {
            return Optional.of(OllamaModels.spec(id));
        }
        return Optional.ofNullable(models.get(id));
    }

    public ModelSpec require(String id) {
        ModelSpec spec = find(id).orElse(null);
        if (spec == null) {
            throw new SemdexException("Unknown model '" + id + "'. Run 'semdex models' to list the models.");
        }
        return spec;
    }
}

package dev.semdex.embed;

import dev.semdex.SemdexException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models Semdex knows by name. The bundled ones ship inside the langchain4j model artifacts, so a build of this
 * repository can use all six offline; prefixes and pooling follow each model card.
 */
public final class ModelCatalog {

    /**
     * all-MiniLM-L6-v2 with int8 weights: faster than fp32 on a CPU, and on SciFact it ranks as well, so users get
     * the speed without losing quality.
     */
    public static final String DEFAULT_MODEL = "all-minilm-l6-v2-q";
    /** The default before int8 became fast enough to take its place; indexes built with it keep it. */
    public static final String FORMER_DEFAULT_MODEL = "all-minilm-l6-v2";
    private static final String BERT_UNCASED = "bert-base-uncased";
    private static final String BGE_QUERY = "Represent this sentence for searching relevant passages: ";

    /**
     * The SHA-256 of jina-embeddings-v2-base-en's model.onnx as its repository's Git LFS pointer records it
     * (shared/models/jina-embeddings-v2-base-en/LFS-POINTERS.txt): a download that is not that file is refused.
     */
    static final String JINA_BASE_ONNX_SHA256 = "a6bccce798906f269ee6990d35b8a516390a9593cde824de2e6b9d087b07fa4d";

    private final Map<String, ModelSpec> models = new LinkedHashMap<>();

    /** Chunk size for long-input models unless the user picks another (Jina v2 was trained at 512 tokens). */
    public static final int DEFAULT_LONG_CHUNK_TOKENS = 512;
    /** Models whose input limit exceeds this are "long-input": their chunk size is a setting. */
    static final int LONG_INPUT_THRESHOLD = 512;

    private volatile int longChunkTokens = DEFAULT_LONG_CHUNK_TOKENS;

    public ModelCatalog() {
        bundledPair("all-minilm-l6-v2", "all-MiniLM-L6-v2", 256, Pooling.MEAN, "", "", "22.7M", "Apache-2.0");
        bundledPair("bge-small-en-v1.5", "BGE small en v1.5", 512, Pooling.CLS, BGE_QUERY, "", "33.4M", "MIT");
        bundledPair("e5-small-v2", "E5 small v2", 512, Pooling.MEAN, "query: ", "passage: ", "33.4M", "MIT");
        // Sizes of model.onnx + tokenizer.json in the jinaai repositories (shared/research §1.2).
        add(new ModelSpec("jina-embeddings-v2-small-en", "Jina embeddings v2 small (en)", 512, 8192, 512,
                Pooling.MEAN, "", "", ModelSource.DOWNLOAD, "jina-bert-uncased", null,
                "jinaai/jina-embeddings-v2-small-en", false, ModelDetails.of("33M", 130_700_000L, "Apache-2.0")));
        add(new ModelSpec("jina-embeddings-v2-base-en", "Jina embeddings v2 base (en)", 768, 8192, 512,
                Pooling.MEAN, "", "", ModelSource.DOWNLOAD, "jina-bert-uncased", null,
                "jinaai/jina-embeddings-v2-base-en", false,
                ModelDetails.of("137M", 547_390_322L + 711_577L, "Apache-2.0").pinned(null,
                        Map.of("model.onnx", JINA_BASE_ONNX_SHA256))));
    }

    private void bundledPair(String id, String name, int maxTokens, Pooling pooling, String query, String passage,
            String parameters, String licence) {
        add(new ModelSpec(id, name, 384, maxTokens, maxTokens, pooling, query, passage, ModelSource.BUNDLED,
                BERT_UNCASED, id, null, false, ModelDetails.of(parameters, 0, licence)));
        add(new ModelSpec(id + "-q", name + " (int8)", 384, maxTokens, maxTokens, pooling, query, passage,
                ModelSource.BUNDLED, BERT_UNCASED, id + "-q", null, true, ModelDetails.of(parameters, 0, licence)));
    }

    /**
     * The chunk size for models that accept more than 512 tokens (Jina v2: 8192), capped at each model's limit.
     * Longer chunks cost memory and time with the square of their length and make a hit less precise, hence a
     * setting with a modest default rather than the model's maximum.
     */
    public void longChunkTokens(int tokens) {
        this.longChunkTokens = Math.max(LONG_INPUT_THRESHOLD / 4, tokens);
    }

    public int longChunkTokens() {
        return longChunkTokens;
    }

    /** Whether {@link #longChunkTokens(int)} applies to the model. */
    public static boolean isLongInput(ModelSpec spec) {
        return spec.source() != ModelSource.OLLAMA && spec.maxTokens() > LONG_INPUT_THRESHOLD;
    }

    private ModelSpec withChunkSetting(ModelSpec spec) {
        if (!isLongInput(spec)) {
            return spec;
        }
        int chunk = Math.min(longChunkTokens, spec.maxTokens());
        return chunk == spec.chunkTokens() ? spec : spec.withChunkTokens(chunk);
    }

    private void add(ModelSpec spec) {
        models.put(spec.id(), spec);
    }

    /** Adds or replaces a model at run time: one the user downloaded or added (see embed.hub.UserModels). */
    public synchronized void register(ModelSpec spec) {
        ModelSpec known = models.get(spec.id());
        if (known != null && spec.details() == ModelDetails.NONE) {
            spec = spec.withDetails(known.details());
        }
        models.put(spec.id(), spec);
    }

    /** Forgets a user model; catalog entries come back as they ship (a removed download is "available" again). */
    public synchronized void unregister(String id) {
        models.remove(id);
        new ModelCatalog().models.values().stream().filter(m -> m.id().equals(id)).findFirst().ifPresent(this::add);
    }

    public List<ModelSpec> all() {
        return models.values().stream().map(this::withChunkSetting).toList();
    }

    public Optional<ModelSpec> find(String id) {
        if (OllamaModels.isOllamaId(id)) {
            return Optional.of(OllamaModels.spec(id));
        }
        return Optional.ofNullable(models.get(id)).map(this::withChunkSetting);
    }

    public ModelSpec require(String id) {
        ModelSpec spec = find(id).orElse(null);
        if (spec == null) {
            throw new SemdexException("Unknown model '" + id + "'. Run 'semdex models' to list the models.");
        }
        return spec;
    }
}

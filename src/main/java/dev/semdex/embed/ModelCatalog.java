package dev.semdex.embed;

import dev.semdex.SemdexException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The models Semdex knows by name; prefixes and pooling follow each model card. The six small BERT-family models run
 * from the langchain4j model artifacts when those are on the class path (a build of this repository has all six;
 * the installer ships only the default and one comparison partner, to stay small). Where an artifact is missing, the
 * same model is a download from the hub, checked against the SHA-256 of the file the artifact holds, so a user gets
 * exactly the model the bundled build would have run.
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
    private final Predicate<String> onClassPath;

    /** The catalog of this installation: a model whose artifact is on the class path is bundled. */
    public ModelCatalog() {
        this(resource -> ModelCatalog.class.getClassLoader().getResource(resource) != null);
    }

    /**
     * The catalog as an installation that ships the models whose ONNX resource ({@code <id>.onnx}) passes the test;
     * the others are downloads.
     */
    public ModelCatalog(Predicate<String> onClassPath) {
        this.onClassPath = onClassPath;
        // Hub files with the same bytes as the artifacts' ONNX files (SHA-256 of the files the artifacts hold).
        local("all-minilm-l6-v2", "all-MiniLM-L6-v2", 256, Pooling.MEAN, "", "", "22.7M", "Apache-2.0", false,
                "sentence-transformers/all-MiniLM-L6-v2", "onnx/model.onnx", 90_387_606L + 711_661L,
                "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e");
        local("all-minilm-l6-v2-q", "all-MiniLM-L6-v2 (int8)", 256, Pooling.MEAN, "", "", "22.7M", "Apache-2.0",
                true, null, null, 0, null);
        local("bge-small-en-v1.5", "BGE small en v1.5", 512, Pooling.CLS, BGE_QUERY, "", "33.4M", "MIT", false,
                "BAAI/bge-small-en-v1.5", "onnx/model.onnx", 133_093_490L + 711_396L,
                "828e1496d7fabb79cfa4dcd84fa38625c0d3d21da474a00f08db0f559940cf35");
        local("bge-small-en-v1.5-q", "BGE small en v1.5 (int8)", 512, Pooling.CLS, BGE_QUERY, "", "33.4M", "MIT",
                true, null, null, 0, null);
        local("e5-small-v2", "E5 small v2", 512, Pooling.MEAN, "query: ", "passage: ", "33.4M", "MIT", false,
                "intfloat/e5-small-v2", "onnx/model.onnx", 133_093_467L + 711_396L,
                "b2a43b66f7f9b6f29643a21340ad7c03d2d91e6bd5d43429a77799a9ee880eb0");
        local("e5-small-v2-q", "E5 small v2 (int8)", 512, Pooling.MEAN, "query: ", "passage: ", "33.4M", "MIT", true,
                "Xenova/e5-small-v2", "onnx/model_quantized.onnx", 34_014_367L + 711_396L,
                "7d9092cb25f2bd1c023b7e8d2aa459044a02030ac880e5a59fdaf27af69f1ded");
        // Sizes of model.onnx + tokenizer.json in the jinaai repositories (shared/research §1.2).
        add(new ModelSpec("jina-embeddings-v2-small-en", "Jina embeddings v2 small (en)", 512, 8192, 512,
                Pooling.MEAN, "", "", ModelSource.DOWNLOAD, "jina-bert-uncased", null,
                "jinaai/jina-embeddings-v2-small-en", false, ModelDetails.of("33M", 130_700_000L, "Apache-2.0")));
        add(new ModelSpec("jina-embeddings-v2-base-en", "Jina embeddings v2 base (en)", 768, 8192, 512,
                Pooling.MEAN, "", "", ModelSource.DOWNLOAD, "jina-bert-uncased", null,
                "jinaai/jina-embeddings-v2-base-en", false,
                ModelDetails.of("137M", 547_390_322L + 711_577L, "Apache-2.0").pinned(null,
                        Map.of("model.onnx", JINA_BASE_ONNX_SHA256))));
        // Two towers (onnx/text_model.onnx 548 MB, onnx/vision_model.onnx 344 MB on the hub): pictures by what they
        // show, text as jina-embeddings-v2 does (its text tower is a JinaBERT of 8,192 tokens).
        add(new ModelSpec("jina-clip-v1", "Jina CLIP v1 (text and images)", 768, 8192, 512, Pooling.MEAN, "", "",
                ModelSource.DOWNLOAD, "jina-clip-v1", null, "jinaai/jina-clip-v1", false,
                ModelDetails.of("223M", 547_800_000L + 343_800_000L + 712_000L, "Apache-2.0")));
    }

    /**
     * One of the small models of the langchain4j artifacts: bundled when its artifact is on the class path, else
     * pulled from {@code repo} ({@code file} is the model file there, pinned to {@code sha256}); a null repo means
     * it is always shipped.
     */
    private void local(String id, String name, int maxTokens, Pooling pooling, String query, String passage,
            String parameters, String licence, boolean quantized, String repo, String file, long downloadBytes,
            String sha256) {
        boolean bundled = repo == null || onClassPath.test(id + ".onnx");
        ModelDetails details = bundled ? ModelDetails.of(parameters, 0, licence)
                : ModelDetails.of(parameters, downloadBytes, licence).pinned(null, Map.of(file, sha256));
        add(new ModelSpec(id, name, 384, maxTokens, maxTokens, pooling, query, passage,
                bundled ? ModelSource.BUNDLED : ModelSource.DOWNLOAD, BERT_UNCASED, id, bundled ? null : repo,
                quantized, details));
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
        new ModelCatalog(onClassPath).models.values().stream().filter(m -> m.id().equals(id)).findFirst().ifPresent(this::add);
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

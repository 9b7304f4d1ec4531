package dev.semdex;

import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.djl.DjlRuntime;
import dev.semdex.models.EmbedderFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads each bundled model once per test JVM: loading takes seconds, and the models are read-only. */
public final class TestModels {

    private static final Path CACHE = Path.of("target", "test-model-cache").toAbsolutePath();
    private static final Map<String, Embedder> OPEN = new ConcurrentHashMap<>();

    static {
        DjlRuntime.configure(CACHE.getParent().resolve("test-runtime"));
    }

    private TestModels() {}

    /** A private instance the caller owns and closes (the shared ones stay open for the whole test run). */
    public static Embedder fresh(String id, int threads) {
        embedder(id); // configures the runtime and unpacks the files once
        return new EmbedderFactory(new ModelCatalog(), new BundledModelFiles(CACHE), threads).open(id);
    }

    public static Embedder embedder(String id) {
        return OPEN.computeIfAbsent(id, m -> new EmbedderFactory(new ModelCatalog(),
                new BundledModelFiles(CACHE), 2).open(m));
    }

    /** all-MiniLM-L6-v2 in fp32, the model langchain4j's reference figures and most published scores are for. */
    public static Embedder minilm() {
        return embedder(ModelCatalog.FORMER_DEFAULT_MODEL);
    }
}

package dev.semdex.embed.ollama;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.semdex.SemdexException;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds on an Ollama server through langchain4j's {@link OllamaEmbeddingModel}. langchain4j 1.11.0 puts every text
 * of one call into a single request, so this class cuts the work into batches itself, keeps at most
 * {@link OllamaConfig#concurrency()} requests in flight, and retries with exponential back-off after a 5xx, a
 * timeout or a refused connection, never after a 4xx. Every vector is checked (same length as the probe, no NaN
 * or infinity) and L2-normalised. Chunks are sized with {@link EstimatingTokenizer} against the context the server
 * reports, capped at {@value #MAX_INPUT_TOKENS} tokens because longer inputs crash some Ollama versions.
 */
public final class OllamaEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(OllamaEmbedder.class);
    /** Ollama ≥ 0.30 crashes on inputs above its 2048-token num_batch (ollama#16582). */
    static final int MAX_INPUT_TOKENS = 2000;
    /** BOS/EOS or CLS/SEP, which the server adds. */
    static final int SPECIAL_TOKENS = 2;
    /** Used when /api/show names no context length: Ollama's smallest default. */
    static final int FALLBACK_CONTEXT = 2048;

    private final OllamaConfig config;
    private final String name;
    private final EmbeddingModel model;
    private final TextTokenizer tokenizer = new EstimatingTokenizer();
    private final ExecutorService pool;
    private ModelSpec spec;
    private int dimension = -1;
    private final int maxPassageTokens;

    private OllamaEmbedder(OllamaConfig config, ModelSpec base, int contextLength) {
        this.config = config;
        this.name = OllamaModels.modelName(base.id());
        int budget = Math.min(contextLength, MAX_INPUT_TOKENS) - SPECIAL_TOKENS
                - tokenizer.count(base.passagePrefix());
        this.maxPassageTokens = Math.max(16, budget);
        this.spec = base;
        this.model = OllamaEmbeddingModel.builder()
                .baseUrl(config.baseUrl())
                .modelName(name)
                .timeout(config.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .customHeaders(config.headers())
                .build();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "ollama-embed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects, checks that the server has the model and that it embeds, and probes the vector length. {@code base}
     * is the catalog entry ({@link OllamaModels#spec}); {@link #model()} returns it with the probed dimension.
     */
    public static OllamaEmbedder open(OllamaConfig config, ModelSpec base) {
        String name = OllamaModels.modelName(base.id());
        OllamaClient.ModelInfo info = new OllamaClient(config).show(name);
        if (!info.embeds()) {
            throw new SemdexException("The Ollama model '" + name + "' on " + config.baseUrl() + " is not an "
                    + "embedding model (it can: " + String.join(", ", info.capabilities()) + "). Pick one such as "
                    + "nomic-embed-text, all-minilm or jina/jina-embeddings-v2-small-en.");
        }
        int context = info.contextLength() > 0 ? info.contextLength() : FALLBACK_CONTEXT;
        OllamaEmbedder embedder = new OllamaEmbedder(config, base, context);
        try {
            float[] probe = embedder.embedBatch(List.of("dimension probe"), info.embeddingLength()).get(0);
            embedder.dimension = probe.length;
            int chunk = Math.min(base.chunkTokens(), embedder.maxPassageTokens);
            embedder.spec = new ModelSpec(base.id(), base.displayName(), probe.length, context, chunk,
                    base.pooling(), base.queryPrefix(), base.passagePrefix(), base.source(),
                    base.tokenizerFamily(), base.resourceBase(), base.huggingFaceRepo(), base.quantized());
            LOG.info("Ollama model {} on {}: {} dimensions, context {} tokens, chunks of {} tokens", name,
                    config.baseUrl(), probe.length, context, chunk);
            return embedder;
        } catch (RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    public OllamaConfig config() {
        return config;
    }

    @Override
    public ModelSpec model() {
        return spec;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public int maxPassageTokens() {
        return maxPassageTokens;
    }

    @Override
    public float[] embedQuery(String query) {
        return embedBatch(List.of(spec.queryPrefix() + query), dimension).get(0);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(passages.size());
        passages.forEach(p -> texts.add(spec.passagePrefix() + p));
        int batch = config.batchSize();
        if (texts.size() <= batch || config.concurrency() == 1) {
            List<float[]> out = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i += batch) {
                checkInterrupted();
                out.addAll(embedBatch(texts.subList(i, Math.min(texts.size(), i + batch)), dimension));
            }
            return out;
        }
        List<Future<List<float[]>>> futures = new ArrayList<>();
        for (int i = 0; i < texts.size(); i += batch) {
            List<String> part = List.copyOf(texts.subList(i, Math.min(texts.size(), i + batch)));
            futures.add(pool.submit(() -> embedBatch(part, dimension)));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        try {
            for (Future<List<float[]>> f : futures) {
                out.addAll(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("Embedding cancelled");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new SemdexException("Embedding on Ollama failed: " + e.getCause(), e.getCause());
        }
    }

    /** One request, retried when the failure is temporary; {@code expected} ≤ 0 accepts any consistent length. */
    List<float[]> embedBatch(List<String> texts, int expected) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        int attempt = 0;
        while (true) {
            attempt++;
            checkInterrupted();
            List<Embedding> embeddings;
            try {
                Response<List<Embedding>> response = model.embedAll(segments);
                embeddings = response == null ? null : response.content();
                if (embeddings == null) {
                    throw new OllamaFailure.BadResponseException("no embeddings in the answer", null);
                }
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || causedBy(e, InterruptedException.class)) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Embedding cancelled");
                }
                OllamaFailure failure = e instanceof NullPointerException
                        ? new OllamaFailure(OllamaFailure.Kind.BAD_RESPONSE, 0, "no embeddings in the answer", e)
                        : OllamaFailure.classify(e);
                if (!failure.retriable() || attempt > config.maxRetries()) {
                    throw failure.toException(config.baseUrl(), name, config.timeout(), attempt);
                }
                long delay = config.retryDelay().toMillis() << Math.min(10, attempt - 1);
                LOG.warn("Ollama request failed ({}); attempt {} of {}, next in {} ms", failure, attempt,
                        config.maxRetries() + 1, delay);
                sleep(delay);
                continue;
            }
            return validate(embeddings, texts.size(), expected);
        }
    }

    private List<float[]> validate(List<Embedding> embeddings, int count, int expected) {
        if (embeddings.size() != count) {
            throw new SemdexException("The Ollama server at " + config.baseUrl() + " returned " + embeddings.size()
                    + " vectors for " + count + " texts (model " + name + "). Is this really an Ollama server?");
        }
        List<float[]> out = new ArrayList<>(count);
        int want = expected;
        for (Embedding e : embeddings) {
            float[] v = e.vector();
            if (v == null || v.length == 0) {
                throw new SemdexException("The Ollama model '" + name + "' on " + config.baseUrl()
                        + " returned an empty vector. Is it an embedding model?");
            }
            if (want > 0 && v.length != want) {
                throw new SemdexException("The Ollama model '" + name + "' on " + config.baseUrl() + " returned a "
                        + "vector of " + v.length + " dimensions where " + want + " were expected. Did the model "
                        + "behind this name change on the server? Vectors of different lengths cannot be mixed: "
                        + "index with the model that built this index, or re-index.");
            }
            want = v.length;
            if (!Vectors.isFinite(v)) {
                throw new SemdexException("The Ollama model '" + name + "' on " + config.baseUrl() + " returned a "
                        + "vector with NaN or infinite values. This is a known fault of some models on some Ollama "
                        + "versions: update Ollama, or try another quantisation or model.");
            }
            out.add(Vectors.normalize(v.clone()));
        }
        return out;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Embedding cancelled");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Embedding cancelled");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

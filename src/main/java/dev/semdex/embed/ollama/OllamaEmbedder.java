package dev.semdex.embed.ollama;

import dev.semdex.SemdexException;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.OllamaModels;
import dev.semdex.embed.Vectors;
import java.util.ArrayList;
import java.util.Collections;
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
 * Embeds on an Ollama server ({@code /api/embed} through {@link OllamaClient}). The work is cut into batches of
 * {@link OllamaConfig#batchSize()}, at most {@link OllamaConfig#concurrency()} requests are in flight, and a 5xx, a
 * timeout or a refused connection is retried with exponential back-off, a 4xx never. Every vector is checked (same
 * length as the probe, no NaN or infinity) and L2-normalised.
 *
 * <p>Nothing may be cut silently: chunks are measured with the model's own Hugging Face tokenizer when the catalog
 * knows it (else with the deliberately high {@link EstimatingTokenizer}) and sized to fit the context the server
 * reports, capped at {@value #MAX_INPUT_TOKENS} tokens because longer inputs crash some Ollama versions; every
 * request asks for that context ({@code options.num_ctx}, the same value each time so the server never reloads the
 * model), and every input is checked against what the server reads ({@link TruncationCheck}), so a cut is
 * reported ({@link #warnings()}).
 */
public final class OllamaEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(OllamaEmbedder.class);
    /** Ollama ≥ 0.30 crashes on inputs above its 2048-token num_batch (ollama#16582). */
    static final int MAX_INPUT_TOKENS = 2000;
    static final int SPECIAL_TOKENS = TruncationCheck.SPECIAL_TOKENS;
    /** Used when /api/show names no context length: Ollama's smallest default. */
    static final int FALLBACK_CONTEXT = 2048;
    /** Room above the longest chunk in the context asked for: special tokens, the prefix, tokenizer differences. */
    static final int CONTEXT_MARGIN = 48;

    private final OllamaConfig config;
    private final String name;
    private final OllamaClient client;
    private final TextTokenizer tokenizer;
    private final boolean exactTokenizer;
    private final ExecutorService pool;
    private final int maxPassageTokens;
    private final int numCtx;
    private final TruncationCheck truncation;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private ModelSpec spec;
    private int dimension = -1;
    private volatile boolean ownsTokenizer;

    private OllamaEmbedder(OllamaConfig config, ModelSpec base, int contextLength, TextTokenizer exact) {
        this.config = config;
        this.name = OllamaModels.modelName(base.id());
        this.client = new OllamaClient(config);
        this.exactTokenizer = exact != null;
        this.tokenizer = exact != null ? exact : new EstimatingTokenizer();
        int budget = Math.min(contextLength, MAX_INPUT_TOKENS) - SPECIAL_TOKENS
                - tokenizer.count(base.passagePrefix());
        this.maxPassageTokens = Math.max(16, budget);
        this.numCtx = Math.min(contextLength, MAX_INPUT_TOKENS + CONTEXT_MARGIN);
        this.truncation = new TruncationCheck(tokenizer, exactTokenizer, numCtx);
        this.spec = base;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "ollama-embed-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens with estimated token counts; see {@link #open(OllamaConfig, ModelSpec, TextTokenizer, String)}. */
    public static OllamaEmbedder open(OllamaConfig config, ModelSpec base) {
        return open(config, base, null, null);
    }

    /**
     * Connects, checks that the server has the model and that it embeds, and probes the vector length. {@code base}
     * is the catalog entry ({@link OllamaModels#spec}); {@link #model()} returns it with the probed dimension, the
     * context and chunk size that fit the server, and {@code tokenizerFamily} when a tokenizer is given.
     *
     * @param tokenizer       a tokenizer that splits text as the server's model does, or null to estimate; the
     *                        caller keeps it (see the overload that hands it over)
     * @param tokenizerFamily its family (chunks are shared with local models of the same family and size)
     */
    public static OllamaEmbedder open(OllamaConfig config, ModelSpec base, TextTokenizer tokenizer,
            String tokenizerFamily) {
        return open(config, base, tokenizer, tokenizerFamily, false);
    }

    /** As above; with {@code ownTokenizer} the embedder closes the tokenizer when it closes (or fails to open). */
    public static OllamaEmbedder open(OllamaConfig config, ModelSpec base, TextTokenizer tokenizer,
            String tokenizerFamily, boolean ownTokenizer) {
        try {
            OllamaEmbedder embedder = connect(config, base, tokenizer, tokenizerFamily);
            embedder.ownsTokenizer = ownTokenizer;
            return embedder;
        } catch (RuntimeException e) {
            if (ownTokenizer) {
                closeQuietly(tokenizer);
            }
            throw e;
        }
    }

    private static OllamaEmbedder connect(OllamaConfig config, ModelSpec base, TextTokenizer tokenizer,
            String tokenizerFamily) {
        String name = OllamaModels.modelName(base.id());
        OllamaClient.ModelInfo info = new OllamaClient(config).show(name);
        if (!info.embeds()) {
            throw new SemdexException("The Ollama model '" + name + "' on " + config.baseUrl() + " is not an "
                    + "embedding model (it can: " + String.join(", ", info.capabilities()) + "). Pick one such as "
                    + "nomic-embed-text, all-minilm or jina/jina-embeddings-v2-small-en.");
        }
        int context = info.contextLength() > 0 ? info.contextLength() : FALLBACK_CONTEXT;
        OllamaEmbedder embedder = new OllamaEmbedder(config, base, context, tokenizer);
        try {
            float[] probe = embedder.embedBatch(List.of("dimension probe"), info.embeddingLength()).get(0);
            embedder.dimension = probe.length;
            int chunk = Math.min(base.chunkTokens(), embedder.maxPassageTokens);
            String family = tokenizer != null && tokenizerFamily != null ? tokenizerFamily : base.tokenizerFamily();
            embedder.spec = new ModelSpec(base.id(), base.displayName(), probe.length, context, chunk,
                    base.pooling(), base.queryPrefix(), base.passagePrefix(), base.source(), family,
                    base.resourceBase(), base.huggingFaceRepo(), base.quantized(), base.details());
            LOG.info("Ollama model {} on {}: {} dimensions, context {} tokens (asking for {}), chunks of {} {} "
                    + "tokens", name, config.baseUrl(), probe.length, context, embedder.numCtx, chunk,
                    tokenizer != null ? "exact" : "estimated");
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

    /** A full batch for every request allowed in flight. */
    @Override
    public int passagesPerCall() {
        return config.batchSize() * config.concurrency();
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

    /** The context every request asks the server for ({@code options.num_ctx}). */
    public int requestedContext() {
        return numCtx;
    }

    /** Whether chunks are measured with the model's own tokenizer (else estimated). */
    public boolean exactTokenCounts() {
        return exactTokenizer;
    }

    /** Truncations the server's token counts revealed so far, for the user; empty when nothing was cut. */
    @Override
    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /**
     * One request for passages (prefix added here) that gives up at once when the server cannot be reached, for a
     * {@link MultiServerEmbedder} that would rather hand the passages to another server than wait for this one.
     */
    List<float[]> embedPassagesWithoutWaiting(List<String> passages) {
        List<String> texts = new ArrayList<>(passages.size());
        passages.forEach(p -> texts.add(spec.passagePrefix() + p));
        return embedBatch(texts, dimension, false);
    }

    /** The vector of a text exactly as given (no prefix), for comparing servers. */
    float[] embedVerbatim(String text) {
        return embedBatch(List.of(text), dimension, false).get(0);
    }

    List<float[]> embedBatch(List<String> texts, int expected) {
        return embedBatch(texts, expected, true);
    }

    /**
     * One request, retried when the failure is temporary; {@code expected} ≤ 0 accepts any consistent length.
     * Without {@code waitForServer} an unreachable server fails at once instead of being tried again.
     */
    private List<float[]> embedBatch(List<String> texts, int expected, boolean waitForServer) {
        int attempt = 0;
        while (true) {
            attempt++;
            checkInterrupted();
            OllamaClient.EmbedResult result;
            try {
                result = client.embed(name, texts, numCtx);
            } catch (OllamaClient.CallFailedException e) {
                OllamaFailure failure = e.failure;
                if (Thread.currentThread().isInterrupted() || causedBy(e, InterruptedException.class)) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Embedding cancelled");
                }
                if (!failure.retriable() || attempt > config.maxRetries() || !waitForServer && failure.unreachable()) {
                    throw failure.toException(config.baseUrl(), name, config.timeout(), attempt);
                }
                long delay = config.retryDelay().toMillis() << Math.min(10, attempt - 1);
                LOG.warn("Ollama request failed ({}); attempt {} of {}, next in {} ms", failure, attempt,
                        config.maxRetries() + 1, delay);
                sleep(delay);
                continue;
            }
            List<float[]> vectors = validate(result.vectors(), texts.size(), expected);
            checkTruncation(texts, result.promptEvalCount());
            return vectors;
        }
    }

    private void checkTruncation(List<String> texts, int reported) {
        truncation.problem(texts, reported, config.baseUrl(), name).ifPresent(problem -> {
            synchronized (warnings) {
                if (warnings.isEmpty()) {
                    LOG.warn("{}", problem);
                }
                if (warnings.size() < 20) {
                    warnings.add(problem);
                }
            }
        });
    }

    private List<float[]> validate(List<float[]> embeddings, int count, int expected) {
        if (embeddings.size() != count) {
            throw new SemdexException("The Ollama server at " + config.baseUrl() + " returned " + embeddings.size()
                    + " vectors for " + count + " texts (model " + name + "). Is this really an Ollama server?");
        }
        List<float[]> out = new ArrayList<>(count);
        int want = expected;
        for (float[] v : embeddings) {
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
        if (ownsTokenizer) {
            closeQuietly(tokenizer);
        }
    }

    static void closeQuietly(TextTokenizer tokenizer) {
        if (tokenizer instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the tokenizer failed", e);
            }
        }
    }
}

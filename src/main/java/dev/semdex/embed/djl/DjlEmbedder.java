package dev.semdex.embed.djl;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.PairList;
import dev.semdex.SemdexException;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.PooledVectors;
import dev.semdex.embed.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs a local Hugging Face encoder in-process with DJL. Each worker thread owns a predictor on a single-threaded
 * session and embeds one passage at a time; on two cores that reached the peer's throughput, where batching padded
 * sequences lost a good part of it (shared/research/peer-benchmarks.md).
 */
public final class DjlEmbedder implements Embedder, PooledVectors {

    private final ModelSpec spec;
    private final ZooModel<String, float[]> model;
    private final HuggingFaceTokenizer inputTokenizer;
    private final HuggingFaceTokenizer countingTokenizer;
    private final TextTokenizer textTokenizer;
    private final BlockingQueue<Predictor<String, float[]>> predictors;
    private final ExecutorService workers;
    private final int threads;
    private final int dimension;
    private final int maxPassageTokens;
    /**
     * Inference holds the read side, closing the write side: ONNX Runtime crashes the JVM if a session is freed while
     * a run is still inside it (a cancelled run's worker, or a query during shutdown), so closing waits for them.
     */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private DjlEmbedder(ModelSpec spec, ZooModel<String, float[]> model, HuggingFaceTokenizer inputTokenizer,
            HuggingFaceTokenizer countingTokenizer, int threads) {
        this.spec = spec;
        this.model = model;
        this.inputTokenizer = inputTokenizer;
        this.countingTokenizer = countingTokenizer;
        this.textTokenizer = new HfTextTokenizer(countingTokenizer);
        this.threads = threads;
        this.predictors = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            predictors.add(model.newPredictor());
        }
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "semdex-embed-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.maxPassageTokens = spec.maxTokens() - 2 - textTokenizer.count(spec.passagePrefix());
        this.dimension = embedOne("dimension probe").length;
    }

    /**
     * A tokenizer that only counts and cuts (no special tokens, no truncation), for sizing chunks of a model that
     * runs elsewhere (an Ollama server) but splits text like this tokenizer.json. Close it when done.
     */
    public static TextTokenizer countingTokenizer(Path tokenizerJson) {
        return new HfTextTokenizer(HfTokenizers.forCounting(tokenizerJson));
    }

    /**
     * Loads a model folder holding {@code tokenizer.json} and a model file: {@code .onnx} runs on ONNX Runtime,
     * {@code .pt} (TorchScript) on PyTorch.
     */
    public static DjlEmbedder open(ModelSpec spec, Path modelFile, Path tokenizerJson, int threads) {
        if (!Files.isRegularFile(modelFile)) {
            throw new SemdexException("Model file not found: " + modelFile);
        }
        String fileName = modelFile.getFileName().toString();
        boolean torch = fileName.endsWith(".pt");
        if (torch && !TorchNatives.present()) {
            throw new SemdexException(TorchNatives.missingMessage(spec.id()));
        }
        String engine = torch ? "PyTorch" : "OnnxRuntime";
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        HuggingFaceTokenizer input = HfTokenizers.forModelInput(tokenizerJson, spec.maxTokens());
        HuggingFaceTokenizer counting = HfTokenizers.forCounting(tokenizerJson);
        try {
            boolean tokenTypes = !torch;
            ZooModel<String, float[]> model = load(modelFile, name, engine, input, spec, tokenTypes);
            if (!torch && !declaresInput(model, "token_type_ids")) {
                model.close();
                model = load(modelFile, name, engine, input, spec, false);
            }
            return new DjlEmbedder(spec, model, input, counting, Math.max(1, threads));
        } catch (RuntimeException e) {
            input.close();
            counting.close();
            throw e;
        }
    }

    private static ZooModel<String, float[]> load(Path modelFile, String name, String engine,
            HuggingFaceTokenizer tokenizer, ModelSpec spec, boolean tokenTypes) {
        Criteria<String, float[]> criteria = Criteria.builder()
                .setTypes(String.class, float[].class)
                .optModelPath(modelFile.getParent())
                .optModelName(name)
                .optEngine(engine)
                .optOption("intraOpNumThreads", "1")
                .optOption("interOpNumThreads", "1")
                .optTranslator(new PoolingTranslator(tokenizer, spec.pooling(), tokenTypes))
                .build();
        try {
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new SemdexException("Cannot load model '" + spec.id() + "' from " + modelFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean declaresInput(ZooModel<?, ?> model, String input) {
        try {
            PairList<String, ai.djl.ndarray.types.Shape> inputs = model.describeInput();
            return inputs == null || inputs.keys().isEmpty() || inputs.keys().contains(input);
        } catch (RuntimeException e) {
            return true;
        }
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
        return textTokenizer;
    }

    /** How many single-threaded sessions embed in parallel. */
    public int threads() {
        return threads;
    }

    /** Enough per thread that the last passage of a call leaves the other threads idle only briefly. */
    @Override
    public int passagesPerCall() {
        return threads * 16;
    }

    @Override
    public int maxPassageTokens() {
        return maxPassageTokens;
    }

    @Override
    public float[] embedQuery(String query) {
        return embedOne(spec.queryPrefix() + query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<float[]> pooled = pooledPassages(passages);
        pooled.forEach(Vectors::normalize);
        return pooled;
    }

    @Override
    public float[] pooledQuery(String query) {
        return pool(spec.queryPrefix() + query);
    }

    @Override
    public List<float[]> pooledPassages(List<String> passages) {
        String[] inputs = passages.stream().map(p -> spec.passagePrefix() + p).toArray(String[]::new);
        float[][] out = new float[inputs.length][];
        if (inputs.length == 0) {
            return List.of();
        }
        // Even a single passage runs on a worker, so the model's work is always on the embedding threads (where
        // benchmarks count it) and the caller only waits.
        int parallel = Math.min(threads, inputs.length);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(parallel);
        for (int w = 0; w < parallel; w++) {
            futures.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < inputs.length; i = next.getAndIncrement()) {
                    if (Thread.currentThread().isInterrupted()) {
                        return null;
                    }
                    out[i] = pool(inputs[i]);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("Embedding cancelled");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof SemdexException se) {
                throw se;
            }
            throw new SemdexException("Embedding failed with model '" + spec.id() + "': " + cause.getMessage(), cause);
        }
        return Arrays.asList(out);
    }

    private float[] embedOne(String input) {
        return Vectors.normalize(pool(input));
    }

    private float[] pool(String input) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new CancellationException("Model '" + spec.id() + "' was closed");
            }
            return PooledPredictors.predict(predictors, input, spec.id());
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            predictors.forEach(Predictor::close);
            model.close();
            inputTokenizer.close();
            countingTokenizer.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}

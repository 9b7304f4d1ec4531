package dev.semdex.embed.djl;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.semdex.SemdexException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * A DJL predictor is not thread-safe, so each embedding thread borrows one from a pool for one call; waiting for a
 * free one is where a cancelled run stops.
 */
final class PooledPredictors {

    private PooledPredictors() {
    }

    /** Runs {@code input} through a predictor taken from {@code pool} and given back afterwards. */
    static <I> float[] predict(BlockingQueue<Predictor<I, float[]>> pool, I input, String modelId) {
        Predictor<I, float[]> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Embedding cancelled");
        }
        try {
            return predictor.predict(input);
        } catch (TranslateException | RuntimeException e) {
            throw new SemdexException("Embedding failed with model '" + modelId + "': " + e.getMessage(), e);
        } finally {
            pool.add(predictor);
        }
    }
}

package dev.semdex.search;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;

/**
 * What computes the dot products of a vector search. The Vector API is fastest but exists only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}; without it, ONNX Runtime (loaded for the embedding
 * models anyway) runs the int8 first pass with SIMD, and plain Java remains for a machine where neither loads.
 * A choice here, rather than inside each scorer, lets the bench run every engine side by side in one process.
 */
public enum ScanEngine {
    VECTOR_API("vector-api"),
    ONNX_RUNTIME("onnxruntime"),
    PLAIN_JAVA("java");

    private final String label;

    ScanEngine(String label) {
        this.label = label;
    }

    /** The fastest engine this JVM can run, chosen once. */
    public static ScanEngine best() {
        return Best.ENGINE;
    }

    /** True when this engine can run in this JVM. */
    public boolean available() {
        return switch (this) {
            case VECTOR_API -> VectorApi.PRESENT;
            case ONNX_RUNTIME -> OnnxRuntime.LOADS;
            case PLAIN_JAVA -> true;
        };
    }

    public String label() {
        return label;
    }

    /** Float dot products, for exact scans and re-scoring: ONNX Runtime's first pass leaves those to Java. */
    RowScorer rowScorer() {
        return this == VECTOR_API ? RowScorer.vectorApi() : new ScalarScorer();
    }

    /** Holders, so that a JVM with the Vector API never loads ONNX Runtime's library for search. */
    private static final class Best {
        static final ScanEngine ENGINE = VectorApi.PRESENT ? VECTOR_API
                : OnnxRuntime.LOADS ? ONNX_RUNTIME : PLAIN_JAVA;
    }

    private static final class VectorApi {
        static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && RowScorer.vectorApi() instanceof SimdScorer;
    }

    private static final class OnnxRuntime {
        static final boolean LOADS = loads();

        private static boolean loads() {
            try {
                // The process has one ONNX Runtime environment, and DJL refuses to run on one it did not create
                // with its options: its engine starts first, then this takes the same environment.
                Engine.getEngine("OnnxRuntime");
                OrtEnvironment.getEnvironment();
                return true;
            } catch (Exception | LinkageError e) {
                return false;
            }
        }
    }
}

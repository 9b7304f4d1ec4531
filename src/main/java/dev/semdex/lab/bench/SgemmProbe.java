package dev.semdex.lab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Sustained single-precision matrix multiply rate of this machine, on all cores, measured with the PyTorch engine
 * (its bundled BLAS). An encoder is almost all matrix multiplies, so this rate is the ceiling for embedding and
 * says how close to the hardware a passages/s figure is.
 */
final class SgemmProbe {

    private static final int SIZE = 1024;

    private SgemmProbe() {}

    /** GFLOP/s of 1024×1024 by 1024×1024 products over about {@code seconds}, after a warm-up. */
    static double gflops(double seconds) {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(SIZE, SIZE));
            NDArray b = manager.randomUniform(-1f, 1f, new Shape(SIZE, SIZE));
            for (int i = 0; i < 10; i++) {
                a.matMul(b).close();
            }
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            int products = 0;
            do {
                a.matMul(b).close();
                products++;
            } while (System.nanoTime() < deadline);
            double elapsed = (System.nanoTime() - start) / 1e9;
            return 2.0 * SIZE * SIZE * SIZE * products / elapsed / 1e9;
        }
    }
}

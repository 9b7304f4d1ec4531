package dev.semdex.search;

/** Integer dot products of a quantised query with a range of rows of int8 codes. */
interface Int8Scorer {

    void score(short[] query, byte[] codes, int dimension, int[] scores, int from, int to);

    /**
     * Whether this scorer beats the exact float scan: only the Vector API's does; the plain-Java loop widens bytes
     * one at a time, which the JIT of Java 17 does not vectorise, and is slower than scanning the floats.
     */
    default boolean fasterThanFloats() {
        return false;
    }

    /** The Vector API version when the JVM has the module, else plain Java. */
    static Int8Scorer best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (Int8Scorer) Class.forName("dev.semdex.search.SimdInt8Scorer").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new Scalar();
            }
        }
        return new Scalar();
    }

    final class Scalar implements Int8Scorer {
        @Override
        public void score(short[] query, byte[] codes, int dimension, int[] scores, int from, int to) {
            for (int row = from; row < to; row++) {
                int base = row * dimension;
                int s = 0;
                for (int i = 0; i < dimension; i++) {
                    s += query[i] * codes[base + i];
                }
                scores[row] = s;
            }
        }
    }
}

package dev.semdex.search;

/** Scores a range of rows of a flat vector array against a query. */
interface RowScorer {

    void score(float[] query, float[] data, int dimension, float[] scores, int from, int to);

    /** The dot product of the query with the vector starting at {@code base}. */
    float dot(float[] query, float[] data, int base, int dimension);

    /** The Vector API version when the JVM has the module, else plain Java. */
    static RowScorer best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (RowScorer) Class.forName("dev.semdex.search.SimdScorer").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarScorer();
            }
        }
        return new ScalarScorer();
    }
}

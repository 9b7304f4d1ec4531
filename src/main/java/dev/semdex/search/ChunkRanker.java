package dev.semdex.search;

/**
 * Rows of a vector index ranked for one query, as deep as the caller asks: per-file grouping may need to look
 * deeper than the number of files wanted when one file holds many of the best chunks.
 */
@FunctionalInterface
public interface ChunkRanker {

    /** The best {@code depth} rows, best first (fewer if the index is smaller). */
    Hits top(int depth);

    record Hits(int[] rows, float[] scores) {
        public int size() {
            return rows.length;
        }
    }

    /** A ranker over scores already computed for every row. */
    static ChunkRanker ofScores(float[] scores) {
        return depth -> {
            int[] rows = VectorIndex.topRows(scores, depth);
            float[] top = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                top[i] = scores[rows[i]];
            }
            return new Hits(rows, top);
        };
    }
}

package dev.semdex.search;

import java.util.stream.IntStream;

/** The first pass as Java loops over blocks of rows, split over the cores. */
final class ScorerFirstPass implements Int8FirstPass {

    private static final int PARALLEL_THRESHOLD = 50_000;
    private static final int BLOCK = 16_384;

    private final Int8Scorer scorer;
    private final Int8Codes codes;

    ScorerFirstPass(Int8Scorer scorer, Int8Codes codes) {
        this.scorer = scorer;
        this.codes = codes;
    }

    @Override
    public void score(short[] query, int[] scores) {
        int size = codes.size();
        int dimension = codes.dimension();
        byte[] bytes = codes.codes();
        if (size < PARALLEL_THRESHOLD) {
            scorer.score(query, bytes, dimension, scores, 0, size);
        } else {
            int blocks = (size + BLOCK - 1) / BLOCK;
            IntStream.range(0, blocks).parallel().forEach(b -> scorer.score(query, bytes, dimension, scores,
                    b * BLOCK, Math.min(size, (b + 1) * BLOCK)));
        }
    }

    @Override
    public String engine() {
        return scorer.engine();
    }

    @Override
    public boolean fasterThanExactScan() {
        return scorer.vectorised();
    }
}

package dev.semdex.search;

/**
 * Scores every row of one model's int8 codes against a quantised query: the first pass of a search over a large
 * index. Which engine does it decides whether that pass is worth taking at all, since a scalar Java loop over bytes
 * is slower than scanning the floats exactly.
 */
interface Int8FirstPass {

    /** Writes each row's integer dot product with the query into {@code scores}. */
    void score(short[] query, int[] scores);

    /** The engine's name, as the bench prints it. */
    String engine();

    /** True when this pass beats an exact scan of the floats, so that a two-pass search is worth it. */
    boolean fasterThanExactScan();
}

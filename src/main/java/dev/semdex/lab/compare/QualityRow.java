package dev.semdex.lab.compare;

/**
 * Quality and cost of one model at one dimension and precision on a set of judged queries. {@code agreement} is
 * the mean overlap@10 with the same model's full vectors (1 for the full row); {@code searchMillis} excludes
 * embedding the query, which is the same for every variant of a model.
 */
public record QualityRow(String model, int dimension, String precision, boolean exact, long bytesPerVector,
        long indexBytes, int queries, double ndcg10, double recall, int recallDepth, double agreement,
        double searchMillis) {

    public boolean isFull(int modelDimension) {
        return dimension == modelDimension && precision.equals(Precision.F32.label());
    }
}

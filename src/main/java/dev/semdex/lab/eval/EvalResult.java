package dev.semdex.lab.eval;

/** Quality of one model in one mode on one dataset. */
public record EvalResult(String dataset, String model, String mode, int documents, int queries, double ndcg10,
        double recall100, double mrr10, double queryMillisMean) {}

package dev.semdex.compare;

/** How far two models agree on the compared query's top k files. */
public record PairAgreement(String modelA, String modelB, double overlap, double rbo) {}

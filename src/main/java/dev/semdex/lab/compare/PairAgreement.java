package dev.semdex.lab.compare;

/** How far two models agree on the compared query's top k files. */
public record PairAgreement(String modelA, String modelB, double overlap, double rbo) {}

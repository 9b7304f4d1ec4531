package dev.semdex.lab.compare;

/** One file on the corpus map: where its mean vector projects, and the cluster it falls in. */
public record MapPoint(long documentId, String path, String folder, double x, double y, int cluster) {}

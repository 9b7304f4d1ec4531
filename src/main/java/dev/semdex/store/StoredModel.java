package dev.semdex.store;

/** A model with vectors in the index: its vectors' dimension and the chunk profile they were computed on. */
public record StoredModel(String id, int dimension, String profile) {}

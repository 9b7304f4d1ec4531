package dev.semdex.models;

import java.util.Set;

/**
 * What the model service needs to know of the index: which models it holds vectors of, and how to drop them. An
 * interface so that the models know nothing of how the index is stored; {@code Semdex} wires it to the store.
 */
public interface IndexedModels {

    /** The ids of the models the index has vectors of. */
    Set<String> ids();

    /** Deletes a model's vectors from the index; returns how many. */
    int removeVectors(String modelId);
}

package dev.semdex.models;

import java.util.List;

/**
 * A model that was downloaded from the hub or added from a folder, as the user hears about it.
 *
 * @param engine   the runtime that runs it (ONNX Runtime, PyTorch)
 * @param warnings what did not stop the install but the user should know (a guessed pooling, say)
 */
public record InstalledModel(String id, String engine, int dimension, List<String> warnings) {}

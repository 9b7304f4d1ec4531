package dev.semdex.embed;

/** Where a model's files come from, which decides whether it works offline. */
public enum ModelSource {
    /** Inside a Maven artifact on the class path: always available, no network. */
    BUNDLED,
    /** Fetched from the Hugging Face hub into the cache on request. */
    DOWNLOAD,
    /** Computed by an Ollama server. */
    OLLAMA
}

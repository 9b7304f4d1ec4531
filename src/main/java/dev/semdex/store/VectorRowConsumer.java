package dev.semdex.store;

/** Takes streamed vectors one row at a time, so loading a large index never holds its rows as a list. */
@FunctionalInterface
public interface VectorRowConsumer {
    void accept(long chunkId, long documentId, byte[] vector);
}

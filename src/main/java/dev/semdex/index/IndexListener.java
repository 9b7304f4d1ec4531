package dev.semdex.index;

import java.nio.file.Path;

/** What an indexing run reports while it works. Called on the indexing thread: keep implementations quick. */
public interface IndexListener {

    IndexListener NONE = new IndexListener() {};

    default void scanned(Path folder, int filesFound) {}

    default void progress(IndexProgress progress) {}

    default void skipped(Path file, String reason) {}

    /**
     * The run's first phase stored the text of the folder's new and changed files ({@code files} of them): the whole
     * folder now answers keyword search, and the second phase embeds what the model has no vectors for.
     */
    default void textsStored(Path folder, int files) {}

    /**
     * Called between files on the indexing thread, and between pages on the OCR thread (a scan can take minutes). An
     * implementation may block here to pause the run (the GUI's pause button); it must throw
     * {@link InterruptedException} if interrupted while waiting, and be safe to call from both threads.
     */
    default void checkpoint() throws InterruptedException {}
}

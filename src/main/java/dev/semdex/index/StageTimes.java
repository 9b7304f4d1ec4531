package dev.semdex.index;

import java.time.Duration;

/**
 * Where an indexing run spent its time, stage by stage, so a slow run can be told apart: a model that is slow, or
 * extraction and storage that are. Extraction and chunking run on their own thread while the model embeds, so the
 * stages overlap and their sum can exceed the run's elapsed time.
 *
 * @param extracting reading, hashing and text extraction (on the extraction thread)
 * @param chunking   cutting text into passages with the model's tokenizer (on the extraction thread)
 * @param embedding  the model turning passages into vectors
 * @param storing    SQLite writes: one transaction per file
 */
public record StageTimes(Duration extracting, Duration chunking, Duration embedding, Duration storing) {

    public static final StageTimes NONE = new StageTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}

package dev.semdex.index;

import java.time.Duration;

/**
 * Where an indexing run spent its time, stage by stage, so a slow run can be told apart: a model that is slow, or
 * extraction, OCR and storage that are. Extraction and chunking run on their own thread, and OCR on another, while
 * the model embeds, so the stages overlap and their sum can exceed the run's elapsed time.
 *
 * @param extracting reading, hashing and text extraction (on the extraction thread)
 * @param chunking   cutting text into passages with the model's tokenizer (on the extraction and OCR threads)
 * @param embedding  the model turning passages into vectors
 * @param storing    SQLite writes: one transaction per file
 * @param ocr        reading images and scanned pages with Tesseract, rendering included (on the OCR thread)
 * @param ocrPages   pages (or images) Tesseract read, so that a rate can be given
 */
public record StageTimes(Duration extracting, Duration chunking, Duration embedding, Duration storing, Duration ocr,
        int ocrPages) {

    public static final StageTimes NONE = new StageTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** A run that read no images. */
    public StageTimes(Duration extracting, Duration chunking, Duration embedding, Duration storing) {
        this(extracting, chunking, embedding, storing, Duration.ZERO, 0);
    }
}

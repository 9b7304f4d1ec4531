package dev.semdex.index;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pipeline's OCR stage: images and scanned pages are read on a thread of their own, in the order they came, while
 * the other files go on to the model. Reading a scan takes seconds a page, and a run should neither keep every other
 * file waiting for it nor leave the model idle meanwhile. One thread: Tesseract runs single-threaded (see
 * {@code Tesseract}) and the other cores embed.
 *
 * @param <T> what a file's OCR work yields (the indexer's prepared file)
 */
final class OcrStage<T> implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "semdex-ocr");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Future<T>> inFlight = new ArrayDeque<>();
    private volatile IndexProgress.OcrPage current;

    void submit(Callable<T> work) {
        inFlight.add(worker.submit(work));
    }

    boolean isEmpty() {
        return inFlight.isEmpty();
    }

    /** Whether the oldest file's OCR is over, so taking it will not block. */
    boolean nextIsDone() {
        return !inFlight.isEmpty() && inFlight.peek().isDone();
    }

    /** The oldest file's result, waiting at most {@code millis}; null if it is still being read. */
    T poll(long millis) throws InterruptedException, ExecutionException {
        try {
            T result = inFlight.peek().get(millis, TimeUnit.MILLISECONDS);
            inFlight.remove();
            return result;
        } catch (TimeoutException stillReading) {
            return null;
        }
    }

    /** Called by the OCR thread before each page. */
    void reading(Path file, int page, int pages) {
        current = new IndexProgress.OcrPage(file, page, pages);
    }

    /** Called by the OCR thread when a file is done. */
    void idle() {
        current = null;
    }

    /** The page being read now, or null. */
    IndexProgress.OcrPage current() {
        return current;
    }

    /** Stops the reading: the running Tesseract is killed (its thread is interrupted), queued files are dropped. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

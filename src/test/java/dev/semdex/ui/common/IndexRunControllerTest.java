package dev.semdex.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import dev.semdex.index.IndexSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The run controller with a real indexing thread and the test thread as the UI thread: what reaches the UI is
 * queued, as on the JavaFX thread, and run by {@link #uiUntil}.
 */
class IndexRunControllerTest {

    private static final IndexSummary SUMMARY = new IndexSummary(3, 3, 0, 0, 6, 6, 0, List.of(), Duration.ZERO);

    private final BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final TaskRunner ui = new ThreadRunner();
    private final IndexRunController<Heard> runs = new IndexRunController<>(ui, ui);

    /** What the pane heard of one run, in order. */
    private static final class Heard implements IndexRunController.Events {
        final List<String> events = new ArrayList<>();
        volatile int reportedOnIndexingThread;

        @Override
        public void reported(IndexProgress progress) {
            reportedOnIndexingThread++;
        }

        @Override
        public void scanned(Path folder, int filesFound) {
            events.add("scanned " + filesFound);
        }

        @Override
        public void progress(IndexProgress progress) {
            events.add("progress " + progress.filesDone());
        }

        @Override
        public void succeeded(IndexSummary summary) {
            events.add("succeeded");
        }

        @Override
        public void failed(Throwable error) {
            events.add("failed " + error.getMessage());
        }
    }

    @Test
    void progressReachesTheUiAsTheNewestReportOnly() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Heard run = new Heard();
        runs.start(run, listener -> {
            listener.scanned(Path.of("notes"), 3);
            for (int done = 1; done <= 3; done++) {
                listener.progress(progress(done));
            }
            reported.countDown();
            finish.await();
            return SUMMARY;
        });
        assertThat(reported.await(2, TimeUnit.SECONDS)).isTrue();
        uiUntil(() -> run.events.size() == 2);

        assertThat(run.events).containsExactly("scanned 3", "progress 3");
        assertThat(run.reportedOnIndexingThread).isEqualTo(3);
        finish.countDown();
        uiUntil(() -> !runs.isRunning());
        assertThat(run.events).containsExactly("scanned 3", "progress 3", "succeeded");
        assertThat(runs.current()).isNull();
    }

    @Test
    void pauseHoldsTheRunBetweenFilesUntilResumed() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch passed = new CountDownLatch(1);
        Heard run = new Heard();
        runs.start(run, listener -> {
            go.await();
            listener.checkpoint();
            passed.countDown();
            return SUMMARY;
        });
        assertThat(runs.pause()).isTrue();
        go.countDown();
        assertThat(passed.await(150, TimeUnit.MILLISECONDS)).as("held while paused").isFalse();

        runs.resume();
        assertThat(passed.await(2, TimeUnit.SECONDS)).isTrue();
        uiUntil(() -> !runs.isRunning());
        assertThat(run.events).containsExactly("succeeded");
    }

    @Test
    void cancelReleasesAPausedRunAndDropsWhatItReportsLater() throws Exception {
        CountDownLatch atCheckpoint = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Heard run = new Heard();
        runs.start(run, listener -> {
            atCheckpoint.countDown();
            try {
                listener.checkpoint();
            } finally {
                listener.progress(progress(1));
                released.countDown();
            }
            return SUMMARY;
        });
        runs.pause();
        assertThat(atCheckpoint.await(2, TimeUnit.SECONDS)).isTrue();

        assertThat(runs.cancel()).isSameAs(run);
        assertThat(released.await(2, TimeUnit.SECONDS)).as("the paused thread is let go").isTrue();
        drainUi();
        assertThat(runs.current()).isNull();
        assertThat(run.events).as("nothing of a cancelled run reaches the pane").isEmpty();
        assertThat(runs.cancel()).isNull();
    }

    @Test
    void aFailedRunIsToldAndIsNoLongerCurrent() {
        Heard run = new Heard();
        runs.start(run, listener -> {
            throw new IllegalStateException("disk full");
        });
        uiUntil(() -> !runs.isRunning());

        assertThat(run.events).containsExactly("failed disk full");
    }

    @Test
    void oneRunAtATime() {
        CountDownLatch finish = new CountDownLatch(1);
        Heard first = new Heard();
        runs.start(first, listener -> {
            finish.await();
            return SUMMARY;
        });

        assertThatThrownBy(() -> runs.start(new Heard(), listener -> SUMMARY))
                .isInstanceOf(IllegalStateException.class);
        assertThat(runs.current()).isSameAs(first);
        finish.countDown();
        uiUntil(() -> !runs.isRunning());
    }

    @Test
    void pauseWithoutARunDoesNothing() {
        assertThat(runs.pause()).isFalse();
        runs.resume();
        assertThat(runs.isRunning()).isFalse();
    }

    private static IndexProgress progress(int done) {
        return new IndexProgress(done, 3, done, done, Path.of("notes", done + ".txt"), Duration.ofSeconds(1));
    }

    /** Runs what was posted to the UI thread until {@code done} holds. */
    private void uiUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for the UI thread").isLessThan(deadline);
            try {
                Runnable action = uiQueue.poll(50, TimeUnit.MILLISECONDS);
                if (action != null) {
                    action.run();
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Runs what the UI thread has been handed, giving late posts a moment to arrive. */
    private void drainUi() throws InterruptedException {
        Runnable action;
        while ((action = uiQueue.poll(100, TimeUnit.MILLISECONDS)) != null) {
            action.run();
        }
    }

    /** Work on a thread of its own, results and {@link #onUi} queued for the test thread, as FxTaskRunner does. */
    private final class ThreadRunner implements TaskRunner {

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            boolean[] cancelled = new boolean[1];
            Thread worker = new Thread(() -> {
                try {
                    T value = work.call();
                    onUi(() -> {
                        if (!cancelled[0]) {
                            onSuccess.accept(value);
                        }
                    });
                } catch (Exception e) {
                    onUi(() -> {
                        if (!cancelled[0]) {
                            onFailure.accept(e);
                        }
                    });
                }
            }, "test-index");
            worker.setDaemon(true);
            worker.start();
            return () -> {
                cancelled[0] = true;
                worker.interrupt();
            };
        }

        @Override
        public Cancellable later(Duration delay, Runnable action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUi(Runnable action) {
            uiQueue.add(action);
        }
    }
}

package dev.semdex.ui.common;

import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import dev.semdex.index.IndexSummary;
import java.nio.file.Path;

/**
 * The one index run a pane has going, run on the app's indexing queue so that runs never write at once. The
 * folders pane and the compare window's model adding both need the same things from it, which are easy to get
 * subtly wrong: the indexing thread waits between files while paused and a cancel releases it; progress reaches the
 * UI thread as the newest report only, since it arrives far faster than the window draws; and a run's late reports
 * and result are dropped once it was cancelled, so they never overwrite what the pane shows after. Free of JavaFX:
 * each pane keeps its own properties and texts, and is told through {@link Events}.
 *
 * <p>Call every method on the UI thread.
 *
 * @param <R> the pane's own record of a run (its folder, its model), which also hears the run's events
 */
public final class IndexRunController<R extends IndexRunController.Events> {

    /** What a pane hears of its run: on the UI thread, and only while that run is current, unless said otherwise. */
    public interface Events {

        /** On the indexing thread, for every report: for work that must keep pace with the run, not the window. */
        default void reported(IndexProgress progress) {}

        default void scanned(Path folder, int filesFound) {}

        /** The run stored the text of the folder's files: keyword search covers them, embedding comes next. */
        default void textsStored(Path folder, int files) {}

        /** The newest report since the last one shown. */
        void progress(IndexProgress progress);

        /** The run is finished and no longer current. */
        void succeeded(IndexSummary summary);

        /** The run failed, or was stopped from elsewhere than {@link #cancel}; it is no longer current. */
        void failed(Throwable error);
    }

    /** The indexing itself; it reports to {@code listener}, which blocks it between files while paused. */
    @FunctionalInterface
    public interface Work {
        IndexSummary index(IndexListener listener) throws Exception;
    }

    private final TaskRunner ui;
    private final TaskRunner indexQueue;
    private ActiveRun current;

    /** @param indexQueue the app's one-at-a-time indexing queue */
    public IndexRunController(TaskRunner ui, TaskRunner indexQueue) {
        this.ui = ui;
        this.indexQueue = indexQueue;
    }

    /** Starts {@code work} for {@code run}, which becomes the current run; only one runs at a time. */
    public void start(R run, Work work) {
        if (current != null) {
            throw new IllegalStateException("An index run is already going");
        }
        ActiveRun active = new ActiveRun(run);
        current = active;
        active.task = indexQueue.submit(() -> work.index(active), summary -> {
            if (current == active) {
                current = null;
                run.succeeded(summary);
            }
        }, error -> {
            if (current == active) {
                current = null;
                run.failed(error);
            }
        });
    }

    /** The current run, or null when none is going. */
    public R current() {
        return current == null ? null : current.run;
    }

    public boolean isRunning() {
        return current != null;
    }

    /** Holds the current run at its next file; false when there is none to pause. */
    public boolean pause() {
        if (current == null) {
            return false;
        }
        current.gate.pause();
        return true;
    }

    public void resume() {
        if (current != null) {
            current.gate.resume();
        }
    }

    /**
     * Stops the current run, paused or not; what it finished stays in the index. None of its events arrive after
     * this, so the pane says itself that it was cancelled.
     *
     * @return the run that was stopped, or null when none was going
     */
    public R cancel() {
        ActiveRun active = current;
        if (active == null) {
            return null;
        }
        current = null;
        active.task.cancel();
        active.gate.resume();
        return active.run;
    }

    /** The listener the indexing thread reports to; it passes to the UI thread what the pane should hear. */
    private final class ActiveRun implements IndexListener {
        final R run;
        final PauseGate gate = new PauseGate();
        final LatestOnUi<IndexProgress> latest;
        Cancellable task = Cancellable.NONE;

        ActiveRun(R run) {
            this.run = run;
            this.latest = new LatestOnUi<>(ui, p -> {
                if (current == this) {
                    run.progress(p);
                }
            });
        }

        @Override
        public void scanned(Path folder, int filesFound) {
            ui.onUi(() -> {
                if (current == this) {
                    run.scanned(folder, filesFound);
                }
            });
        }

        @Override
        public void textsStored(Path folder, int files) {
            ui.onUi(() -> {
                if (current == this) {
                    run.textsStored(folder, files);
                }
            });
        }

        @Override
        public void progress(IndexProgress progress) {
            run.reported(progress);
            latest.post(progress);
        }

        @Override
        public void checkpoint() throws InterruptedException {
            gate.await();
        }
    }
}

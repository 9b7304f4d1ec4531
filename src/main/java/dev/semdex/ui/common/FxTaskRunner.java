package dev.semdex.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app's {@link TaskRunner}: each job is a {@link Task} on a pool of named daemon threads. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor;
    /** Jobs submitted while held, in order; started by {@link #release()}. */
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    /** @param threads 0 for a growing pool (searches, loads), 1 for a queue that runs one job at a time */
    public FxTaskRunner(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        var factory = (java.util.concurrent.ThreadFactory) r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Unhandled exception on {}", th.getName(), e));
            return t;
        };
        executor = threads <= 0 ? Executors.newCachedThreadPool(factory) : Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            LOG.debug("Background task failed", error);
            onFailure.accept(error);
        });
        if (executor.isShutdown()) {
            // The window is closing: a finishing task may still ask for follow-up work (a refresh); drop it.
            LOG.debug("Dropped a background job submitted after close");
            return Cancellable.NONE;
        }
        synchronized (this) {
            if (holding) {
                held.add(task);
                return () -> task.cancel(true);
            }
        }
        return start(task) ? () -> task.cancel(true) : Cancellable.NONE;
    }

    /** Starts a job; false when the runner is closing and drops it. */
    private boolean start(Runnable job) {
        try {
            executor.execute(job);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Dropped a background job: the window is closing");
            return false;
        }
    }

    /**
     * Jobs submitted from now on wait, unstarted, until {@link #release()}: on two cores, the loads a window asks
     * for while it is built would otherwise take the CPU its first frame needs.
     */
    public synchronized void hold() {
        holding = true;
    }

    /** Starts the jobs held since {@link #hold()}, in the order they came, and stops holding. */
    public void release() {
        List<Runnable> waiting;
        synchronized (this) {
            holding = false;
            waiting = List.copyOf(held);
            held.clear();
        }
        waiting.forEach(this::start);
    }

    @Override
    public Cancellable later(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.semdex.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the UI thread only the newest of many values posted from a worker: progress arrives far faster than the
 * window can draw, and queueing every update would flood the UI thread.
 */
public final class LatestOnUi<T> {

    private final TaskRunner runner;
    private final Consumer<T> show;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public LatestOnUi(TaskRunner runner, Consumer<T> show) {
        this.runner = runner;
        this.show = show;
    }

    /** Called on any thread; {@code show} runs on the UI thread with the newest value at that moment. */
    public void post(T value) {
        latest.set(value);
        if (!scheduled.getAndSet(true)) {
            runner.onUi(() -> {
                scheduled.set(false);
                show.accept(latest.get());
            });
        }
    }
}

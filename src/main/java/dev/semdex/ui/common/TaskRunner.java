package dev.semdex.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How view models get work off the UI thread and results back onto it. The app uses {@link FxTaskRunner}
 * ({@code javafx.concurrent.Task} on a background pool); tests use a runner that runs everything on the calling
 * thread, so view models are tested without a window and without sleeping.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background, then exactly one of the callbacks on the UI thread. A cancelled task
     * calls neither: its result is simply dropped. Cancelling interrupts the worker thread.
     */
    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. Call on the UI thread. */
    Cancellable later(Duration delay, Runnable action);

    /** Runs {@code action} on the UI thread (soon, or now if already on it in tests). Safe from any thread. */
    void onUi(Runnable action);
}

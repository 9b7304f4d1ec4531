package dev.semdex.ui;

import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A same-thread {@link TaskRunner} for view-model tests. Work runs at once on the calling thread unless
 * {@link #holdWork} is set, in which case it waits for {@link #runHeld()}; delayed actions wait for
 * {@link #fireTimers()}, so debouncing is tested without sleeping.
 */
public final class ManualRunner implements TaskRunner {

    public boolean holdWork;
    private final List<Job> held = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();

    private static final class Job {
        final Runnable run;
        boolean cancelled;

        Job(Runnable run) {
            this.run = run;
        }
    }

    private static final class Timer {
        final Runnable action;
        boolean cancelled;

        Timer(Runnable action) {
            this.action = action;
        }
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Job[] self = new Job[1];
        self[0] = new Job(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                if (!self[0].cancelled) {
                    onFailure.accept(e);
                }
                return;
            }
            if (!self[0].cancelled) {
                onSuccess.accept(value);
            }
        });
        if (holdWork) {
            held.add(self[0]);
        } else {
            self[0].run.run();
        }
        return () -> self[0].cancelled = true;
    }

    @Override
    public Cancellable later(Duration delay, Runnable action) {
        Timer t = new Timer(action);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    /** Runs the held jobs in submission order, cancelled ones included (they deliver nothing). */
    public void runHeld() {
        List<Job> jobs = new ArrayList<>(held);
        held.clear();
        jobs.forEach(j -> j.run.run());
    }

    public int heldCount() {
        return held.size();
    }

    public int pendingTimers() {
        return (int) timers.stream().filter(t -> !t.cancelled).count();
    }

    public void fireTimers() {
        List<Timer> due = new ArrayList<>(timers);
        timers.clear();
        due.stream().filter(t -> !t.cancelled).forEach(t -> t.action.run());
    }
}

package dev.semdex.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Measures how quickly the FX thread answers while something else runs: every 20 ms a probe is posted with
 * {@link Platform#runLater} and the time until it runs is recorded. A UI thread that does I/O or embedding would
 * show up as probes waiting hundreds of milliseconds or more.
 */
final class FxStallMonitor implements AutoCloseable {

    private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private static final long STALL_MS = 300;
    private volatile boolean running = true;
    private final List<String> stalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    private volatile long worstAtMs;
    private volatile long worstMs = -1;

    private FxStallMonitor() {
        thread = new Thread(this::probe, "fx-stall-monitor");
        thread.setDaemon(true);
    }

    static FxStallMonitor start() {
        FxStallMonitor m = new FxStallMonitor();
        m.thread.start();
        return m;
    }

    private void probe() {
        while (running) {
            CountDownLatch ran = new CountDownLatch(1);
            long posted = System.nanoTime();
            Platform.runLater(ran::countDown);
            try {
                if (!ran.await(STALL_MS, TimeUnit.MILLISECONDS)) {
                    recordStall();
                }
                ran.await(30, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - posted) / 1_000_000;
                latenciesMs.add(ms);
                if (ms > worstMs) {
                    worstMs = ms;
                    worstAtMs = (posted - started) / 1_000_000;
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** What the FX thread was doing when a probe had waited {@link #STALL_MS}: the place to look at. */
    private void recordStall() {
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().equals("JavaFX Application Thread") && stalls.size() < 5) {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < Math.min(25, stack.length); i++) {
                    s.append("\n    at ").append(stack[i]);
                }
                stalls.add(String.format("FX thread busy for over %d ms at %.1f s:%s", STALL_MS,
                        (System.nanoTime() - started) / 1e9, s));
            }
        });
    }

    /** Stack traces of the FX thread during stalls, for the test's output. */
    List<String> stalls() {
        return List.copyOf(stalls);
    }

    long maxMs() {
        synchronized (latenciesMs) {
            return latenciesMs.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    long percentileMs(double p) {
        List<Long> sorted;
        synchronized (latenciesMs) {
            sorted = new ArrayList<>(latenciesMs);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    int probes() {
        return latenciesMs.size();
    }

    @Override
    public String toString() {
        return String.format("%d probes, p50 %d ms, p99 %d ms, max %d ms (at %.1f s)", probes(), percentileMs(0.5),
                percentileMs(0.99), maxMs(), worstAtMs / 1000.0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}

package dev.semdex.ui.folders;

/** Holds the indexing thread between files while paused; an interrupt (cancel) releases it. */
public final class PauseGate {

    private boolean paused;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized void await() throws InterruptedException {
        while (paused) {
            wait();
        }
    }
}

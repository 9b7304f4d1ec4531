package dev.semdex.ui.common;

/** Holds the indexing thread between files while paused; an interrupt (cancel) releases it. */
final class PauseGate {

    private boolean paused;

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    synchronized boolean isPaused() {
        return paused;
    }

    synchronized void await() throws InterruptedException {
        while (paused) {
            wait();
        }
    }
}

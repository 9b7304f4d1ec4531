package dev.semdex.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Holds back work the window does not need to be drawn (loading the model, the start-up re-check of folders, the
 * icon font) until its first frame is on screen: on two cores that work would otherwise take a core from the
 * toolkit while it lays out and draws the window, and the user would wait longer to type. Used on the UI thread.
 */
final class AfterFirstFrame {

    private final List<Runnable> waiting = new ArrayList<>();
    private boolean drawn;

    AfterFirstFrame(Scene scene) {
        boolean[] seen = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!seen[0]) {
                seen[0] = true;
                // After the pulse that laid out and drew the frame; the listener cannot be removed inside it.
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    release();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** Runs {@code work} now if the first frame is drawn, else right after it. */
    void run(Runnable work) {
        if (drawn) {
            work.run();
        } else {
            waiting.add(work);
        }
    }

    private void release() {
        drawn = true;
        List<Runnable> now = List.copyOf(waiting);
        waiting.clear();
        now.forEach(Runnable::run);
    }
}

package dev.semdex.ui.common;

/** A handle to background work or a scheduled action that may still be stopped. */
@FunctionalInterface
public interface Cancellable {

    Cancellable NONE = () -> {};

    void cancel();
}

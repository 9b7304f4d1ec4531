package dev.semdex.chunk;

/** Char offsets of consecutive tokens: token i covers {@code [starts[i], ends[i])}. */
public record TokenSpans(int[] starts, int[] ends) {

    public int size() {
        return starts.length;
    }
}

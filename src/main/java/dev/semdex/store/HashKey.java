package dev.semdex.store;

import java.util.Arrays;

/** A text hash usable as a map key (arrays compare by identity). */
public record HashKey(byte[] bytes) {

    @Override
    public boolean equals(Object o) {
        return o instanceof HashKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}

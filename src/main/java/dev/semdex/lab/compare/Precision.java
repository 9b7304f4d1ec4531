package dev.semdex.lab.compare;

import dev.semdex.SemdexException;
import java.util.Locale;

/** How many bits each vector value keeps in a search index. */
public enum Precision {
    /** 32-bit floats, as the model produced them. */
    F32("f32"),
    /** Scalar quantisation to one byte per value, with per-dimension ranges learnt from the corpus. */
    INT8("int8"),
    /** One bit per value (its sign), searched by Hamming distance and re-scored with floats. */
    BINARY("binary");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Bytes one vector of {@code dimension} values takes at this precision. */
    public long bytesPerVector(int dimension) {
        return switch (this) {
            case F32 -> 4L * dimension;
            case INT8 -> dimension;
            case BINARY -> (dimension + 7) / 8;
        };
    }

    public static Precision parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Precision p : values()) {
            if (p.label.equals(t)) {
                return p;
            }
        }
        if (t.equals("float32") || t.equals("fp32")) {
            return F32;
        }
        if (t.equals("bit") || t.equals("1bit") || t.equals("ubinary")) {
            return BINARY;
        }
        throw new SemdexException("Unknown precision '" + text + "': use f32, int8 or binary.");
    }
}

package dev.semdex.search;

import java.util.Locale;

/** How results are found: by meaning, by words, or both fused (the default, which beats either alone). */
public enum SearchMode {
    HYBRID,
    VECTOR,
    KEYWORD;

    public static SearchMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

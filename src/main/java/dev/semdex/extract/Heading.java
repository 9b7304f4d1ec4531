package dev.semdex.extract;

import java.util.Objects;

/**
 * A heading in extracted text: where it starts, how deep it sits (1 for a chapter, 2 for its sections …) and what it
 * says. Passages carry the headings they sit under, because a passage's own words often do not say what it is about
 * ("It takes an optional argument…" under "Reading files › open()").
 */
public record Heading(int offset, int level, String text) {

    public Heading {
        Objects.requireNonNull(text, "text");
        if (level < 1) {
            throw new IllegalArgumentException("level must be at least 1: " + level);
        }
    }
}

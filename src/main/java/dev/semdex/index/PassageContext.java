package dev.semdex.index;

import dev.semdex.chunk.Chunk;

/** What the model reads for a passage: the passage, and (being measured) its title and heading path before it. */
final class PassageContext {

    private static final String MODE = System.getProperty("semdex.passageContext", "none");

    private PassageContext() {}

    static String embedded(String title, Chunk chunk) {
        String context = switch (MODE) {
            case "title" -> title;
            case "heading" -> chunk.heading();
            case "both" -> title.isEmpty() ? chunk.heading()
                    : chunk.heading().isEmpty() ? title : title + " \u203A " + chunk.heading();
            default -> "";
        };
        return context.isBlank() ? chunk.text() : context + "\n\n" + chunk.text();
    }
}

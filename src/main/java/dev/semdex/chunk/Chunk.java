package dev.semdex.chunk;

/**
 * A passage of a document, small enough for the model. Offsets point into the extracted text so that the result
 * list can show the passage in context; {@code page} is 1-based, or 0 where the format has no pages; {@code heading}
 * is the path of headings the passage sits under ("Chapter › Section"), empty where there is none.
 */
public record Chunk(int ordinal, String text, int start, int end, int page, int tokens, String heading) {

    public Chunk {
        heading = heading == null ? "" : heading;
    }

    /** A passage not under any heading. */
    public Chunk(int ordinal, String text, int start, int end, int page, int tokens) {
        this(ordinal, text, start, end, page, tokens, "");
    }

    public Chunk withHeading(String path) {
        return new Chunk(ordinal, text, start, end, page, tokens, path);
    }
}

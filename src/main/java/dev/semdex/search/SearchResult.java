package dev.semdex.search;

import java.util.List;

/**
 * One file in the result list, represented by its best passage.
 *
 * @param start  offset of the passage in the file's extracted text
 * @param page   1-based page of the passage, 0 where the format has no pages
 * @param title  what the file calls itself, empty when it says nothing (then its name is shown)
 * @param heading the headings the passage sits under, "Chapter › Section", empty where there are none
 * @param alsoIn  other files whose best passage for the query is the same text (copies, a whole-book page that
 *                holds this chapter), shown with this one instead of as results of their own
 */
public record SearchResult(int rank, String path, double score, long chunkId, String chunkText, int start, int end,
        int page, String title, String heading, List<String> alsoIn) {

    public SearchResult {
        title = title == null ? "" : title;
        heading = heading == null ? "" : heading;
        alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
    }

    /** A result from a file without title or headings. */
    public SearchResult(int rank, String path, double score, long chunkId, String chunkText, int start, int end,
            int page) {
        this(rank, path, score, chunkId, chunkText, start, end, page, "", "", List.of());
    }


    /** The title to show: the file's own, else its name. */
    public String displayTitle() {
        if (!title.isBlank()) {
            return title;
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}

package dev.semdex.extract;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one file, normalized: no control characters but newline and tab, at most two blank lines in a row,
 * paragraphs separated by a blank line where the format marks them.
 *
 * @param text       the text, possibly cut at the extractor's size budget
 * @param pageStarts offsets in {@code text} where page 1, 2, … begin, so a hit can cite its page; empty for formats
 *                   without pages. An empty page starts where the next one does.
 * @param mediaType  the detected media type without parameters, e.g. "application/pdf"
 */
public record ExtractedText(String text, int[] pageStarts, String mediaType) {

    public ExtractedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mediaType, "mediaType");
        pageStarts = pageStarts == null ? new int[0] : pageStarts.clone();
    }

    @Override
    public int[] pageStarts() {
        return pageStarts.clone();
    }

    public int pageCount() {
        return pageStarts.length;
    }

    /** The 1-based page holding the character at {@code charOffset}, or 0 if the format has no pages. */
    public int pageAt(int charOffset) {
        if (pageStarts.length == 0) {
            return 0;
        }
        int low = 0;
        int high = pageStarts.length - 1;
        int page = 0; // text before the first page marker (a title) counts as page 1
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (pageStarts[mid] <= charOffset) {
                page = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return page + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtractedText other
                && text.equals(other.text)
                && Arrays.equals(pageStarts, other.pageStarts)
                && mediaType.equals(other.mediaType);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * text.hashCode() + Arrays.hashCode(pageStarts)) + mediaType.hashCode();
    }

    /** Omits the text itself, which can be megabytes long. */
    @Override
    public String toString() {
        return "ExtractedText[" + text.length() + " chars, " + pageStarts.length + " pages, " + mediaType + "]";
    }
}

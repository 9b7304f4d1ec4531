package dev.semdex.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The text of one file, normalized: no control characters but newline and tab, at most two blank lines in a row,
 * paragraphs separated by a blank line where the format marks them.
 *
 * @param text       the text, possibly cut at the extractor's size budget
 * @param pageStarts offsets in {@code text} where page 1, 2, … begin, so a hit can cite its page; empty for formats
 *                   without pages. An empty page starts where the next one does.
 * @param mediaType  the detected media type without parameters, e.g. "application/pdf"
 * @param title      what the document calls itself (a page's title, a PDF's or Word file's title property, the first
 *                   heading), empty when it says nothing; the file name stands in for it where one is shown
 * @param headings   the headings in {@code text}, in text order
 * @param listing    whether the document has almost no text of its own (a web page of links such as a table of
 *                   contents, a redirect): it names every topic and answers none, so search puts it below real pages
 */
public record ExtractedText(String text, int[] pageStarts, String mediaType, String title, List<Heading> headings,
        boolean listing) {

    /** Separates the headings of a path, as a breadcrumb does. */
    public static final String PATH_SEPARATOR = " \u203A ";

    public ExtractedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mediaType, "mediaType");
        pageStarts = pageStarts == null ? new int[0] : pageStarts.clone();
        title = title == null ? "" : title.strip();
        headings = headings == null ? List.of() : List.copyOf(headings);
    }

    /** Text without a title or headings (plain text, OCR of an image). */
    public ExtractedText(String text, int[] pageStarts, String mediaType) {
        this(text, pageStarts, mediaType, "", List.of(), false);
    }

    /** The same text under another title, e.g. one found in the file's properties. */
    public ExtractedText withTitle(String newTitle) {
        return new ExtractedText(text, pageStarts, mediaType, newTitle, headings, listing);
    }

    /** The same text with other headings, e.g. a PDF's outline placed in it once OCR filled in its scanned pages. */
    public ExtractedText withHeadings(List<Heading> newHeadings) {
        return new ExtractedText(text, pageStarts, mediaType, title, newHeadings, listing);
    }

    /**
     * The headings of the passage {@code [start, end)}: those of the section that holds most of it, since a passage
     * that begins with the last lines of one section (the overlap with the passage before) is about the next one.
     */
    public String headingPathOf(int start, int end) {
        int best = start;
        int bestLength = -1;
        int from = start;
        for (Heading heading : headings) {
            if (heading.offset() <= start) {
                continue;
            }
            if (heading.offset() >= end) {
                break;
            }
            if (heading.offset() - from > bestLength) {
                bestLength = heading.offset() - from;
                best = from;
            }
            from = heading.offset();
        }
        if (end - from > bestLength) {
            best = from;
        }
        return headingPathAt(best);
    }

    /**
     * The headings a passage starting at {@code offset} sits under, outermost first, joined by
     * {@link #PATH_SEPARATOR}: "Chapter › Section › Subsection". A chapter heading that only repeats the document's
     * title is left out, since the title is shown (and searched) on its own. Empty above the first heading.
     */
    public String headingPathAt(int offset) {
        Deque<Heading> open = new ArrayDeque<>();
        for (Heading heading : headings) {
            if (heading.offset() > offset) {
                break;
            }
            while (!open.isEmpty() && open.peekLast().level() >= heading.level()) {
                open.removeLast();
            }
            open.addLast(heading);
        }
        List<String> names = new ArrayList<>();
        for (Heading heading : open) {
            if (names.isEmpty() && heading.text().equalsIgnoreCase(title)) {
                continue;
            }
            names.add(heading.text());
        }
        return String.join(PATH_SEPARATOR, names);
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
                && mediaType.equals(other.mediaType)
                && title.equals(other.title)
                && headings.equals(other.headings)
                && listing == other.listing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, Arrays.hashCode(pageStarts), mediaType, title, headings, listing);
    }

    /** Omits the text itself, which can be megabytes long. */
    @Override
    public String toString() {
        return "ExtractedText[" + text.length() + " chars, " + pageStarts.length + " pages, " + mediaType + ", \""
                + title + "\", " + headings.size() + " headings]";
    }
}

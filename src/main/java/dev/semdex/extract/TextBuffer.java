package dev.semdex.extract;

import java.util.Arrays;

/**
 * Collects extracted text and normalizes it as it arrives, because page offsets must point into the final text:
 * normalizing afterwards would shift them. Drops control characters, trims trailing blanks on each line, keeps at
 * most two blank lines in a row and never starts with a newline. Stops accepting text at {@code maxChars}.
 */
final class TextBuffer {

    /** Two blank lines: enough to keep a source file's layout, few enough that PDFs do not turn into ladders. */
    private static final int MAX_NEWLINES = 3;

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pendingBlanks = new StringBuilder();
    private final int maxChars;
    private int pendingNewlines;
    private int pendingPages;
    private int[] pageStarts = new int[8];
    private int pageCount;
    private boolean afterCarriageReturn;
    private boolean full;
    private final java.util.List<Heading> headings = new java.util.ArrayList<>();
    private int headingLevel;
    private int headingStart = -1;
    private final StringBuilder headingText = new StringBuilder();

    TextBuffer(int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** Appends characters; returns false once the size budget is used up, and from then on ignores everything. */
    boolean append(char[] chars, int start, int length) {
        for (int i = start; i < start + length && !full; i++) {
            append(chars[i]);
        }
        return !full;
    }

    boolean append(CharSequence chars) {
        for (int i = 0; i < chars.length() && !full; i++) {
            append(chars.charAt(i));
        }
        return !full;
    }

    private void append(char c) {
        boolean carriageReturn = c == '\r';
        if (c == '\n' && afterCarriageReturn) {
            afterCarriageReturn = false;
            return;
        }
        afterCarriageReturn = carriageReturn;
        if (c == '\n' || carriageReturn || c == '\u000B' || c == '\u000C' || c == '\u2028' || c == '\u0085') {
            addNewlines(1);
        } else if (c == '\u2029') {
            paragraphBreak();
        } else if (c == ' ' || c == '\t' || c == '\u00A0') {
            pendingBlanks.append(c);
        } else if (Character.isISOControl(c) || c == '\uFEFF') {
            // NUL and friends: noise from binary formats that breaks tokenizers and databases.
        } else {
            write(c);
        }
    }

    /** Whitespace that only separates words: one space, unless a break or a blank is already pending. */
    void softSpace() {
        if (pendingNewlines == 0 && pendingBlanks.length() == 0 && text.length() > 0) {
            pendingBlanks.append(' ');
        }
    }

    /** A line break from markup such as {@code <br>}: adds to the ones already pending. */
    void lineBreak() {
        addNewlines(1);
    }

    /** The end of a line-like element (list item, table row): at least one newline, no more. */
    void endLine() {
        pendingBlanks.setLength(0);
        pendingNewlines = Math.max(pendingNewlines, 1);
    }

    /** The end of a paragraph-like element: a blank line, which a chunker takes as a paragraph boundary. */
    void paragraphBreak() {
        pendingBlanks.setLength(0);
        pendingNewlines = Math.max(pendingNewlines, 2);
    }

    /** Separates table cells on one line. */
    void cellBreak() {
        if (text.length() > 0 && pendingNewlines == 0) {
            pendingBlanks.setLength(0);
            pendingBlanks.append('\t');
        }
    }

    /** A new page begins; its offset is fixed when its first visible character arrives. */
    void startPage() {
        paragraphBreak();
        pendingPages++;
    }

    /**
     * A heading of the given level begins: its text is written as usual and also remembered, with the offset of its
     * first character, until {@link #endHeading}.
     */
    void startHeading(int level) {
        paragraphBreak();
        headingLevel = level;
        headingStart = -1;
        headingText.setLength(0);
    }

    /** The heading begun last ends; one without visible text is forgotten. */
    void endHeading() {
        if (headingLevel > 0 && headingStart >= 0) {
            String words = Titles.clean(headingText.toString());
            if (!words.isEmpty()) {
                headings.add(new Heading(headingStart, headingLevel, words));
            }
        }
        headingLevel = 0;
        headingStart = -1;
        paragraphBreak();
    }

    /** The headings written so far, in text order. */
    java.util.List<Heading> headings() {
        return java.util.List.copyOf(headings);
    }

    boolean isFull() {
        return full;
    }

    int length() {
        return text.length();
    }

    String text() {
        return text.toString();
    }

    /** Offsets of the pages begun so far; pages with no text at the end start at the text's end. */
    int[] pageStarts() {
        int[] starts = Arrays.copyOf(pageStarts, pageCount + (full ? 0 : pendingPages));
        Arrays.fill(starts, pageCount, starts.length, text.length());
        return starts;
    }

    private void addNewlines(int count) {
        pendingBlanks.setLength(0);
        pendingNewlines = Math.min(MAX_NEWLINES, pendingNewlines + count);
    }

    private void write(char c) {
        boolean separated = pendingNewlines > 0 || pendingBlanks.length() > 0;
        if (text.length() > 0) {
            for (int i = 0; i < pendingNewlines && !full; i++) {
                put('\n');
            }
        }
        pendingNewlines = 0;
        for (int i = 0; i < pendingBlanks.length() && !full; i++) {
            put(pendingBlanks.charAt(i));
        }
        if (headingLevel > 0) {
            if (headingStart < 0) {
                headingStart = text.length();
            } else if (separated) {
                headingText.append(' ');
            }
        }
        pendingBlanks.setLength(0);
        if (full) {
            return;
        }
        while (pendingPages > 0) {
            if (pageCount == pageStarts.length) {
                pageStarts = Arrays.copyOf(pageStarts, pageCount * 2);
            }
            pageStarts[pageCount++] = text.length();
            pendingPages--;
        }
        put(c);
        if (headingLevel > 0) {
            headingText.append(c);
        }
    }

    private void put(char c) {
        text.append(c);
        if (text.length() >= maxChars) {
            full = true;
        }
    }
}

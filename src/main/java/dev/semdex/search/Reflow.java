package dev.semdex.search;

/**
 * Joins the lines of a paragraph that an HTML source or a plain-text file broke at a fixed width, so a sentence
 * reads on as one line in a preview that wraps by itself. A single line break becomes a space; a blank line (a
 * paragraph end) and a break before a list item, an indented line or a table row stay. Each break is replaced by
 * one space, so the text keeps its length and every offset into it (the best sentence, the highlights) stays valid.
 */
public final class Reflow {

    private Reflow() {}

    public static String paragraphs(String text) {
        if (text == null || text.indexOf('\n') < 0) {
            return text;
        }
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            if (text.charAt(i) == '\n' && joins(text, i)) {
                out[i] = ' ';
            }
        }
        return new String(out);
    }

    /** Whether the break at {@code i} sits inside a paragraph: words on both sides and no new item or block. */
    private static boolean joins(String text, int i) {
        if (i == 0 || i + 1 >= text.length()) {
            return false;
        }
        char before = text.charAt(i - 1);
        if (before == '\n' || before == '\r' || before == ':' || before == '|') {
            return false;
        }
        String next = text.substring(i + 1, Math.min(text.length(), i + 12));
        if (next.isEmpty() || Character.isWhitespace(next.charAt(0))) {
            return false;
        }
        return !next.matches("(?s)([-*•+|>#]\\s|\\d{1,3}[.)]\\s|[a-zA-Z][.)]\\s).*");
    }
}

package dev.semdex.ui.search;

import dev.semdex.search.BestSentence;
import dev.semdex.search.BestSentence.Span;
import dev.semdex.search.QueryTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks what to emphasise in a passage: the words of the query (a query word also matches longer forms, "index"
 * matches "indexing") and the best sentence, which the core finds by meaning ({@link BestSentence}). Pure text
 * logic, so it is tested without a window.
 */
public final class Highlighter {

    /** A run of text with how to draw it. */
    public record Segment(String text, boolean term, boolean bestSentence) {}

    /** A cut of a passage for the result list, with the place of the best sentence in it (null: none). */
    public record Excerpt(String text, Span best) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Highlighter() {}

    public static List<String> terms(String query) {
        return QueryTerms.of(query);
    }

    /**
     * Collapses white space and cuts the text to about {@code max} characters, starting at the best sentence (or,
     * while that is not known yet, at the sentence with the most query words) so the part that matters is in view.
     */
    public static Excerpt excerpt(String text, Span best, String query, int max) {
        int n = text.length();
        int[] toFlat = new int[n + 1];
        StringBuilder flat = new StringBuilder(n);
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = flat.length() > 0;
                toFlat[i] = flat.length();
            } else {
                if (space) {
                    flat.append(' ');
                    space = false;
                }
                toFlat[i] = flat.length();
                flat.append(c);
            }
        }
        toFlat[n] = flat.length();
        Span flatBest = best == null ? null : new Span(toFlat[best.start()], toFlat[best.end()]);
        if (flat.length() <= max) {
            return new Excerpt(flat.toString(), flatBest);
        }
        Span anchor = best != null ? best : BestSentence.byWords(text, query).orElse(null);
        int start = anchor == null ? 0 : toFlat[anchor.start()];
        if (flat.length() - start < max) {
            start = Math.max(0, flat.length() - max);
            int sp = flat.indexOf(" ", start);
            start = sp < 0 || start == 0 ? start : sp + 1;
        }
        int end = Math.min(flat.length(), start + max);
        if (end < flat.length()) {
            int sp = flat.lastIndexOf(" ", end);
            end = sp > start + max / 2 ? sp : end;
        }
        String prefix = start > 0 ? "…" : "";
        String cut = prefix + flat.substring(start, end) + (end < flat.length() ? "…" : "");
        Span shown = null;
        if (flatBest != null) {
            int s = Math.max(flatBest.start(), start) - start + prefix.length();
            int e = Math.min(flatBest.end(), end) - start + prefix.length();
            shown = e > s ? new Span(s, e) : null;
        }
        return new Excerpt(cut, shown);
    }

    /** The text cut into runs: query words marked, and the characters of {@code best} (may be null) marked. */
    public static List<Segment> segments(String text, String query, Span best) {
        List<String> terms = terms(query);
        int n = text.length();
        boolean[] term = new boolean[n];
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!terms.isEmpty() && QueryTerms.matches(m.group(), terms)) {
                for (int i = m.start(); i < m.end(); i++) {
                    term[i] = true;
                }
            }
        }
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || term[i] != term[start] || inBest(best, i) != inBest(best, start)) {
                out.add(new Segment(text.substring(start, i), term[start], inBest(best, start)));
                start = i;
            }
        }
        return out;
    }

    private static boolean inBest(Span best, int i) {
        return best != null && i >= best.start() && i < best.end();
    }
}

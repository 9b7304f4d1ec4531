package dev.semdex.ui.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks what to emphasise in a passage: the words of the query (a query word also matches longer forms, "index"
 * matches "indexing") and the sentence with the most of them. Pure text logic, so it is tested without a window.
 */
public final class Highlighter {

    /** A run of text with how to draw it. */
    public record Segment(String text, boolean term, boolean bestSentence) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "how", "in", "is", "it", "of", "on", "or", "that", "the", "to", "was", "what", "when", "where",
            "which", "who", "why", "with");

    private Highlighter() {}

    public static List<String> terms(String query) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query == null ? "" : query.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (!STOP_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    static boolean matches(String word, List<String> terms) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String t : terms) {
            if (w.equals(t) || (t.length() >= 3 && w.startsWith(t)) || (w.length() >= 4 && t.startsWith(w))) {
                return true;
            }
        }
        return false;
    }

    /** Collapses white space and cuts the text to about {@code max} characters around its best sentence. */
    public static String excerpt(String text, String query, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        if (flat.length() <= max) {
            return flat;
        }
        int[] best = bestSentence(flat, terms(query));
        int start = best == null ? 0 : best[0];
        if (flat.length() - start < max) {
            start = Math.max(0, flat.length() - max);
            int space = flat.indexOf(' ', start);
            start = space < 0 || start == 0 ? start : space + 1;
        }
        int end = Math.min(flat.length(), start + max);
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > start + max / 2 ? space : end;
        }
        return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
    }

    public static List<Segment> segments(String text, String query) {
        List<String> terms = terms(query);
        int n = text.length();
        boolean[] term = new boolean[n];
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!terms.isEmpty() && matches(m.group(), terms)) {
                for (int i = m.start(); i < m.end(); i++) {
                    term[i] = true;
                }
            }
        }
        int[] best = bestSentence(text, terms);
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

    private static boolean inBest(int[] best, int i) {
        return best != null && i >= best[0] && i < best[1];
    }

    /** Start and end of the sentence with the most query-word hits, or null when no word matches. */
    static int[] bestSentence(String text, List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        int[] best = null;
        int bestHits = 0;
        int start = 0;
        Matcher ends = SENTENCE_END.matcher(text);
        while (start < text.length()) {
            int end = ends.find() ? ends.start() : text.length();
            int hits = 0;
            Matcher w = WORD.matcher(text).region(start, end);
            while (w.find()) {
                if (matches(w.group(), terms)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                bestHits = hits;
                best = new int[] {start, end};
            }
            start = end == text.length() ? end : ends.end();
        }
        return best;
    }
}

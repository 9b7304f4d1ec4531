package dev.semdex.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a query that are worth pointing at in a passage: lower-cased, without stop words, and matched
 * loosely so that "index" also marks "indexing" (a cheap stand-in for the stemming FTS5 does).
 */
public final class QueryTerms {

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "do",
            "does", "for", "from", "how", "i", "in", "is", "it", "of", "on", "or", "that", "the", "to", "was", "what",
            "when", "where", "which", "who", "why", "with");

    private QueryTerms() {}

    public static List<String> of(String query) {
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

    /** Whether a word of the text stands for one of the terms: same word, or one is a longer form of the other. */
    public static boolean matches(String word, List<String> terms) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String t : terms) {
            if (w.equals(t) || (t.length() >= 3 && w.startsWith(t)) || (w.length() >= 4 && t.startsWith(w))) {
                return true;
            }
        }
        return false;
    }

    /** How many words of {@code text[start, end)} match a term. */
    public static int hits(String text, int start, int end, List<String> terms) {
        int hits = 0;
        Matcher w = WORD.matcher(text).region(start, end);
        while (w.find()) {
            if (matches(w.group(), terms)) {
                hits++;
            }
        }
        return hits;
    }
}

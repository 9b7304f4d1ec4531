package dev.semdex.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a user typed into an FTS5 query: every word is quoted (so punctuation and FTS5 operators in the text
 * cannot break the query) and the words are OR-ed, as BM25 baselines do; ranking then favours documents with more
 * and rarer words.
 */
public final class KeywordQuery {

    private KeywordQuery() {}

    public static List<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        query.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                terms.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            terms.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(terms);
    }

    /** The FTS5 MATCH expression, or an empty string when the query has no words. */
    public static String toFts(String query) {
        List<String> terms = terms(query);
        return String.join(" OR ", terms.stream().map(t -> "\"" + t + "\"").toList());
    }
}

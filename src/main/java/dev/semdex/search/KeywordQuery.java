package dev.semdex.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a user typed into an FTS5 query: every word is quoted (so punctuation and FTS5 operators in the text
 * cannot break the query) and the words are OR-ed, as BM25 baselines do; ranking then favours documents with more
 * and rarer words. English stop words are left out, as Lucene's English analyzer does: they match almost every
 * passage, so BM25 scores them near zero but still has to score every passage they match, which made a typed
 * sentence several times slower to answer on a large index.
 */
public final class KeywordQuery {

    /** Lucene's {@code EnglishAnalyzer.ENGLISH_STOP_WORDS_SET}. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their",
            "then", "there", "these", "they", "this", "to", "was", "will", "with");

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

    /**
     * The FTS5 MATCH expression, or an empty string when the query has no words. A query made only of stop words
     * ("to be or not to be") keeps them.
     */
    public static String toFts(String query) {
        List<String> terms = terms(query);
        List<String> content = terms.stream().filter(t -> !STOP_WORDS.contains(t)).toList();
        if (!content.isEmpty()) {
            terms = content;
        }
        return String.join(" OR ", terms.stream().map(t -> "\"" + t + "\"").toList());
    }
}

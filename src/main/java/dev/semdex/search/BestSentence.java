package dev.semdex.search;

import dev.semdex.embed.Embedder;
import dev.semdex.embed.Vectors;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds the sentence of a passage that answers a query best, so the window can point at it. A passage of 256
 * tokens holds several sentences and the one that matters is easy to miss; the best one is the sentence whose
 * embedding is closest to the query's, computed with the same model as the search. Keyword search has no vectors,
 * so there, and whenever no model is at hand, it is the sentence with the most query words.
 */
public final class BestSentence {

    /** Character offsets of a sentence within the passage; {@code end} exclusive. */
    public record Span(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** Sentences shorter than this (headings, "Yes.") are only chosen when nothing longer is there. */
    static final int MIN_WORDS = 4;
    /** Enough for any passage of the bundled models (256–512 tokens); a longer text is cut. */
    static final int MAX_SENTENCES = 60;

    private BestSentence() {}

    /** The sentences of a text, with surrounding white space left out; a line break also ends a sentence. */
    public static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE && out.size() < MAX_SENTENCES; start = end, end = it.next()) {
            splitLines(text, start, end, out);
        }
        return out;
    }

    /** Text broken across lines (titles, list items) ends a sentence at a blank line or a line without a period. */
    private static void splitLines(String text, int start, int end, List<Span> out) {
        int from = start;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '\n') {
                addTrimmed(text, from, i, out);
                from = i + 1;
            }
        }
        addTrimmed(text, from, end, out);
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }

    /** The sentence with the most query words (ties: the earlier one); empty when no word of the query occurs. */
    public static Optional<Span> byWords(String text, String query) {
        List<String> terms = QueryTerms.of(query);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        Span best = null;
        int bestHits = 0;
        for (Span s : sentences(text)) {
            int hits = QueryTerms.hits(text, s.start(), s.end(), terms);
            if (hits > bestHits) {
                bestHits = hits;
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The best sentence of each passage, keyed by chunk id. {@code embedder} null (or keyword mode) means by words.
     * All sentences are embedded in one call, so the model's sessions share the work. Blocks and is interruptible.
     *
     * @param queryVector the query as the search embedded it with the same model; null embeds it here
     */
    public static Map<Long, Span> forResults(List<SearchResult> results, String query, SearchMode mode,
            Embedder embedder, float[] queryVector) {
        Map<Long, Span> out = new HashMap<>();
        if (embedder == null || mode == SearchMode.KEYWORD) {
            for (SearchResult r : results) {
                byWords(r.chunkText(), query).ifPresent(span -> out.put(r.chunkId(), span));
            }
            return out;
        }
        List<List<Span>> candidates = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (SearchResult r : results) {
            List<Span> spans = candidates(r.chunkText());
            if (spans.size() == 1) {
                out.put(r.chunkId(), spans.get(0));
                spans = List.of();
            }
            candidates.add(spans);
            spans.forEach(s -> texts.add(r.chunkText().substring(s.start(), s.end())));
        }
        if (texts.isEmpty()) {
            return out;
        }
        float[] scoredAgainst = queryVector != null ? queryVector : embedder.embedQuery(query);
        List<float[]> vectors = embedder.embedPassages(texts);
        int next = 0;
        for (int i = 0; i < results.size(); i++) {
            List<Span> spans = candidates.get(i);
            Span best = null;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (Span s : spans) {
                float score = Vectors.dot(scoredAgainst, vectors.get(next++));
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            if (best != null) {
                out.put(results.get(i).chunkId(), best);
            }
        }
        return out;
    }

    /** The sentences worth embedding: those of at least {@link #MIN_WORDS} words, or all when none is that long. */
    static List<Span> candidates(String text) {
        List<Span> all = sentences(text);
        if (all.size() <= 1) {
            return all;
        }
        List<Span> full = all.stream().filter(s -> words(text, s) >= MIN_WORDS).toList();
        return full.isEmpty() ? all : full;
    }

    private static int words(String text, Span s) {
        int n = 0;
        Matcher m = QueryTerms.WORD.matcher(text).region(s.start(), s.end());
        while (m.find()) {
            n++;
        }
        return n;
    }
}

package dev.semdex.chunk;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Cuts text into passages of at most {@code maxTokens} model tokens. Cuts fall on sentence ends where possible and
 * prefer paragraph ends, so that a passage reads as a whole; consecutive passages share up to {@code overlapTokens}
 * of whole sentences so that an answer split across a cut is still found.
 */
public final class Chunker {

    /** Text is tokenised in windows of about this many chars, so that a huge one-line file needs bounded memory. */
    private static final int WINDOW_CHARS = 64 * 1024;

    private final TextTokenizer tokenizer;
    private final int maxTokens;
    private final int overlapTokens;

    public Chunker(TextTokenizer tokenizer, int maxTokens, int overlapTokens) {
        if (maxTokens < 8) {
            throw new IllegalArgumentException("maxTokens too small: " + maxTokens);
        }
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        this.overlapTokens = Math.max(0, Math.min(overlapTokens, maxTokens / 2));
    }

    /** Chunks with the default overlap of an eighth of the size. */
    public Chunker(TextTokenizer tokenizer, int maxTokens) {
        this(tokenizer, maxTokens, maxTokens / 8);
    }

    public List<Chunk> chunk(String text, IntUnaryOperator pageAt) {
        return chunk(text, new int[0], pageAt);
    }

    /**
     * Chunks text whose {@code sectionStarts} (e.g. PDF page starts) must not be crossed, so that every chunk
     * belongs to exactly one page and the page shown with a result is the page the passage is on.
     */
    public List<Chunk> chunk(String text, int[] sectionStarts, IntUnaryOperator pageAt) {
        List<Chunk> chunks = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= sectionStarts.length; i++) {
            int to = i < sectionStarts.length ? Math.max(from, Math.min(sectionStarts[i], text.length())) : text.length();
            chunkRange(text, from, to, chunks, pageAt);
            from = to;
        }
        return chunks;
    }

    private void chunkRange(String text, int from, int to, List<Chunk> chunks, IntUnaryOperator pageAt) {
        List<Unit> pending = new ArrayList<>();
        int windowStart = from;
        while (windowStart < to) {
            int windowEnd = windowEnd(text, windowStart, to);
            for (Unit unit : units(text, windowStart, windowEnd)) {
                pack(text, unit, pending, chunks, pageAt);
            }
            windowStart = windowEnd;
        }
        flush(text, pending, chunks, pageAt, List.of());
    }

    /** A sentence (or a piece of an over-long sentence) with its tokens. */
    private record Unit(int start, int end, int tokens, boolean paragraphStart) {}

    private void pack(String text, Unit unit, List<Unit> pending, List<Chunk> chunks, IntUnaryOperator pageAt) {
        int pendingTokens = tokens(pending);
        boolean fits = pendingTokens + unit.tokens <= maxTokens;
        boolean paragraphBreakWorthTaking = unit.paragraphStart && pendingTokens >= maxTokens * 3 / 4;
        if (!pending.isEmpty() && (!fits || paragraphBreakWorthTaking)) {
            List<Unit> overlap = overlapTail(pending, unit.tokens);
            flush(text, pending, chunks, pageAt, overlap);
        }
        pending.add(unit);
    }

    private List<Unit> overlapTail(List<Unit> pending, int nextTokens) {
        List<Unit> tail = new ArrayList<>();
        int sum = 0;
        for (int i = pending.size() - 1; i > 0; i--) {
            Unit u = pending.get(i);
            if (sum + u.tokens > overlapTokens || sum + u.tokens + nextTokens > maxTokens) {
                break;
            }
            tail.add(0, u);
            sum += u.tokens;
        }
        return tail;
    }

    private void flush(String text, List<Unit> pending, List<Chunk> chunks, IntUnaryOperator pageAt,
            List<Unit> keep) {
        if (pending.isEmpty()) {
            return;
        }
        int start = pending.get(0).start;
        int end = pending.get(pending.size() - 1).end;
        String passage = text.substring(start, end);
        if (!passage.isBlank()) {
            chunks.add(new Chunk(chunks.size(), passage, start, end, pageAt.applyAsInt(start), tokens(pending)));
        }
        pending.clear();
        pending.addAll(keep);
    }

    private static int tokens(List<Unit> units) {
        int sum = 0;
        for (Unit u : units) {
            sum += u.tokens;
        }
        return sum;
    }

    /** Ends a window at a paragraph or line break near the limit, else at a space, else at the hard limit. */
    private static int windowEnd(String text, int start, int end) {
        int limit = start + WINDOW_CHARS;
        if (limit >= end) {
            return end;
        }
        int min = start + WINDOW_CHARS / 2;
        for (String sep : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(sep, limit);
            if (at >= min) {
                return at + sep.length();
            }
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit + 1 : limit;
    }

    private List<Unit> units(String text, int from, int to) {
        String window = text.substring(from, to);
        TokenSpans spans = tokenizer.spans(window);
        List<Unit> units = new ArrayList<>();
        if (spans.size() == 0) {
            return units;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(window);
        int token = 0;
        int sentenceEnd = sentences.next();
        while (token < spans.size()) {
            while (sentenceEnd != BreakIterator.DONE && sentenceEnd <= spans.starts()[token]) {
                sentenceEnd = sentences.next();
            }
            int last = token;
            int limit = sentenceEnd == BreakIterator.DONE ? window.length() : sentenceEnd;
            while (last + 1 < spans.size() && spans.starts()[last + 1] < limit && last + 1 - token < maxTokens) {
                last++;
            }
            int start = spans.starts()[token];
            String gap = window.substring(token == 0 ? 0 : spans.ends()[token - 1], start);
            boolean paragraphStart = gap.contains("\n\n") || token == 0 && startsParagraph(text, from);
            units.add(new Unit(from + start, from + spans.ends()[last], last - token + 1, paragraphStart));
            token = last + 1;
        }
        return units;
    }

    private static boolean startsParagraph(String text, int offset) {
        return offset == 0 || offset >= 2 && text.startsWith("\n\n", offset - 2);
    }
}

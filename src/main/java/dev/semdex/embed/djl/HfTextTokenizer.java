package dev.semdex.embed.djl;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.chunk.TokenSpans;

/**
 * A model's tokenizer as the chunker sees it. The Rust tokenizer reports offsets in Unicode code points, Java
 * strings count UTF-16 units, so offsets are translated whenever the text holds characters outside the BMP.
 */
final class HfTextTokenizer implements TextTokenizer, AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    HfTextTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public TokenSpans spans(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        int n = spans.length;
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] charIndex = codePointToCharIndex(text);
        int kept = 0;
        for (CharSpan span : spans) {
            if (span == null) {
                continue;
            }
            int start = span.getStart();
            int end = span.getEnd();
            if (charIndex != null) {
                start = charIndex[Math.min(start, charIndex.length - 1)];
                end = charIndex[Math.min(end, charIndex.length - 1)];
            }
            starts[kept] = start;
            ends[kept] = end;
            kept++;
        }
        if (kept < n) {
            starts = java.util.Arrays.copyOf(starts, kept);
            ends = java.util.Arrays.copyOf(ends, kept);
        }
        return new TokenSpans(starts, ends);
    }

    /** Null when every code point is one char (the common case); else char index of each code point, plus the end. */
    private static int[] codePointToCharIndex(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return null;
        }
        int[] index = new int[codePoints + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            index[cp++] = i;
        }
        index[codePoints] = text.length();
        return index;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    @Override
    public int count(String text) {
        return tokenizer.encode(text, false, false).getIds().length;
    }
}

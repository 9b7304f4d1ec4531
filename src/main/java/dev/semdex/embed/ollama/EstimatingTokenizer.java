package dev.semdex.embed.ollama;

import dev.semdex.chunk.TextTokenizer;
import dev.semdex.chunk.TokenSpans;
import java.util.Arrays;

/**
 * A tokenizer-free stand-in for the chunker when the embedding runs on an Ollama server, whose tokenizer Semdex does
 * not have. It errs on the high side so chunks never exceed the server's context (Ollama truncates silently):
 * every punctuation mark or symbol is one token, every ideograph or other non-Latin letter is one token, and a run
 * of letters or digits counts one token per {@value #CHARS_PER_PIECE} characters. WordPiece and SentencePiece
 * vocabularies give about 4–5 characters per token on English prose, so the estimate is 10–40% above the truth;
 * chunks come out a little shorter than the limit instead of being cut.
 */
public final class EstimatingTokenizer implements TextTokenizer {

    static final int CHARS_PER_PIECE = 4;

    @Override
    public TokenSpans spans(String text) {
        int[] starts = new int[Math.max(16, text.length() / 3)];
        int[] ends = new int[starts.length];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            int cp = text.codePointAt(i);
            int cpLen = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += cpLen;
                continue;
            }
            int end;
            if (isLatinWordChar(cp)) {
                end = i;
                int chars = 0;
                while (end < len && chars < CHARS_PER_PIECE) {
                    int c = text.codePointAt(end);
                    if (!isLatinWordChar(c)) {
                        break;
                    }
                    end += Character.charCount(c);
                    chars++;
                }
            } else {
                end = i + cpLen;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = i;
            ends[n] = end;
            n++;
            i = end;
        }
        return new TokenSpans(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Letters of alphabetic scripts and digits: these merge into multi-character tokens. */
    private static boolean isLatinWordChar(int cp) {
        if (Character.isDigit(cp)) {
            return true;
        }
        if (!Character.isLetter(cp) || Character.isIdeographic(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC
                || script == Character.UnicodeScript.GREEK;
    }
}

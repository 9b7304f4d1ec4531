package dev.semdex.chunk;

import java.util.ArrayList;
import java.util.List;

/** One token per run of non-space characters: predictable counts for chunker tests. */
final class WhitespaceTokenizer implements TextTokenizer {

    @Override
    public TokenSpans spans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                spans.add(new int[] {start, i});
            }
        }
        return new TokenSpans(spans.stream().mapToInt(s -> s[0]).toArray(), spans.stream().mapToInt(s -> s[1]).toArray());
    }
}

package dev.semdex.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private final WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();

    private static String sentence(int n, int words) {
        return "Sentence" + n + " " + "word ".repeat(words - 2) + "end.";
    }

    @Test
    void shortTextIsOneChunkWithExactOffsets() {
        String text = "  Hello there. General Kenobi!  ";
        List<Chunk> chunks = new Chunker(tokenizer, 50).chunk(text, offset -> 0);
        assertThat(chunks).hasSize(1);
        Chunk c = chunks.get(0);
        assertThat(c.text()).isEqualTo("Hello there. General Kenobi!");
        assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
        assertThat(c.tokens()).isEqualTo(4);
    }

    @Test
    void chunksNeverExceedTheLimitAndCutAtSentenceEnds() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(sentence(i, 10)).append(' ');
        }
        List<Chunk> chunks = new Chunker(tokenizer, 64, 0).chunk(text.toString(), offset -> 0);
        assertThat(chunks).hasSizeGreaterThan(5);
        for (Chunk c : chunks) {
            assertThat(tokenizer.count(c.text())).isLessThanOrEqualTo(64);
            assertThat(c.text()).startsWith("Sentence").endsWith("end.");
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
        }
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(text.toString().trim());
    }

    @Test
    void consecutiveChunksShareWholeSentencesAsOverlap() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(sentence(i, 8)).append(' ');
        }
        List<Chunk> chunks = new Chunker(tokenizer, 40, 10).chunk(text.toString(), offset -> 0);
        for (int i = 1; i < chunks.size(); i++) {
            Chunk prev = chunks.get(i - 1);
            Chunk next = chunks.get(i);
            assertThat(next.start()).isLessThan(prev.end());
            assertThat(prev.text()).endsWith(text.substring(next.start(), prev.end()));
        }
    }

    @Test
    void aSentenceLongerThanTheLimitIsSplitByTokens() {
        String text = "a ".repeat(1000).trim();
        List<Chunk> chunks = new Chunker(tokenizer, 100, 0).chunk(text, offset -> 0);
        assertThat(chunks).hasSize(10);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isEqualTo(100));
    }

    @Test
    void prefersParagraphBoundaries() {
        String para1 = sentence(1, 20) + " " + sentence(2, 20);
        String para2 = sentence(3, 20) + " " + sentence(4, 20);
        String text = para1 + "\n\n" + para2;
        List<Chunk> chunks = new Chunker(tokenizer, 50, 0).chunk(text, offset -> 0);
        assertThat(chunks).extracting(Chunk::text).containsExactly(para1, para2);
    }

    @Test
    void pageOfTheChunkStartIsKept() {
        String page1 = sentence(1, 30);
        String page2 = sentence(2, 30);
        String text = page1 + "\n\n" + page2;
        int page2Start = page1.length() + 2;
        List<Chunk> chunks = new Chunker(tokenizer, 30, 0).chunk(text, offset -> offset >= page2Start ? 2 : 1);
        assertThat(chunks).extracting(Chunk::page).containsExactly(1, 2);
    }

    @Test
    void chunksNeverCrossAPageBoundary() {
        String text = "First page sentence one. First page sentence two. Second page sentence one.";
        int page2 = text.indexOf("Second");
        List<Chunk> chunks = new Chunker(tokenizer, 100, 0).chunk(text, new int[] {0, page2},
                offset -> offset >= page2 ? 2 : 1);
        assertThat(chunks).extracting(Chunk::page).containsExactly(1, 2);
        assertThat(chunks.get(1).text()).isEqualTo("Second page sentence one.");
        assertThat(chunks).extracting(Chunk::ordinal).containsExactly(0, 1);
    }

    @Test
    void hugeSingleLineIsChunkedInBoundedWindows() {
        String text = "lorem ipsum dolor sit amet ".repeat(100_000);
        List<Chunk> chunks = new Chunker(tokenizer, 256).chunk(text, offset -> 0);
        long covered = chunks.stream().mapToInt(Chunk::tokens).sum();
        assertThat(covered).isGreaterThanOrEqualTo(500_000);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(256));
    }

    @Test
    void blankTextGivesNoChunks() {
        assertThat(new Chunker(tokenizer, 32).chunk(" \n\n  \t", offset -> 0)).isEmpty();
    }
}

package dev.semdex.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.ui.search.Highlighter.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void termsDropStopWordsAndDuplicates() {
        assertThat(Highlighter.terms("How to index the Index of PDFs?")).containsExactly("index", "pdfs");
    }

    @Test
    void marksQueryWordsAndTheirLongerFormsCaseInsensitively() {
        List<Segment> segments = Highlighter.segments("Indexing runs nightly. The index is small.", "index");

        assertThat(segments).filteredOn(Segment::term).extracting(Segment::text).containsExactly("Indexing", "index");
        assertThat(String.join("", segments.stream().map(Segment::text).toList()))
                .isEqualTo("Indexing runs nightly. The index is small.");
    }

    @Test
    void theSentenceWithMostHitsIsTheBestOne() {
        String text = "Cats sleep. Dogs bark at cats and dogs. Birds sing.";
        List<Segment> segments = Highlighter.segments(text, "dogs cats");

        String best = String.join("", segments.stream().filter(Segment::bestSentence).map(Segment::text).toList());
        assertThat(best).isEqualTo("Dogs bark at cats and dogs.");
    }

    @Test
    void noMatchMeansNothingMarked() {
        assertThat(Highlighter.segments("Plain text here.", "zebra"))
                .noneMatch(s -> s.term() || s.bestSentence());
    }

    @Test
    void excerptStartsAtTheBestSentenceOfALongPassage() {
        String text = "Filler sentence number one. ".repeat(20) + "The zebra crossing is here. " + "More filler. ".repeat(5);
        String excerpt = Highlighter.excerpt(text, "zebra", 80);

        assertThat(excerpt).startsWith("…").contains("zebra").hasSizeLessThanOrEqualTo(82);
    }

    @Test
    void shortPassagesAreKeptWholeWithWhiteSpaceCollapsed() {
        assertThat(Highlighter.excerpt("a\n\n b\tc", "b", 80)).isEqualTo("a b c");
    }
}

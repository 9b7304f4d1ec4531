package dev.semdex.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.search.BestSentence.Span;
import dev.semdex.ui.search.Highlighter.Excerpt;
import dev.semdex.ui.search.Highlighter.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    private static String marked(List<Segment> segments) {
        return String.join("", segments.stream().filter(Segment::bestSentence).map(Segment::text).toList());
    }

    @Test
    void termsDropStopWordsAndDuplicates() {
        assertThat(Highlighter.terms("How to index the Index of PDFs?")).containsExactly("index", "pdfs");
    }

    @Test
    void marksQueryWordsAndTheirLongerFormsCaseInsensitively() {
        List<Segment> segments = Highlighter.segments("Indexing runs nightly. The index is small.", "index", null);

        assertThat(segments).filteredOn(Segment::term).extracting(Segment::text).containsExactly("Indexing", "index");
        assertThat(String.join("", segments.stream().map(Segment::text).toList()))
                .isEqualTo("Indexing runs nightly. The index is small.");
    }

    @Test
    void theGivenBestSentenceIsMarkedEvenWithoutQueryWordsInIt() {
        String text = "Cats sleep. Dogs bark at night. Birds sing.";
        List<Segment> segments = Highlighter.segments(text, "cats", new Span(12, 31));

        assertThat(marked(segments)).isEqualTo("Dogs bark at night.");
        assertThat(segments).filteredOn(Segment::term).extracting(Segment::text).containsExactly("Cats");
    }

    @Test
    void noMatchMeansNothingMarked() {
        assertThat(Highlighter.segments("Plain text here.", "zebra", null))
                .noneMatch(s -> s.term() || s.bestSentence());
    }

    @Test
    void excerptStartsAtTheBestSentenceAndKeepsItMarked() {
        String filler = "Filler   sentence\nnumber one. ".repeat(20);
        String text = filler + "The zebra crossing\n is here. " + "More filler. ".repeat(5);
        int start = filler.length();
        Excerpt excerpt = Highlighter.excerpt(text, new Span(start, start + 28), "zebra", 80);

        assertThat(excerpt.text()).startsWith("…The zebra crossing is here.").hasSizeLessThanOrEqualTo(82);
        assertThat(excerpt.text().substring(excerpt.best().start(), excerpt.best().end()))
                .isEqualTo("The zebra crossing is here.");
    }

    @Test
    void beforeTheBestSentenceIsKnownTheExcerptStartsWhereTheQueryWordsAre() {
        String text = "Filler sentence number one. ".repeat(20) + "The zebra crossing is here. "
                + "More filler. ".repeat(5);
        Excerpt excerpt = Highlighter.excerpt(text, null, "zebra", 80);

        assertThat(excerpt.text()).startsWith("…The zebra");
        assertThat(excerpt.best()).isNull();
    }

    @Test
    void shortPassagesAreKeptWholeWithWhiteSpaceCollapsed() {
        Excerpt excerpt = Highlighter.excerpt("a\n\n b.\tc", new Span(4, 6), "b", 80);
        assertThat(excerpt.text()).isEqualTo("a b. c");
        assertThat(excerpt.text().substring(excerpt.best().start(), excerpt.best().end())).isEqualTo("b.");
    }
}

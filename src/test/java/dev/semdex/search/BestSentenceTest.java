package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.TestModels;
import dev.semdex.search.BestSentence.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BestSentenceTest {

    private static final String HIVE = "The hive has three kinds of bees. Worker bees turn nectar into honey by adding "
            + "enzymes and fanning their wings until the water evaporates. The queen lays eggs all summer long, "
            + "up to two thousand a day.";

    private static String text(String passage, Span s) {
        return passage.substring(s.start(), s.end());
    }

    private static SearchResult result(long chunkId, String text) {
        return new SearchResult(1, "/docs/" + chunkId + ".txt", 1, chunkId, text, 0, text.length(), 0);
    }

    @Test
    void sentencesEndAtPunctuationAndLineBreaksWithoutSurroundingSpace() {
        String text = "# Sourdough bread\n\nFeed the starter twice a day.  Mix the dough! Bake it\n- at 250 degrees";
        assertThat(BestSentence.sentences(text)).extracting(s -> text(text, s)).containsExactly("# Sourdough bread",
                "Feed the starter twice a day.", "Mix the dough!", "Bake it", "- at 250 degrees");
    }

    @Test
    void byMeaningFindsTheAnsweringSentenceEvenWithoutSharedWords() {
        String query = "how do insects produce a sweet syrup";
        assertThat(BestSentence.byWords(HIVE, query)).as("no word of the query is in the passage").isEmpty();

        Map<Long, Span> best = BestSentence.forResults(List.of(result(7, HIVE)), query, SearchMode.HYBRID,
                TestModels.minilm(), null);

        assertThat(text(HIVE, best.get(7L))).startsWith("Worker bees turn nectar into honey");
    }

    @Test
    void eachResultGetsItsOwnBestSentenceFromOneBatch() {
        String solar = "Photovoltaic panels turn sunlight into electricity. An inverter converts the direct current "
                + "into alternating current for the house. A battery stores the surplus for the evening.";
        Map<Long, Span> best = BestSentence.forResults(List.of(result(1, HIVE), result(2, solar)),
                "how many eggs does the queen lay", SearchMode.VECTOR, TestModels.minilm(), null);

        assertThat(text(HIVE, best.get(1L))).startsWith("The queen lays eggs");
        assertThat(best).containsKey(2L);
    }

    @Test
    void theSearchsQueryVectorIsUsedInsteadOfEmbeddingTheQueryAgain() {
        // A query vector for the queen's sentence, made from other words: if the query were embedded again, the
        // sentence about honey would win, as in the test above.
        float[] queen = TestModels.minilm().embedQuery("how many eggs does the queen lay");
        Map<Long, Span> best = BestSentence.forResults(List.of(result(7, HIVE)),
                "how do insects produce a sweet syrup", SearchMode.HYBRID, TestModels.minilm(), queen);

        assertThat(text(HIVE, best.get(7L))).startsWith("The queen lays eggs");
    }

    @Test
    void keywordModeCountsQueryWordsWithoutTheModel() {
        String text = "Cats sleep all day. Dogs bark at cats and other dogs. Birds sing.";
        Map<Long, Span> best = BestSentence.forResults(List.of(result(3, text)), "dogs cats", SearchMode.KEYWORD,
                null, null);

        assertThat(text(text, best.get(3L))).isEqualTo("Dogs bark at cats and other dogs.");
    }

    @Test
    void headingsAreOnlyChosenWhenThereIsNothingElse() {
        String text = "Honey\nBees store the nectar in wax cells until it thickens.";
        Map<Long, Span> best = BestSentence.forResults(List.of(result(4, text)), "honey", SearchMode.VECTOR,
                TestModels.minilm(), null);

        assertThat(text(text, best.get(4L))).startsWith("Bees store");
        assertThat(BestSentence.forResults(List.of(result(5, "Honey")), "honey", SearchMode.VECTOR,
                TestModels.minilm(), null)).containsEntry(5L, new Span(0, 5));
    }
}

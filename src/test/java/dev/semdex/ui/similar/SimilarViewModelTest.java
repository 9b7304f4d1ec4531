package dev.semdex.ui.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.SemdexException;
import dev.semdex.search.SearchResult;
import dev.semdex.similar.ClosestPair;
import dev.semdex.similar.SimilarAnswer;
import dev.semdex.similar.SimilarFile;
import dev.semdex.similar.SimilarSource;
import dev.semdex.ui.ManualRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarViewModelTest {

    private final ManualRunner runner = new ManualRunner();
    private final List<String> asked = new ArrayList<>();
    private String shownStatus;
    private List<SearchResult> shown;
    private RuntimeException failure;

    private final SimilarPort port = new SimilarPort() {
        @Override
        public SimilarAnswer similarToFile(Path file, String modelId, int k) {
            asked.add(file + " " + modelId);
            if (failure != null) {
                throw failure;
            }
            return answer("/docs/a.txt");
        }

        @Override
        public SimilarAnswer similarToText(String text, String modelId, int k) {
            asked.add("text:" + text + " " + modelId);
            return answer(null);
        }
    };

    private final SimilarViewModel vm = new SimilarViewModel(port, runner, () -> "model-x", (status, results) -> {
        shownStatus = status;
        shown = results;
    });

    private static SimilarAnswer answer(String source) {
        SimilarSource from = new SimilarSource(source, -1, null, List.of(), 3, false);
        ClosestPair pair = new ClosestPair(0, "the source passage", 0, 18, 42, "the twin passage", 5, 21, 2, 0.91);
        return new SimilarAnswer("model-x", from, source == null ? List.of() : List.of("/docs/a copy.txt"),
                List.of(new SimilarFile(1, "/docs/b.txt", 0.8, pair, List.of("/docs/b copy.txt"))));
    }

    @Test
    void filesFoundAreShownAsResultsByTheirClosestPassage() {
        vm.likeFile(Path.of("/docs/a.txt"));

        assertThat(asked).containsExactly("/docs/a.txt model-x");
        assertThat(shown).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/docs/b.txt");
            assertThat(r.chunkId()).isEqualTo(42);
            assertThat(r.chunkText()).isEqualTo("the twin passage");
            assertThat(r.page()).isEqualTo(2);
        });
        assertThat(shownStatus).startsWith("1 file like a.txt · 1 copy of it left out · ");
        assertThat(vm.explain(shown.get(0))).isEqualTo(
                "Closest to this passage of a.txt (0.91): “the source passage”\nSame content: /docs/b copy.txt");
    }

    @Test
    void anOrdinarySearchResultHasNoExplanationAndANewSearchForgetsTheOldOnes() {
        vm.likeText("some words");
        assertThat(asked).containsExactly("text:some words model-x");
        assertThat(shownStatus).startsWith("1 file like the text");
        SearchResult other = new SearchResult(1, "/docs/c.txt", 0.5, 42, "x", 0, 1, 0);
        assertThat(vm.explain(other)).isEmpty();

        vm.forget();
        assertThat(vm.explain(shown.get(0))).isEmpty();
    }

    @Test
    void blankTextAsksNothingAndAFailureIsOneLineForTheErrorBar() {
        vm.likeText("   ");
        assertThat(asked).isEmpty();

        failure = new SemdexException("Cannot find /docs/gone.txt: pick a file that exists.");
        vm.likeFile(Path.of("/docs/gone.txt"));
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot find /docs/gone.txt: pick a file that exists.");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(shown).isNull();
    }
}

package dev.semdex.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.FakeBackend;
import dev.semdex.ui.ManualRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchViewModelTest {

    private final FakeBackend backend = new FakeBackend();
    private final ManualRunner runner = new ManualRunner();
    private SearchViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new SearchViewModel(backend, runner, () -> "all-minilm-l6-v2");
    }

    @Test
    void typingWaitsForThePauseAndSearchesOnceWithTheLastText() {
        vm.queryProperty().set("c");
        vm.queryProperty().set("ca");
        vm.queryProperty().set("cats");

        assertThat(backend.searches).isEmpty();
        assertThat(runner.pendingTimers()).isEqualTo(1);
        runner.fireTimers();

        assertThat(backend.searches).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("cats");
            assertThat(r.mode()).isEqualTo(SearchMode.HYBRID);
            assertThat(r.modelId()).isEqualTo("all-minilm-l6-v2");
        });
        assertThat(vm.results()).extracting(SearchResult::path).containsExactly("/docs/cats.txt");
        assertThat(vm.shownQueryProperty().get()).isEqualTo("cats");
        assertThat(vm.statusProperty().get()).startsWith("1 file");
    }

    @Test
    void aNewerSearchCancelsTheOlderOneAndOnlyTheLatestIsShown() {
        runner.holdWork = true;
        vm.queryProperty().set("old");
        vm.searchNow();
        vm.queryProperty().set("new");
        vm.searchNow();
        assertThat(runner.heldCount()).isEqualTo(2);

        runner.runHeld();

        assertThat(vm.results()).extracting(SearchResult::path).containsExactly("/docs/new.txt");
        assertThat(vm.searchingProperty().get()).isFalse();
    }

    @Test
    void theBestSentencesOfTheShownResultsArriveAfterThemForTheSameSearchOnly() {
        runner.holdWork = true;
        vm.queryProperty().set("old");
        vm.searchNow();
        runner.runHeld();
        assertThat(runner.heldCount()).as("sentence job queued after the results").isEqualTo(1);
        vm.queryProperty().set("new");
        vm.searchNow();
        runner.runHeld();
        assertThat(vm.bestSentences()).as("the old search's sentences are dropped").isEmpty();
        runner.runHeld();

        assertThat(backend.sentenceRequests).endsWith("1:new");
        assertThat(vm.bestSentences()).containsOnlyKeys(7L);
        SearchResult shown = vm.results().get(0);
        var best = vm.bestSentences().get(7L);
        assertThat(shown.chunkText().substring(best.start(), best.end())).isEqualTo("about new");
    }

    @Test
    void selectingAResultWithoutItsBestSentenceFindsItWithThePreview() {
        vm.queryProperty().set("cats");
        vm.searchNow();
        vm.bestSentences().clear();
        backend.sentenceRequests.clear();

        vm.selectedProperty().set(vm.results().get(0));

        assertThat(vm.previewProperty().get()).isNotNull();
        assertThat(backend.sentenceRequests).containsExactly("1:cats");
        assertThat(vm.bestSentences()).containsKey(7L);
    }

    @Test
    void moreIndexedFilesRefreshTheResultsUnlessOneIsBeingRead() {
        vm.queryProperty().set("cats");
        vm.searchNow();
        vm.indexGrew();
        assertThat(backend.searches).hasSize(2);

        vm.selectedProperty().set(vm.results().get(0));
        vm.indexGrew();
        assertThat(backend.searches).hasSize(2);
    }

    @Test
    void changingModeSearchesAgainAtOnce() {
        vm.queryProperty().set("dogs");
        runner.fireTimers();
        vm.modeProperty().set(SearchMode.KEYWORD);

        assertThat(backend.searches).extracting(r -> r.mode()).containsExactly(SearchMode.HYBRID, SearchMode.KEYWORD);
    }

    @Test
    void folderAndTypeFiltersGoWithTheSearchAndSearchAgain() {
        backend.folders.add(new dev.semdex.index.FolderStatus(1, java.nio.file.Path.of("/docs"), 1, 0, 1, null,
                java.util.List.of()));
        backend.fileTypes = java.util.List.of("pdf", "txt");
        vm.refreshFilters();
        assertThat(vm.folderChoices()).containsExactly(SearchViewModel.ALL_FOLDERS, "/docs");
        assertThat(vm.typeChoices()).containsExactly(SearchViewModel.ALL_TYPES, "pdf", "txt");

        vm.queryProperty().set("dogs");
        runner.fireTimers();
        vm.typeFilterProperty().set("pdf");
        vm.folderFilterProperty().set("/docs");

        assertThat(backend.searches).hasSize(3);
        assertThat(backend.searches.get(0).filter().isNone()).isTrue();
        assertThat(backend.searches.get(2).filter().extension()).isEqualTo("pdf");
        assertThat(backend.searches.get(2).filter().folder()).isEqualTo(java.nio.file.Path.of("/docs"));
    }

    @Test
    void clearingTheQueryClearsResultsWithoutSearching() {
        vm.queryProperty().set("dogs");
        runner.fireTimers();
        vm.queryProperty().set("  ");
        runner.fireTimers();

        assertThat(backend.searches).hasSize(1);
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void aFailedSearchShowsTheMessageForUsers() {
        backend.failSearchWith = "The index is read-only.";
        vm.queryProperty().set("dogs");
        runner.fireTimers();

        assertThat(vm.errorProperty().get()).isEqualTo("The index is read-only.");
        assertThat(vm.searchingProperty().get()).isFalse();
    }

    @Test
    void whenTheEmbeddingServerIsDownSearchSaysSoAndSwitchesToKeywords() {
        backend.serverDown = "http://gpu-box:11434";
        vm.queryProperty().set("dogs");
        runner.fireTimers();

        assertThat(vm.modeProperty().get()).isEqualTo(dev.semdex.search.SearchMode.KEYWORD);
        assertThat(vm.errorProperty().get()).contains("http://gpu-box:11434").contains("Keyword mode");
        assertThat(backend.searches).extracting(r -> r.mode()).containsExactly(
                dev.semdex.search.SearchMode.HYBRID, dev.semdex.search.SearchMode.KEYWORD);
        assertThat(vm.results()).hasSize(1);
    }

    @Test
    void modelsWithVectorsAreOfferedWithThePreferredOneFirst() {
        backend.models = java.util.List.of("bge-small-en-v1.5", "all-minilm-l6-v2");
        vm.refreshModels();

        assertThat(vm.models()).containsExactly("all-minilm-l6-v2", "bge-small-en-v1.5");
        assertThat(vm.modelProperty().get()).isEqualTo("all-minilm-l6-v2");

        vm.modelProperty().set("bge-small-en-v1.5");
        vm.refreshModels();
        assertThat(vm.modelProperty().get()).as("keeps the user's choice").isEqualTo("bge-small-en-v1.5");
    }

    @Test
    void selectingAResultLoadsItsPassageInContext() {
        vm.queryProperty().set("dogs");
        runner.fireTimers();
        vm.selectedProperty().set(vm.results().get(0));

        assertThat(vm.previewProperty().get().passage()).isEqualTo("passage 7");
        assertThat(vm.previewProperty().get().before()).isEqualTo("before ");
        vm.selectedProperty().set(null);
        assertThat(vm.previewProperty().get()).isNull();
    }

    @Test
    void indexChangesRefreshTheCurrentResults() {
        vm.queryProperty().set("dogs");
        runner.fireTimers();
        vm.indexChanged();

        assertThat(backend.searches).hasSize(2);
    }

    @Test
    void weakerResultsAreMarkedAndNoGoodMatchIsSaid() {
        backend.nextResults = java.util.List.of(result(1, 1.0), result(2, 0.8), result(3, 0.3), result(4, 0.25));
        backend.nextSemanticHalf = semanticHalf(0.75);
        vm.queryProperty().set("publish my crate");
        vm.searchNow();
        assertThat(vm.goodMatchesProperty().get()).isEqualTo(2);
        assertThat(vm.statusProperty().get()).startsWith("2 good of 4 files");
        assertThat(WeakDivider.text(2, 2)).isEqualTo("Weaker matches");
        assertThat(WeakDivider.text(2, 1)).isNull();

        backend.nextResults = java.util.List.of(result(1, 0.9), result(2, 0.8));
        backend.nextSemanticHalf = semanticHalf(0.31);
        vm.queryProperty().set("licence of an unrelated thing");
        vm.searchNow();
        assertThat(vm.goodMatchesProperty().get()).isZero();
        assertThat(vm.statusProperty().get()).startsWith("No good match");
        assertThat(WeakDivider.text(0, 0)).startsWith("No good match");
    }

    /** A hybrid search's semantic half: {@code top}, then nineteen files near an unrelated text's cosine. */
    private static double[] semanticHalf(double top) {
        double[] scores = new double[20];
        scores[0] = top;
        for (int i = 1; i < scores.length; i++) {
            scores[i] = 0.30 - i * 0.003;
        }
        return scores;
    }

    private static SearchResult result(int rank, double score) {
        return new SearchResult(rank, "/docs/f" + rank + ".txt", score, rank, "text " + rank, 0, 6, 0);
    }
}

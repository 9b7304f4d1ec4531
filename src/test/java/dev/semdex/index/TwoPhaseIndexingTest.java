package dev.semdex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ForwardingEmbedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.search.SearchAnswer;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import dev.semdex.store.SearchableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new folder answers keyword search as soon as its text is stored, before the model has embedded it; hybrid
 * search then finds the files not embedded yet by their words and says how many they are; a run stopped between
 * the phases, or in the second, is finished by the next run without reading or embedding anything twice.
 */
class TwoPhaseIndexingTest {

    private static final int FILES = 12;

    @TempDir
    Path tmp;

    private Path folder;
    private Database db;
    private IndexStore store;
    private Indexer indexer;
    private SearchService search;
    private TextExtractor extractor;
    private final Embedder model = TestModels.minilm();

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(tmp.resolve("notes"));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(folder.resolve("note" + i + ".txt"), "Field note " + i + " mentions the codeword "
                    + codeword(i) + " next to a river crossing and " + (i * 13) + " herons.");
        }
        db = Database.open(tmp.resolve("index.db"));
        store = new IndexStore(db);
        extractor = new TextExtractor();
        indexer = new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults());
        search = new SearchService(store, id -> model, new ModelCatalog());
    }

    @AfterEach
    void tearDown() {
        extractor.close();
        db.close();
    }

    private static final List<String> CODEWORDS = List.of("aardvark", "buffalo", "cheetah", "dingo", "emu",
            "ferret", "gazelle", "hyena", "iguana", "jackal", "koala", "lemur");

    /** A word that no other file holds, not even as the same stem. */
    private static String codeword(int i) {
        return CODEWORDS.get(i);
    }

    private SearchAnswer answer(String query, SearchMode mode) {
        search.invalidateAll();
        return search.answer(new SearchRequest(query, model.model().id(), mode, 5));
    }

    private static String name(SearchResult r) {
        return Path.of(r.path()).getFileName().toString();
    }

    @Test
    void everyFileAnswersKeywordSearchWhileTheModelHasEmbeddedNothing() throws Exception {
        GatedEmbedder gated = new GatedEmbedder(model, 0);
        CountDownLatch textsStored = new CountDownLatch(1);
        AtomicInteger storedFiles = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                indexer.index(List.of(folder), gated, new IndexListener() {
                    @Override
                    public void textsStored(Path f, int files) {
                        storedFiles.set(files);
                        textsStored.countDown();
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        run.start();
        try {
            assertThat(textsStored.await(60, TimeUnit.SECONDS)).as("the text of every file is stored").isTrue();
            assertThat(gated.blocked.await(60, TimeUnit.SECONDS)).as("embedding has started and waits").isTrue();
            assertThat(storedFiles).hasValue(FILES);
            for (int i = 0; i < FILES; i++) {
                assertThat(answer(codeword(i), SearchMode.KEYWORD).results()).extracting(TwoPhaseIndexingTest::name)
                        .as("keyword search for the codeword of note %d", i).containsExactly("note" + i + ".txt");
            }
            SearchAnswer hybrid = answer(codeword(3), SearchMode.HYBRID);
            assertThat(hybrid.results()).extracting(TwoPhaseIndexingTest::name).containsExactly("note3.txt");
            assertThat(hybrid.wordsOnlyFiles()).isEqualTo(FILES);
            assertThat(hybrid.wordsOnlyNote()).isEqualTo("12 files searched by words only: not embedded yet");
            assertThat(store.status().searchable(model.model().id(), model.model().chunkProfile()))
                    .isEqualTo(new SearchableFiles(FILES, 0));
        } finally {
            gated.release.countDown();
            run.join(60_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(store.status().searchable(model.model().id(), model.model().chunkProfile()))
                .isEqualTo(new SearchableFiles(FILES, FILES));
        SearchAnswer embedded = answer(codeword(3), SearchMode.HYBRID);
        assertThat(embedded.wordsOnlyFiles()).isZero();
        assertThat(embedded.wordsOnlyNote()).isEmpty();
        assertThat(embedded.results()).extracting(TwoPhaseIndexingTest::name).first().isEqualTo("note3.txt");
    }

    @Test
    void hybridOnAHalfEmbeddedIndexFindsTheRestByWordsAndCountsThem() throws Exception {
        GatedEmbedder gated = new GatedEmbedder(model, 4);
        Thread run = new Thread(() -> {
            try {
                indexer.index(List.of(folder), gated, IndexListener.NONE);
            } catch (RuntimeException ignored) {
                // the test stops it below
            }
        });
        run.start();
        try {
            assertThat(gated.blocked.await(60, TimeUnit.SECONDS)).isTrue();
            SearchableFiles reach = store.status().searchable(model.model().id(), model.model().chunkProfile());
            assertThat(reach).isEqualTo(new SearchableFiles(FILES, 4));
            List<String> embeddedNotes = embeddedNotes();
            assertThat(embeddedNotes).hasSize(4);
            int waiting = firstNotIn(embeddedNotes);

            SearchAnswer hybrid = answer(codeword(waiting) + " river crossing", SearchMode.HYBRID);
            assertThat(hybrid.results()).extracting(TwoPhaseIndexingTest::name).contains("note" + waiting + ".txt");
            assertThat(hybrid.wordsOnlyFiles()).isEqualTo(FILES - 4);
            SearchAnswer vector = answer("river crossing", SearchMode.VECTOR);
            assertThat(vector.results()).extracting(TwoPhaseIndexingTest::name)
                    .allMatch(embeddedNotes::contains);
            assertThat(vector.wordsOnlyNote()).isEqualTo("8 files not searched: not embedded yet");
        } finally {
            run.interrupt();
            gated.release.countDown();
            run.join(60_000);
        }
    }

    @Test
    void aRunStoppedBetweenThePhasesIsFinishedByTheNextWithoutReadingAnythingAgain() {
        Thread current = Thread.currentThread();
        CountingEmbedder first = new CountingEmbedder(model);
        assertThatThrownBy(() -> indexer.index(List.of(folder), first, new IndexListener() {
            @Override
            public void textsStored(Path f, int files) {
                current.interrupt(); // as the cancel button between the phases
            }
        })).isInstanceOf(CancellationException.class);
        Thread.interrupted();
        assertThat(first.passages).hasValue(0);
        assertThat(store.status().counts().documents()).isEqualTo(FILES);
        assertThat(answer(codeword(5), SearchMode.KEYWORD).results()).extracting(TwoPhaseIndexingTest::name)
                .containsExactly("note5.txt");

        CountingEmbedder second = new CountingEmbedder(model);
        IndexSummary resumed = indexer.index(List.of(folder), second, IndexListener.NONE);

        assertThat(resumed.filesIndexed()).as("no file read again").isZero();
        assertThat(second.passages).hasValue(FILES);
        assertThat(resumed.passagesEmbedded()).isEqualTo(FILES);
        assertThat(store.status().searchable(model.model().id(), model.model().chunkProfile()))
                .isEqualTo(new SearchableFiles(FILES, FILES));
        CountingEmbedder third = new CountingEmbedder(model);
        assertThat(indexer.index(List.of(folder), third, IndexListener.NONE).filesUnchanged()).isEqualTo(FILES);
        assertThat(third.passages).hasValue(0);
    }

    @Test
    void aRunStoppedWhileEmbeddingIsFinishedByTheNextWhichEmbedsOnlyWhatIsMissing() {
        Thread current = Thread.currentThread();
        CountingEmbedder first = new CountingEmbedder(model);
        assertThatThrownBy(() -> indexer.index(List.of(folder), first, new IndexListener() {
            @Override
            public void progress(IndexProgress p) {
                if (p.passagesEmbedded() == 5) {
                    current.interrupt();
                }
            }
        })).isInstanceOf(CancellationException.class);
        Thread.interrupted();
        long embeddedFiles = store.status().searchable(model.model().id(), model.model().chunkProfile()).byMeaning();
        assertThat(embeddedFiles).isEqualTo(5);

        CountingEmbedder second = new CountingEmbedder(model);
        IndexSummary resumed = indexer.index(List.of(folder), second, IndexListener.NONE);

        assertThat(second.passages).hasValue(FILES - 5);
        assertThat(first.passages.get() + second.passages.get()).isEqualTo(FILES);
        assertThat(resumed.filesIndexed()).isZero();
        assertThat(store.status().searchable(model.model().id(), model.model().chunkProfile()))
                .isEqualTo(new SearchableFiles(FILES, FILES));
    }

    private List<String> embeddedNotes() {
        search.invalidateAll();
        List<String> out = new ArrayList<>();
        var index = search.vectorIndex(model.model().id());
        for (int row = 0; row < index.size(); row++) {
            long chunk = index.chunkId(row);
            store.chunks().find(chunk).ifPresent(c -> out.add(Path.of(c.path()).getFileName().toString()));
        }
        return out;
    }

    private static int firstNotIn(List<String> names) {
        for (int i = 0; i < FILES; i++) {
            if (!names.contains("note" + i + ".txt")) {
                return i;
            }
        }
        throw new AssertionError("every note is embedded");
    }

    /** One passage a call; the calls after the first {@code open} wait until released, as a slow model would. */
    private static final class GatedEmbedder extends Forwarding {
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final int open;
        private int calls;

        GatedEmbedder(Embedder model, int open) {
            super(model);
            this.open = open;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            if (calls++ >= open) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("stopped while embedding");
                }
            }
            return super.embedPassages(passages);
        }
    }

    /** Counts the passages it is asked to embed. */
    private static final class CountingEmbedder extends Forwarding {
        final AtomicInteger passages = new AtomicInteger();

        CountingEmbedder(Embedder model) {
            super(model);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return super.embedPassages(texts);
        }
    }

    /** The test model, one passage a call, so that a run embeds file by file. */
    private static class Forwarding extends ForwardingEmbedder {
        Forwarding(Embedder model) {
            super(model);
        }

        @Override
        public int passagesPerCall() {
            return 1;
        }
    }
}

package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.Indexer;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes the {@link HostileCorpus} through the real pipeline, with files vanishing, changing and a folder being
 * removed after the scan: the run finishes, every good file is indexed, and every file that was not is listed
 * with a reason.
 */
@Tag("reliability")
class HostileFilesTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void indexesTheGoodFilesAndExplainsEveryOtherOne() throws IOException {
        Path root = tmp.resolve("hostile");
        HostileCorpus corpus = HostileCorpus.write(root);
        IndexListener sabotage = new IndexListener() {
            @Override
            public void scanned(Path folder, int filesFound) {
                try {
                    Files.delete(corpus.vanishing);
                    Files.writeString(corpus.changing, "Rewritten after the scan: now it is about sailing boats "
                            + "and the wind, and much longer than it was when the scanner saw it.");
                    try (Stream<Path> walk = Files.walk(corpus.doomedFolder)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try (Database db = Database.open(tmp.resolve("index.db")); TextExtractor extractor = new TextExtractor()) {
            IndexStore store = new IndexStore(db);
            Embedder embedder = TestModels.minilm();
            IndexSummary summary = new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults())
                    .index(List.of(root), embedder, sabotage);
            long folderId = store.folders().all().get(0).id();
            Set<String> indexed = store.documents().indexedPaths(folderId, embedder.model().id());
            Map<String, String> skipped = store.documents().skipped().stream()
                    .collect(Collectors.toMap(StoredDocument::path, d -> d.error() == null ? "" : d.error()));

            assertThat(indexed).containsAll(corpus.good.stream().map(Path::toString).toList());
            for (Path file : corpus.hostile) {
                String path = file.toString();
                assertThat(indexed.contains(path) || !skipped.getOrDefault(path, "").isBlank())
                        .as("%s is indexed or skipped with a reason (skipped: %s)", file.getFileName(), skipped)
                        .isTrue();
            }
            assertThat(skipped.get(root.resolve("broken/sparse-1gb.txt").toString())).containsIgnoringCase("MB");
            // POI's inflate-ratio guard names it; if memory runs short first, the extractor's memory cap does.
            assertThat(skipped.get(root.resolve("broken/bomb.docx").toString())).containsPattern(
                    "(?i)zip bomb|too large to extract");
            assertThat(skipped).containsKey(root.resolve("broken/corrupt.pdf").toString());
            // Gone before extraction: not indexed; if listed, with a reason.
            assertThat(indexed).doesNotContain(corpus.vanishing.toString());
            assertThat(indexed).noneMatch(p -> p.startsWith(corpus.doomedFolder.toString()));
            // Changed after the scan: indexed with what it says now.
            assertThat(indexed).contains(corpus.changing.toString());
            // Odd names: each one indexed or skipped with a reason, none lost.
            long oddAccounted = Stream.concat(indexed.stream(), skipped.keySet().stream())
                    .filter(p -> p.startsWith(corpus.oddNames.toString())).count();
            assertThat(oddAccounted).as("odd names indexed %s, skipped %s", indexed.stream().filter(p -> p.contains("odd-names")).toList(), skipped.keySet().stream().filter(p -> p.contains("odd-names")).toList()).isEqualTo(corpus.oddNameCount());
            // The summary tells the user the same.
            assertThat(summary.skipped()).extracting(IndexSummary.SkippedEntry::reason).allMatch(r -> !r.isBlank());
            System.out.printf("HostileFilesTest: %d good files indexed, %d hostile files tried, %d skipped: %s%n",
                    corpus.good.size(), corpus.hostile.size(), skipped.size(), skipped.values());
        }
    }
}

package dev.semdex.ui.folders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.ui.FakeBackend;
import dev.semdex.ui.ManualRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersViewModelTest {

    @TempDir Path dir;
    private final FakeBackend backend = new FakeBackend();
    private final ManualRunner runner = new ManualRunner();
    private final ManualRunner indexRunner = new ManualRunner();
    private final List<String> errors = new ArrayList<>();
    private int indexChanges;
    private FoldersViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new FoldersViewModel(backend, runner, indexRunner, () -> "all-minilm-l6-v2", errors::add);
        vm.setOnIndexChanged(() -> indexChanges++);
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void anAddedFolderIsIndexedAndShowsItsCounts() throws Exception {
        vm.addFolders(List.of(folder("notes")));

        assertThat(backend.indexed).containsExactly("notes:all-minilm-l6-v2");
        FolderItem item = vm.folders().get(0);
        assertThat(item.state()).isEqualTo(FolderState.UP_TO_DATE);
        assertThat(item.filesProperty().get()).isEqualTo(3);
        assertThat(item.chunksProperty().get()).isEqualTo(6);
        assertThat(item.lastIndexedProperty().get()).isNotNull();
        assertThat(vm.indexingProperty().get()).isFalse();
        assertThat(vm.progressTextProperty().get()).contains("3 indexed");
        assertThat(indexChanges).isPositive();
        assertThat(backend.invalidations).isPositive();
    }

    @Test
    void theOcrStageShowsWhichPageOfWhichScanItIsReading() throws Exception {
        backend.ocrPages = 12;
        List<String> shown = new ArrayList<>();
        backend.duringIndex = f -> shown.add(vm.progressTextProperty().get());
        vm.addFolders(List.of(folder("scans")));

        assertThat(shown).hasSize(3);
        assertThat(shown.get(2)).contains("3 / 3 files").endsWith("OCR page 3 of 12 (scan.tiff)");
        assertThat(vm.progressTextProperty().get()).as("the summary replaces it").doesNotContain("OCR page");
    }

    @Test
    void aReCheckThatChangesNothingKeepsTheVectorsSearchHasLoaded() throws Exception {
        vm.addFolders(List.of(folder("notes")));
        int afterFirstRun = backend.invalidations;
        assertThat(afterFirstRun).isPositive();

        backend.unchanged = true;
        vm.enqueue(vm.folders().get(0));

        assertThat(vm.folders().get(0).state()).isEqualTo(FolderState.UP_TO_DATE);
        assertThat(vm.progressTextProperty().get()).contains("0 indexed, 3 unchanged");
        assertThat(backend.invalidations).isEqualTo(afterFirstRun);
    }

    @Test
    void foldersAreIndexedOneAtATimeInOrder() throws Exception {
        indexRunner.holdWork = true;
        vm.addFolders(List.of(folder("a"), folder("b")));

        assertThat(vm.folders()).extracting(FolderItem::state).containsExactly(FolderState.INDEXING, FolderState.QUEUED);
        assertThat(vm.indexingProperty().get()).isTrue();
        indexRunner.runHeld();
        assertThat(vm.folders()).extracting(FolderItem::state).containsExactly(FolderState.UP_TO_DATE, FolderState.INDEXING);
        indexRunner.runHeld();
        assertThat(backend.indexed).containsExactly("a:all-minilm-l6-v2", "b:all-minilm-l6-v2");
        assertThat(vm.folders()).extracting(FolderItem::state).containsOnly(FolderState.UP_TO_DATE);
    }

    @Test
    void eachQueuedFolderShowsItsOwnStateAndTheBatchItsOverallProgress() throws Exception {
        List<String> seen = new ArrayList<>();
        backend.duringIndex = folder -> {
            if (folder.getFileName().toString().equals("a") && seen.isEmpty()) {
                FolderItem a = vm.find(folder).orElseThrow();
                FolderItem b = vm.find(dir.resolve("b")).orElseThrow();
                FolderItem c = vm.find(dir.resolve("c")).orElseThrow();
                seen.add(a.badge() + " | " + a.details(java.time.Instant.now()));
                seen.add(b.badge() + " | " + b.details(java.time.Instant.now()));
                seen.add(c.badge() + " | " + c.details(java.time.Instant.now()));
                seen.add(vm.runTitleProperty().get() + " " + Math.round(vm.overallProgressProperty().get() * 100));
            }
        };
        indexRunner.holdWork = true;
        vm.addFolders(List.of(folder("a"), folder("b"), folder("c")));
        indexRunner.runHeld();

        assertThat(seen).containsExactly(
                "indexing 33% | 1 / 3 files · 2 s left",
                "queued | queued · next",
                "queued | queued · 1 folder before it",
                "Indexing folder 1 of 3… 11");
        FolderItem a = vm.folders().get(0);
        assertThat(a.badge()).isEqualTo("up to date");
        assertThat(a.details(java.time.Instant.now())).startsWith("3 files · 6 passages · just now");
        assertThat(vm.folders().get(1).badge()).isEqualTo("indexing");
        assertThat(vm.runTitleProperty().get()).isEqualTo("Indexing folder 2 of 3…");
        assertThat(vm.overallProgressProperty().get()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.01));
        indexRunner.runHeld();
        indexRunner.runHeld();
        assertThat(vm.folders()).extracting(FolderItem::badge).containsOnly("up to date");
        assertThat(vm.runTitleProperty().get()).isEqualTo("Last run");
    }

    @Test
    void lastIndexedTimesFollowTheClock() throws Exception {
        java.time.Instant indexedAt = java.time.Instant.parse("2026-11-28T10:00:00Z");
        backend.folders.add(new dev.semdex.index.FolderStatus(9, dir, 5, 0, 12, indexedAt, List.of()));
        vm.load(loaded -> {});
        FolderItem item = vm.folders().get(0);

        vm.tick(indexedAt.plusSeconds(20));
        assertThat(item.details(vm.nowProperty().get())).isEqualTo("5 files · 12 passages · just now");
        vm.tick(indexedAt.plusSeconds(5 * 60 + 10));
        assertThat(item.details(vm.nowProperty().get())).isEqualTo("5 files · 12 passages · 5 min ago");
    }

    @Test
    void filesAreRefusedWithAMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        vm.addFolders(List.of(file));

        assertThat(vm.folders()).isEmpty();
        assertThat(errors).singleElement().asString().contains("a.txt is a file");
    }

    @Test
    void cancelStopsTheRunAndDropsItsLateResult() throws Exception {
        indexRunner.holdWork = true;
        vm.addFolders(List.of(folder("a"), folder("b")));
        vm.cancel();

        assertThat(vm.folders()).extracting(FolderItem::state).containsOnly(FolderState.CANCELLED);
        assertThat(vm.indexingProperty().get()).isFalse();
        assertThat(vm.progressTextProperty().get()).contains("Cancelled");
        indexRunner.runHeld();
        assertThat(vm.folders()).extracting(FolderItem::state).containsOnly(FolderState.CANCELLED);
    }

    @Test
    void aFailedRunShowsTheErrorAndGoesOnWithTheNextFolder() throws Exception {
        backend.failIndexWith = "The disk holding the index is full.";
        vm.addFolders(List.of(folder("a")));

        assertThat(vm.folders().get(0).state()).isEqualTo(FolderState.FAILED);
        assertThat(errors).containsExactly("The disk holding the index is full.");
    }

    @Test
    void skippedFilesAreListedAndFiltered() throws Exception {
        backend.skipped.add(new dev.semdex.index.SkippedDocument("/x/scan.pdf", "no text found"));
        backend.skipped.add(new dev.semdex.index.SkippedDocument("/x/big.iso", "unsupported type"));
        vm.addFolders(List.of(folder("a")));

        assertThat(vm.folders().get(0).state()).isEqualTo(FolderState.WITH_ERRORS);
        assertThat(vm.folders().get(0).badge()).isEqualTo("2 skipped");
        assertThat(vm.filteredSkipped()).hasSize(2);
        vm.skippedFilterProperty().set("TEXT");
        assertThat(vm.filteredSkipped()).extracting(dev.semdex.index.SkippedDocument::path).containsExactly("/x/scan.pdf");
        vm.skippedFilterProperty().set("");
        assertThat(vm.filteredSkipped()).hasSize(2);
    }

    @Test
    void removeDeletesTheFolderFromTheIndex() throws Exception {
        vm.addFolders(List.of(folder("a")));
        vm.remove(vm.folders().get(0));

        assertThat(vm.folders()).isEmpty();
        assertThat(backend.folders).isEmpty();
    }

    @Test
    void aChangeReportedByTheWatcherReindexesTheFolder() throws Exception {
        Path a = folder("a");
        vm.addFolders(List.of(a));
        vm.folderChanged(a);

        assertThat(backend.indexed).hasSize(2);
    }

    @Test
    void aChangeDuringTheRunIndexesAgainAfterIt() throws Exception {
        Path a = folder("a");
        indexRunner.holdWork = true;
        vm.addFolders(List.of(a));
        vm.folderChanged(a);
        indexRunner.runHeld();
        indexRunner.runHeld();

        assertThat(backend.indexed).hasSize(2);
        assertThat(vm.folders().get(0).state()).isEqualTo(FolderState.UP_TO_DATE);
    }

    @Test
    void newExclusionsAreSavedAndTheFolderIsIndexedAgain() throws Exception {
        vm.addFolders(List.of(folder("a")));
        FolderItem item = vm.folders().get(0);
        vm.setExclusions(item, "*.log\n\n  drafts/  \n");

        assertThat(item.exclusions()).containsExactly("*.log", "drafts/");
        assertThat(backend.indexed).hasSize(2);
    }

    @Test
    void loadShowsStoredFolders() {
        backend.folders.add(new dev.semdex.index.FolderStatus(9, dir, 5, 1, 12, java.time.Instant.now(), List.of()));
        List<FolderItem> loaded = new ArrayList<>();
        vm.load(loaded::addAll);

        assertThat(loaded).singleElement().satisfies(f -> {
            assertThat(f.state()).isEqualTo(FolderState.WITH_ERRORS);
            assertThat(f.filesProperty().get()).isEqualTo(5);
        });
    }
}

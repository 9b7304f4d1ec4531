package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.search.SearchResult;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.folders.FolderItem;
import dev.semdex.ui.folders.FolderState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The acceptance walk-through as a new user does it, at scale: drop a folder of 300 mixed documents (txt, md,
 * html, docx, pdf, plus two files to skip), watch it index, search while it runs, then search for
 * SciFact questions whose answer is known and open the result. The FX thread is probed the whole time. Prints the
 * figures; {@code -Dsemdex.screenshot=assets/screenshot.png} keeps the final window. Tagged slow (about two
 * minutes on two cores): {@code xvfb-run -a mvn test -Pslow -Dtest=WalkThroughTest}.
 */
@Tag("slow")
class WalkThroughTest {

    private static final int DOCUMENTS = 300;

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private static final List<DesktopActions.Attempt> opened = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        assumeThat(Files.isDirectory(MixedCorpus.SCIFACT)).as("SciFact at " + MixedCorpus.SCIFACT).isTrue();
        FxToolkit.registerPrimaryStage();
        services = WindowDriver.openServices(tmp, opened);
        window = WindowDriver.show(services);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        WindowDriver.close(services);
    }

    @Test
    void dropAFolderOfMixedDocumentsSearchWhileItIndexesAndOpenAResult() throws Exception {
        Path docs = tmp.resolve("Documents");
        MixedCorpus corpus = MixedCorpus.write(docs, DOCUMENTS);

        long started = System.nanoTime();
        FxStallMonitor stalls = FxStallMonitor.start();
        WindowDriver.drop(robot, docs.toFile());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> window.folders().progressTextProperty().get().contains(" / "));
        search("vitamin B12 deficiency and homocysteine");
        long firstResultsMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(window.folders().indexingProperty().get()).as("results came while indexing").isTrue();

        FolderItem folder = WindowDriver.waitForFolder(window, docs, FolderState.WITH_ERRORS, 600);
        long indexedMs = (System.nanoTime() - started) / 1_000_000;
        stalls.close();
        assertThat(folder.filesProperty().get()).isEqualTo(DOCUMENTS);
        assertThat(folder.skippedProperty().get()).as("the broken PDF and the PNG").isEqualTo(2);

        int first = 0;
        int top3 = 0;
        List<MixedCorpus.Judged> asked = corpus.judged().subList(0, 20);
        for (MixedCorpus.Judged j : asked) {
            search(j.query());
            List<String> paths = window.search().results().stream().limit(3).map(SearchResult::path).toList();
            first += paths.get(0).equals(j.file().toString()) ? 1 : 0;
            top3 += paths.contains(j.file().toString()) ? 1 : 0;
        }
        System.out.printf("Walk-through: %d files (+2 skipped) indexed in %.1f s, first results while indexing "
                + "after %.1f s; FX thread %s; SciFact questions answered first %d/%d, in top 3 %d/%d%n",
                DOCUMENTS, indexedMs / 1000.0, firstResultsMs / 1000.0, stalls, first, asked.size(), top3,
                asked.size());
        stalls.stalls().forEach(System.out::println);
        assertThat(stalls.maxMs()).as("the window never stops answering for a second: " + stalls).isLessThan(1000);
        assertThat(top3).as("hybrid search finds most known answers in the top 3").isGreaterThanOrEqualTo(14);

        search("Folic acid lowers homocysteine but does it improve endothelial function");
        robot.clickOn("#resultList");
        robot.type(KeyCode.HOME, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened.get(0)).isEqualTo(new DesktopActions.DesktopOpen(Path.of(
                window.search().results().get(0).path())));
        WindowDriver.screenshot(robot, window, Path.of("target", "walk-through.png"),
                System.getProperty("semdex.screenshot"));
    }

    private void search(String query) throws Exception {
        robot.clickOn("#searchField").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(query);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> query.equals(window.search().shownQueryProperty().get())
                && !window.search().searchingProperty().get());
    }
}

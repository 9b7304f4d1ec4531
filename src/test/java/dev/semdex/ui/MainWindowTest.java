package dev.semdex.ui;

import dev.semdex.lab.ui.CompareFeature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.search.SearchResult;
import dev.semdex.settings.Settings;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.folders.FolderItem;
import dev.semdex.ui.folders.FolderState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on the real core, under Xvfb: drop a folder, watch it index, search, preview, cancel. The model
 * cache sits in target/ so the bundled model is unpacked once per build, the index in a temp folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainWindowTest {

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private static final List<DesktopActions.Attempt> opened = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = WindowDriver.openServices(tmp, opened);
        window = WindowDriver.show(services);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        WindowDriver.close(services);
    }

    @Test
    @Order(0)
    void onceDrawnTheToolbarsControlsShowTheirHelpAsTooltipsAndTheLabelsButtonItsIcon() throws Exception {
        // Made after the first frame (HelpTips, showIcons); a mode's tooltip says what the mode does.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#vectorMode").queryAs(Control.class)
                .getTooltip() != null && robot.lookup("#labelsButton").queryAs(Button.class).getGraphic()
                instanceof org.kordamp.ikonli.javafx.FontIcon);
        for (String id : List.of("#hybridMode", "#vectorMode", "#keywordMode", "#typeBox", "#modelBox",
                "#openButton")) {
            Control control = robot.lookup(id).queryAs(Control.class);
            assertThat(control.getTooltip()).as(id).isNotNull();
            assertThat(control.getTooltip().getText()).as(id).isNotBlank().isEqualTo(control.getAccessibleHelp());
        }
        assertThat(robot.lookup("#vectorMode").queryAs(Control.class).getTooltip().getText())
                .isEqualTo("By meaning only");
        assertThat(robot.lookup("#resultList").queryAs(ListView.class).getContextMenu().getItems())
                .extracting(javafx.scene.control.MenuItem::getText).contains("Open", "Show in folder", "Copy path");
    }

    @Test
    @Order(1)
    void dropAFolderIndexItSearchAndPreview() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("notes"));
        Documents.write(docs);
        assertThat(robot.lookup("#searchField").query().isFocused()).as("search focused on start").isTrue();

        drop(docs.toFile());
        FolderItem folder = waitForFolder(docs, FolderState.UP_TO_DATE);
        assertThat(folder.filesProperty().get()).isEqualTo(Documents.COUNT);

        robot.clickOn("#searchField").write("how do bees make honey");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.search().results().isEmpty()
                && "how do bees make honey".equals(window.search().shownQueryProperty().get()));
        SearchResult first = window.search().results().get(0);
        assertThat(Path.of(first.path()).getFileName()).hasToString("bees.txt");

        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup("#previewTitle").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("bees.txt");
        ListView<?> results = robot.lookup("#resultList").queryAs(ListView.class);
        assertThat(results.isFocused()).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !bestSentenceInPreview().isEmpty());
        assertThat(Documents.NOTES.get("bees.txt")).as("the marked text is one whole sentence of the file")
                .contains(bestSentenceInPreview());
        assertThat(bestSentenceInPreview()).endsWith(".").contains("honey");

        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).as("Enter opens the file").containsExactly(
                new DesktopActions.DesktopOpen(docs.resolve("bees.txt").toAbsolutePath()));
        robot.clickOn("#revealButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 2);
        assertThat(opened.get(1)).as("Show in folder asks the file manager first")
                .isInstanceOfSatisfying(DesktopActions.Command.class, c -> assertThat(c.argv()).startsWith("gdbus"));

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(robot.lookup("#searchField").query().isFocused()).as("Ctrl+K refocuses").isTrue();

        screenshot();
    }

    @Test
    @Order(2)
    void resultsAndPreviewShowTheTitleAndTheHeadingsOfThePassage() throws Exception {
        Path manual = Files.createDirectories(tmp.resolve("manual"));
        Files.writeString(manual.resolve("guide.md"), "# Beekeeping through the year\n\n## Spring\n\nThe queen "
                + "starts laying again and the colony grows fast.\n\n## Winter\n\nThe bees cluster together in "
                + "a tight ball and shiver their flight muscles to keep the queen warm until spring.\n");
        drop(manual.toFile());
        waitForFolder(manual, FolderState.UP_TO_DATE);

        javafx.scene.control.TextField field = robot.lookup("#searchField").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText("how do bees keep warm in the cold months"));
        // A search typed as the folder turns "up to date" may run before the index's change reaches the search
        // (the new file then ranks by its words alone); the change re-runs it, as it does for the user.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.search().results().isEmpty()
                && window.search().shownQueryProperty().get().endsWith("cold months")
                && Path.of(window.search().results().get(0).path()).getFileName().toString().equals("guide.md"));
        SearchResult first = window.search().results().get(0);
        assertThat(Path.of(first.path()).getFileName()).hasToString("guide.md");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".result-name").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Beekeeping through the year");
        assertThat(robot.lookup(".result-heading").queryAllAs(Label.class)).filteredOn(Label::isVisible)
                .extracting(Label::getText).contains("Winter");

        robot.clickOn("#resultList").type(javafx.scene.input.KeyCode.HOME);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null
                && window.search().previewProperty().get().path().endsWith("guide.md"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#previewTitle").queryAs(Label.class).getText())
                .isEqualTo("Beekeeping through the year");
        Label heading = robot.lookup("#previewHeading").queryAs(Label.class);
        assertThat(heading.isVisible()).isTrue();
        assertThat(heading.getText()).isEqualTo("Winter");
    }

    @Test
    @Order(3)
    void pauseSearchWhileIndexingThenCancel() throws Exception {
        Path many = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 400; i++) {
            Files.writeString(many.resolve("note-" + i + ".txt"), ("Note " + i + " about topic " + i % 17
                    + ". It has a few sentences so that embedding takes a moment. ").repeat(6));
        }
        FxStallMonitor stalls = FxStallMonitor.start();
        drop(many.toFile());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.folders().progressTextProperty().get().contains(" / "));
        robot.clickOn("#searchField").press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.CONTROL).write("sourdough starter");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "sourdough starter".equals(window.search().shownQueryProperty().get()));
        assertThat(window.search().results()).as("search works during a run").isNotEmpty();
        assertThat(Path.of(window.search().results().get(0).path()).getFileName()).hasToString("sourdough.md");
        assertThat(window.folders().indexingProperty().get()).as("still indexing").isTrue();
        stalls.close();
        System.out.println("FX thread while loading the model, indexing and searching: " + stalls);
        assertThat(stalls.probes()).isGreaterThan(10);
        assertThat(stalls.maxMs()).as("the window never stops answering for a second: " + stalls)
                .isLessThan(1000);

        robot.clickOn("#pauseButton");
        assertThat(window.folders().pausedProperty().get()).isTrue();
        Thread.sleep(300);
        String progressWhilePaused = window.folders().progressTextProperty().get();
        Thread.sleep(500);
        assertThat(window.folders().progressTextProperty().get()).as("no progress while paused")
                .isEqualTo(progressWhilePaused);

        robot.clickOn("#cancelButton");
        FolderItem folder = waitForFolder(many, FolderState.CANCELLED);
        assertThat(window.folders().indexingProperty().get()).isFalse();
        assertThat(window.folders().pausedProperty().get()).isFalse();
        // The run stores every file's text before embedding: a cancel keeps what it stored, up to the whole folder.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> folder.filesProperty().get() > 0);
        assertThat(folder.filesProperty().get()).isLessThanOrEqualTo(400);
        assertThat(window.folders().progressTextProperty().get()).contains("Cancelled");
    }

    @Test
    @Order(4)
    void settingsAreSavedAsJson() throws Exception {
        robot.clickOn("#settingsButton");
        // The dialog opens once the offline models are found, off the UI thread.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#themeBox").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#themeBox").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue("Dark"));
        robot.clickOn("OK");
        Path file = services.dirs().settingsFile();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Files.exists(file) && Files.readString(file).contains("\"dark\""));
        assertThat(services.settings().dark()).isTrue();
    }

    /** The text the preview marks as the best sentence, read on the FX thread. */
    @Test
    @Order(5)
    void theWindowOpensWhereItWasClosed() throws Exception {
        robot.interact(() -> {
            window.stage().setX(40);
            window.stage().setY(30);
            window.stage().setWidth(1000);
            window.stage().setHeight(640);
            window.stage().hide();
        });
        Settings.WindowBounds saved = services.settings().window();
        assertThat(saved).isEqualTo(new Settings.WindowBounds(40, 30, 1000, 640, false));
        Path file = services.dirs().settingsFile();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(file).contains("\"width\" : 1000"));

        AtomicReference<MainWindow> again = new AtomicReference<>();
        robot.interact(() -> again.set(MainWindow.show(services, new javafx.stage.Stage(), CompareFeature::new)));
        javafx.stage.Stage stage = again.get().stage();
        assertThat(List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                .containsExactly(40.0, 30.0, 1000.0, 640.0);
        robot.interact(stage::hide);
    }

    private String bestSentenceInPreview() throws Exception {
        TextFlow flow = robot.lookup("#previewText").queryAs(TextFlow.class);
        return WaitForAsyncUtils.asyncFx(() -> flow.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("best-sentence")).map(n -> ((Text) n).getText())
                .collect(java.util.stream.Collectors.joining())).get(5, TimeUnit.SECONDS);
    }

    private FolderItem waitForFolder(Path path, FolderState state) throws Exception {
        return WindowDriver.waitForFolder(window, path, state);
    }

    private void drop(File folder) {
        WindowDriver.drop(robot, folder);
    }

    /** Writes target/screenshot.png, and to -Dsemdex.screenshot=PATH too. */
    private void screenshot() throws Exception {
        WindowDriver.screenshot(robot, window, Path.of("target", "screenshot.png"), System.getProperty("semdex.screenshot"));
    }
}

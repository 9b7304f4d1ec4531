package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.ollama.FakeOllama;
import dev.semdex.index.IndexListener;
import dev.semdex.lab.ui.CompareFeature;
import dev.semdex.lab.ui.CompareViewModel;
import dev.semdex.lab.ui.CompareWindow;
import dev.semdex.settings.Settings;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.search.SearchViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a new user sees it, at 1280×800 in both themes: every view and dialog (main window with results
 * and a preview, the folder filter, Exclusions, each Settings tab with an Ollama check, the model manager, each
 * tab of the compare window) is walked for text cut off with "…"; the preview of a long page brings its match
 * into view; two folders of the same name can be told apart in the filter; an emoji draws as a glyph, not a box.
 * {@code -Dsemdex.screenshots=assets} writes the README's screenshots (light theme) there; without it they go to
 * target/screenshots.
 */
class ReadableWindowTest {

    private static final String MINILM = "all-minilm-l6-v2";
    private static final String MINILM_Q = "all-minilm-l6-v2-q";
    private static final String LONG_PAGE = "lighthouse-handbook.txt";
    private static final String LONG_QUERY = "when does the keeper trim the lamp wick";
    private static final String ANSWER = "The keeper trims the wick of the lamp every evening at dusk";

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private static Path work;
    private static Path manuals;
    private static final List<DesktopActions.Attempt> opened = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();
    private final List<String> cut = new ArrayList<>();

    @BeforeAll
    static void indexTwoFoldersOfTheSameNameAndOpenTheWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        services = WindowDriver.openServices(tmp, opened);
        work = Files.createDirectories(tmp.resolve("work").resolve("notes"));
        Documents.write(work);
        Files.writeString(work.resolve("party.txt"), "Party planning ☀ with friends 😀: bring a cake, candles "
                + "and music ♫ for the garden party 🎉 on Saturday.");
        manuals = Files.createDirectories(tmp.resolve("home").resolve("notes"));
        Files.writeString(manuals.resolve(LONG_PAGE), longPage());
        Files.writeString(manuals.resolve("ferry-timetable.txt"), "The ferry leaves the harbour at seven and "
                + "returns at noon; tickets are sold on board.");
        for (Path folder : List.of(work, manuals)) {
            services.foldersPort().addFolder(folder);
            services.foldersPort().index(folder, MINILM_Q, new IndexListener() {});
        }
        services.foldersPort().index(work, MINILM, new IndexListener() {});
        window = WindowDriver.show(services);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        WindowDriver.close(services);
    }

    /** A handbook of some sixty paragraphs, its lines broken at 70 columns as old HTML sources are. */
    private static String longPage() {
        String[] topics = {"painting the tower", "the fog signal", "oil stores", "the keeper's garden",
            "logbook entries", "storm shutters", "the supply boat", "brass polishing", "the stair railing"};
        StringBuilder text = new StringBuilder("Lighthouse handbook\n\n");
        for (int p = 0; p < 60; p++) {
            String para = p == 48
                    ? ANSWER + ", before the light is lit, so that the flame burns clean and bright all night. "
                    + "A wick left untrimmed smokes the glass of the lantern."
                    : "Section " + (p + 1) + " is about " + topics[p % topics.length] + ". It lists what must be "
                    + "checked, who signs the record and how often the work is done during the season, with "
                    + "notes on the tools kept in the store room below the gallery.";
            text.append(wrap(para, 70)).append("\n\n");
        }
        return text.toString();
    }

    private static String wrap(String para, int width) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : para.split(" ")) {
            if (line > 0 && line + 1 + word.length() > width) {
                out.append('\n');
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    @Test
    void everyViewAndDialogIsReadableAt1280x800InBothThemes() throws Exception {
        robot.interact(() -> {
            window.stage().setWidth(1280);
            window.stage().setHeight(800);
        });
        reindexSoLastRunShows();
        for (String theme : List.of(Settings.LIGHT, Settings.DARK)) {
            boolean shots = theme.equals(Settings.LIGHT);
            robot.interact(() -> MainWindow.applyTheme(services.settings().withTheme(theme)));
            WaitForAsyncUtils.waitForFxEvents();
            search("how do bees make honey");
            selectFirstAndWaitForThePreview();
            walk(theme + ", main window with results");
            if (shots) {
                png(window.stage().getScene(), "window-results.png");
            }
            folderFilter(theme);
            exclusions(theme);
            settings(theme);
            modelManager(theme, shots);
            compare(theme, shots);
            longPagePreview(theme, shots);
        }
        assertThat(cut).as("text cut off with …").isEmpty();
    }

    @Test
    void anEmojiInAPassageDrawsAsAGlyphNotABox() throws Exception {
        search("party planning with a cake");
        selectFirstAndWaitForThePreview();
        TextFlow flow = robot.lookup("#previewText").queryAs(TextFlow.class);
        AtomicReference<List<Text>> emoji = new AtomicReference<>();
        robot.interact(() -> emoji.set(flow.getChildren().stream().filter(n -> n.getStyleClass().contains("emoji"))
                .map(n -> (Text) n).toList()));
        // DejaVu Sans has the first three; 🎉 needs the emoji font the .deb recommends (Symbola, installed by CI).
        assertThat(emoji.get()).extracting(Text::getText).contains("☀", "😀", "♫", "🎉");
        for (Text t : emoji.get()) {
            AtomicReference<Boolean> box = new AtomicReference<>();
            robot.interact(() -> box.set(samePixels(t.getText(), t.getFont(), "\u0378")));
            assertThat(box.get()).as(t.getText() + " in " + t.getFont().getFamily() + " is not the missing-glyph box")
                    .isFalse();
        }
    }

    private void reindexSoLastRunShows() throws Exception {
        robot.interact(() -> robot.lookup("#folderList").queryAs(ListView.class).getSelectionModel().select(0));
        robot.clickOn("#reindexButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.folders().progressTextProperty().get()
                .contains("unchanged") && !window.folders().indexingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void folderFilter(String theme) throws Exception {
        ComboBox<String> box = robot.lookup("#folderBox").queryAs(ComboBox.class);
        AtomicReference<List<String>> shown = new AtomicReference<>();
        robot.interact(() -> shown.set(box.getItems().stream().map(box.getConverter()::toString).toList()));
        assertThat(shown.get()).as("two folders named notes, told apart").hasSize(3).doesNotHaveDuplicates()
                .filteredOn(s -> s.startsWith("notes")).hasSize(2);
        robot.interact(() -> box.setValue(manuals.toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getTooltip().getText()).contains(manuals.toString());
        assertThat(robot.lookup("#folderList").queryAs(ListView.class).lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList())
                .as("the folder list tells them apart too").contains("notes · work", "notes · home");
        robot.interact(box::show);
        WaitForAsyncUtils.waitForFxEvents();
        walk(theme + ", folder filter open");
        robot.interact(() -> {
            box.hide();
            box.setValue(SearchViewModel.ALL_FOLDERS);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void exclusions(String theme) throws Exception {
        robot.interact(() -> robot.lookup("#folderList").queryAs(ListView.class).getSelectionModel().select(0));
        robot.clickOn("#exclusionsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#exclusionsText").tryQuery().isPresent());
        TextArea patterns = robot.lookup("#exclusionsText").queryAs(TextArea.class);
        assertThat(patterns.getPromptText()).as("examples kept apart once JavaFX drops the prompt's line breaks")
                .contains("*.log").doesNotContain("logdrafts").doesNotContain("/build");
        walk(theme + ", exclusions");
        press(patterns, javafx.scene.control.ButtonType.CANCEL);
    }

    private void settings(String theme) throws Exception {
        try (FakeOllama server = new FakeOllama()) {
            robot.clickOn("#settingsButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsTabs").tryQuery().isPresent());
            TabPane tabs = robot.lookup("#settingsTabs").queryAs(TabPane.class);
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                int tab = i;
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                walk(theme + ", settings tab " + tabs.getTabs().get(i).getText());
            }
            robot.interact(() -> {
                robot.lookup("#ollamaUrlField").queryAs(TextField.class).setText(server.url());
                robot.lookup("#ollamaModelField").queryAs(TextField.class).setText("all-minilm");
                robot.lookup("#ollamaCheckButton").queryAs(Button.class).fire();
            });
            javafx.scene.control.Label result = robot.lookup("#ollamaCheckResult").queryAs(
                    javafx.scene.control.Label.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.getText().contains("Next step"));
            walk(theme + ", settings, Ollama checked");
            press(tabs, javafx.scene.control.ButtonType.CANCEL);
        }
    }

    private void modelManager(String theme, boolean shots) throws Exception {
        robot.clickOn("#modelsButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#modelTable").tryQuery().isPresent()
                && robot.lookup("#modelTable").queryAs(TableView.class).getItems().size() >= 8);
        WaitForAsyncUtils.waitForFxEvents();
        walk(theme + ", model manager");
        if (shots) {
            png(robot.lookup("#modelTable").query().getScene(), "window-models.png");
        }
        press(robot.lookup("#modelTable").query(), javafx.scene.control.ButtonType.CLOSE);
    }

    private void compare(String theme, boolean shots) throws Exception {
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((CompareFeature) window.lab()).window() != null
                && ((CompareFeature) window.lab()).window().stage().isShowing());
        CompareWindow compare = ((CompareFeature) window.lab()).window();
        robot.interact(() -> {
            compare.stage().setWidth(1280);
            compare.stage().setHeight(800);
            compare.select("compareTab");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> compare.compare().modelChoices().size() >= 2);
        robot.interact(() -> {
            compare.compare().modelAProperty().set(MINILM);
            compare.compare().modelBProperty().set(MINILM_Q);
            compare.compare().queryProperty().set("how do bees make honey");
            compare.compare().compare();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compare.compare().columns().size() == 2
                && "how do bees make honey".equals(compare.compare().shownQueryProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<CompareViewModel.Row> a = robot.lookup("#column-A").queryListView();
        AtomicReference<String> passage = new AtomicReference<>();
        robot.interact(() -> passage.set(a.lookupAll(".compare-passage").stream().findFirst()
                .map(n -> ((dev.semdex.ui.search.MarkedFlow) n).flow().getChildren().stream()
                        .map(t -> ((Text) t).getText()).collect(Collectors.joining())).orElse("")));
        assertThat(passage.get()).as("the best passage under the file, as in the main results").contains("honey");
        walk(theme + ", compare");
        if (shots) {
            png(compare.stage().getScene(), "window-compare.png");
        }
        for (String tab : List.of("qualityTab", "mapTab", "indexModelsTab")) {
            robot.interact(() -> compare.select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            walk(theme + ", compare window, " + tab);
        }
        // Adding a model says how long it takes here (a short probe: it never ran here) and how good it is.
        robot.interact(() -> compare.indexModels().toAddProperty().set("bge-small-en-v1.5"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compare.indexModels().addCostProperty().get()
                .contains("SciFact"));
        assertThat(compare.indexModels().addCostProperty().get()).matches("(About|Under).*passages.*measured here"
                + " just now.*SciFact nDCG@10: hybrid 0\\.732.*");
        walk(theme + ", models in the index with the cost of adding one");
        robot.interact(() -> compare.stage().hide());
    }

    private void longPagePreview(String theme, boolean shots) throws Exception {
        search(LONG_QUERY);
        assertThat(Path.of(window.search().results().get(0).path()).getFileName()).hasToString(LONG_PAGE);
        selectFirstAndWaitForThePreview();
        Thread.sleep(200);
        ScrollPane scroll = robot.lookup("#previewScroll").queryAs(ScrollPane.class);
        AtomicReference<String> where = new AtomicReference<>();
        robot.interact(() -> {
            Node mark = scroll.lookup(".sentence-mark");
            Node viewport = scroll.lookup(".viewport");
            Bounds m = mark.localToScene(mark.getBoundsInLocal());
            Bounds v = viewport.localToScene(viewport.getBoundsInLocal());
            where.set(m.getMinY() >= v.getMinY() && m.getMinY() < v.getMaxY() ? "in view"
                    : "mark at " + m.getMinY() + ", view " + v.getMinY() + "–" + v.getMaxY());
        });
        assertThat(scroll.getVvalue()).as("scrolled down the long page").isGreaterThan(0.3);
        assertThat(where.get()).as("the best passage in view").isEqualTo("in view");
        String best = bestSentenceInPreview();
        assertThat(best).as("the sentence reads as one line").contains("trims the wick").doesNotContain("\n");
        walk(theme + ", preview of a long page");
        if (shots) {
            png(window.stage().getScene(), "window-long-page.png");
        }
    }

    /** Presses a button of the dialog that {@code inside} is in (by type: the robot could find a "Cancel" elsewhere). */
    private void press(Node inside, javafx.scene.control.ButtonType type) throws Exception {
        robot.interact(() -> {
            Node n = inside;
            while (!(n instanceof javafx.scene.control.DialogPane)) {
                n = n.getParent();
            }
            ((Button) ((javafx.scene.control.DialogPane) n).lookupButton(type)).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectFirstAndWaitForThePreview() throws Exception {
        robot.interact(() -> {
            ListView<?> list = robot.lookup("#resultList").queryAs(ListView.class);
            list.getSelectionModel().clearSelection();
            list.getSelectionModel().select(0);
            list.requestFocus();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null
                && window.search().bestSentences().containsKey(window.search().results().get(0).chunkId()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void search(String query) throws Exception {
        robot.interact(() -> window.search().queryProperty().set(query));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> query.equals(window.search().shownQueryProperty().get())
                && !window.search().searchingProperty().get() && !window.search().results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String bestSentenceInPreview() throws Exception {
        TextFlow flow = robot.lookup("#previewText").queryAs(TextFlow.class);
        return WaitForAsyncUtils.asyncFx(() -> flow.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("best-sentence")).map(n -> ((Text) n).getText())
                .collect(Collectors.joining())).get(5, TimeUnit.SECONDS);
    }

    /** Records every cut text in the showing windows, named by where the walk is. */
    private void walk(String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = WaitForAsyncUtils.asyncFx(Truncation::inShowingWindows).get(10, TimeUnit.SECONDS);
        found.forEach(f -> cut.add(where + ": " + f));
    }

    /** Whether two strings draw the same pixels in a font: a glyph the font lacks draws as the same box. */
    private static boolean samePixels(String a, Font font, String b) {
        return java.util.Arrays.equals(pixels(a, font), pixels(b, font));
    }

    private static int[] pixels(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        WritableImage img = new Scene(new javafx.scene.Group(t)).getRoot().snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h + 2];
        out[0] = w;
        out[1] = h;
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 2, w);
        return out;
    }

    /** Writes a scene as PNG to target/screenshots, and to -Dsemdex.screenshots=DIR when set. */
    private void png(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        WritableImage img = image.get();
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = img.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(out, "png", target.resolve(name).toFile());
        String dir = System.getProperty("semdex.screenshots");
        if (dir != null && !dir.isBlank()) {
            ImageIO.write(out, "png", Files.createDirectories(Path.of(dir)).resolve(name).toFile());
        }
    }
}

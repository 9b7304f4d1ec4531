package dev.semdex.ui;

import dev.semdex.lab.Lab;
import dev.semdex.lab.ui.CompareFeature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.index.IndexListener;
import dev.semdex.settings.AppDirs;
import dev.semdex.lab.ui.CompareViewModel;
import dev.semdex.lab.ui.CompareWindow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The compare window on the real core, under Xvfb: a folder indexed with the default model, a second bundled
 * model (int8 MiniLM) added to the index from the window, then one query ranked by both side by side, a thumbs
 * up that lands in the index, the quality table on it and the corpus map. Writes target/compare.png (and
 * -Dsemdex.compareScreenshot=PATH, e.g. assets/compare.png), target/compare-quality.png and target/compare-map.png.
 */
class CompareWindowTest {

    private static final String QUERY = "how do bees make honey";
    private static final String MINILM = "all-minilm-l6-v2";
    private static final String MINILM_Q = "all-minilm-l6-v2-q";

    /** Notes close to the query's topic, so that the models' top files differ beyond the first. */
    private static final Map<String, String> NEAR_TOPICS = Map.of(
            "beekeeping-log.md", "Checked the hives on Sunday. The queen is laying well and the supers are half "
                    + "full; we will harvest in August if the lime trees flower.",
            "wildflower-meadow.txt", "Sow the meadow in autumn: poppies, cornflowers and clover feed bumblebees, "
                    + "hoverflies and butterflies from May to September.",
            "mead-recipe.txt", "Dissolve two kilograms of honey in warm water, add wine yeast and let it ferment "
                    + "for six weeks before bottling the mead.",
            "breakfast-ideas.txt", "Porridge with oats, a spoon of honey, walnuts and sliced apple; or toast with "
                    + "butter and jam.",
            "wasp-nest.txt", "A wasp nest under the roof: wasps chew wood into paper to build it and hunt "
                    + "caterpillars for their larvae.",
            "sugar-chemistry.txt", "Enzymes such as invertase split sucrose into glucose and fructose; removing "
                    + "water concentrates the syrup.");

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow main;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void indexAFolderAndOpenTheWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path data = tmp.resolve("data");
        services = AppServices.open(new AppDirs(data, data, Path.of("target", "ui-test-cache").toAbsolutePath()));
        Path docs = Files.createDirectories(tmp.resolve("notes"));
        Documents.write(docs);
        for (Map.Entry<String, String> note : NEAR_TOPICS.entrySet()) {
            Files.writeString(docs.resolve(note.getKey()), note.getValue());
        }
        services.foldersPort().addFolder(docs);
        services.foldersPort().index(docs, MINILM_Q, new IndexListener() {});
        FxToolkit.setupStage(stage -> main = MainWindow.show(services, stage, CompareFeature::new));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        services.close();
    }

    @Test
    void addASecondModelThenCompareBothOnOneQuery() throws Exception {
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((CompareFeature) main.lab()).window() != null
                && ((CompareFeature) main.lab()).window().stage().isShowing());
        CompareWindow window = ((CompareFeature) main.lab()).window();

        // Models in the index: the folder was indexed with the default (int8 MiniLM); add the fp32 MiniLM to it.
        robot.interact(() -> window.select("indexModelsTab"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.indexModels().addable().contains(MINILM));
        robot.interact(() -> window.indexModels().toAddProperty().set(MINILM));
        robot.clickOn("#addModelButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !window.indexModels().indexingProperty().get()
                && window.indexModels().indexed().stream().anyMatch(m -> m.id().equals(MINILM)));
        assertThat(window.indexModels().progressTextProperty().get()).startsWith(MINILM + " added");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.search().models().contains(MINILM));

        // Compare: both models rank the query side by side.
        robot.interact(() -> window.select("compareTab"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.compare().modelChoices().size() == 2);
        robot.interact(() -> {
            window.compare().modelAProperty().set(MINILM);
            window.compare().modelBProperty().set(MINILM_Q);
            window.compare().kProperty().set(5);
            window.compare().dimensionProperty(128).set(true);
            window.compare().precisionProperty(dev.semdex.lab.compare.Precision.INT8).set(true);
            window.compare().queryProperty().set("");
        });
        robot.clickOn("#queryField").write(QUERY).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.compare().columns().size() == 2
                && QUERY.equals(window.compare().shownQueryProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();

        ListView<CompareViewModel.Row> a = robot.lookup("#column-A").queryListView();
        ListView<CompareViewModel.Row> b = robot.lookup("#column-B").queryListView();
        assertThat(a.getItems()).hasSize(5);
        assertThat(b.getItems()).hasSize(5);
        assertThat(a.getItems().get(0).fileName()).isEqualTo("bees.txt");
        assertThat(b.getItems().get(0).fileName()).isEqualTo("bees.txt");
        int shared = window.compare().sharedCountProperty().get();
        assertThat(shared).isBetween(1, 5);
        Label sharedLabel = robot.lookup("#sharedCount").queryAs(Label.class);
        assertThat(sharedLabel.getText()).isEqualTo(shared + (shared == 1 ? " shared file" : " shared files"));
        assertThat(window.compare().columns().get(0).dimension()).isEqualTo(384);
        assertThat(window.compare().pairs()).singleElement()
                .satisfies(p -> assertThat(p.overlap()).isEqualTo(shared / 5.0));
        assertThat(window.compare().variantsByModel().get(MINILM)).extracting(CompareViewModel.VariantRow::form)
                .containsExactly("384·int8", "128·f32", "128·int8");

        // A thumbs up on the top file is kept in the index for this query.
        Node upThumb = robot.from(a).lookup(".thumb-up").nth(0).query();
        robot.clickOn(upThumb);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Boolean.TRUE.equals(window.compare().judgements().markOf(a.getItems().get(0).path())));
        assertThat(new Lab(services.semdex()).judgements().of(QUERY))
                .containsExactly(Map.entry(a.getItems().get(0).path(), true));
        robot.moveTo(b.lookup(".list-cell"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.stage().setHeight(680));
        screenshot(window, "compare.png", "semdex.compareScreenshot");

        // Quality on that judgement, for both models.
        robot.interact(() -> window.select("qualityTab"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.quality().judgedQueriesProperty().get() == 1);
        robot.clickOn("Score models");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.quality().runningProperty().get()
                && !window.quality().rows().isEmpty());
        assertThat(window.quality().rows()).extracting(r -> r.model()).contains(MINILM, MINILM_Q);
        assertThat(window.quality().rows().get(0).ndcg10()).as("bees.txt is first").isEqualTo(1.0);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(window, "compare-quality.png", "semdex.qualityScreenshot");

        // The corpus map draws itself when its tab opens.
        robot.interact(() -> window.select("mapTab"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.map().mapProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.ScatterChart<?, ?> chart = robot.lookup(".corpus-map").query();
        assertThat(chart.getData().stream().mapToInt(series -> series.getData().size()).sum())
                .isEqualTo(Documents.COUNT + NEAR_TOPICS.size());
        robot.clickOn("Folder");
        assertThat(chart.getData()).singleElement().satisfies(series -> assertThat(series.getName())
                .isEqualTo("notes (" + (Documents.COUNT + NEAR_TOPICS.size()) + ")"));
        robot.clickOn("Group");
        screenshot(window, "compare-map.png", "semdex.mapScreenshot");

        // The main window's results show the judgement made in the compare window, and change it.
        String top = a.getItems().get(0).path();
        robot.interact(() -> {
            window.stage().close();
            main.search().queryProperty().set(QUERY);
            main.search().searchNow();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> QUERY.equals(main.search().shownQueryProperty().get())
                && Boolean.TRUE.equals(((CompareFeature) main.lab()).thumbs().markOf(top)));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> results = robot.lookup("#resultList").queryListView();
        assertThat(((dev.semdex.search.SearchResult) results.getItems().get(0)).path()).isEqualTo(top);
        dev.semdex.lab.ui.ThumbsControl thumbs = robot.from(results).lookup(".thumbs").nth(0).query();
        assertThat(thumbs.isOn(true)).isTrue();
        robot.clickOn(robot.from(results).lookup(".thumb-down").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> thumbs.isOn(false));
        assertThat(new Lab(services.semdex()).judgements().of(QUERY)).containsExactly(Map.entry(top, false));
    }

    private static void screenshot(CompareWindow window, String name, String property) throws Exception {
        Thread.sleep(300);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        new FxRobot().interact(() -> image.set(window.stage().getScene().snapshot(null)));
        WritableImage img = image.get();
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = img.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", Path.of("target", name).toFile());
        String extra = System.getProperty(property);
        if (extra != null && !extra.isBlank()) {
            ImageIO.write(out, "png", Path.of(extra).toFile());
        }
    }
}

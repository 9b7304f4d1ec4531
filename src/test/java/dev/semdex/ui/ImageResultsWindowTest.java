package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.extract.Tesseract;
import dev.semdex.lab.bench.ScannedDocuments;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.folders.FolderState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
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
 * Scans in the real window: a folder with a photographed letter and a scanned PDF is indexed with Tesseract, the
 * image result shows its picture in the list, the preview shows the picture above the OCR'd text with the passage's
 * words marked on the picture, a scanned PDF page's preview shows the page; the settings' OCR tab lists Tesseract's
 * installed languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageResultsWindowTest {

    private static final ScannedDocuments.Scan SCAN = new ScannedDocuments.Scan(200, 0, 0);

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        assumeThat(Tesseract.find("")).as("Tesseract installed (apt-get install tesseract-ocr)").isNotNull();
        FxToolkit.registerPrimaryStage();
        List<DesktopActions.Attempt> opened = new CopyOnWriteArrayList<>();
        services = WindowDriver.openServices(tmp, opened);
        window = WindowDriver.show(services);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        WindowDriver.close(services);
    }

    @Test
    @Order(1)
    void anImageResultShowsItsPictureInTheListAndThePreview() throws Exception {
        Path scans = Files.createDirectories(tmp.resolve("scans"));
        ScannedDocuments.write(scans.resolve("harbour.png"), "png", "Letter",
                "The lighthouse keeper rowed out to the harbour buoys every winter morning.", SCAN, 1);
        ScannedDocuments.write(scans.resolve("orchard.pdf"), "pdf", "Report",
                "Our apple orchard gave a record harvest of russet apples this autumn.", SCAN, 2);
        Files.writeString(scans.resolve("bread.txt"), "Sourdough bread needs a lively starter and a slow rise.");

        WindowDriver.drop(robot, scans.toFile());
        WindowDriver.waitForFolder(window, scans, FolderState.UP_TO_DATE, 180);

        search("lighthouse keeper rowing to the harbour");
        SearchResult first = window.search().results().get(0);
        assertThat(Path.of(first.path()).getFileName()).hasToString("harbour.png");
        ListView<?> list = robot.lookup("#resultList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownPictures(list) > 0);
        assertThat(shownPictures(list)).as("only the image row has a picture").isEqualTo(1);

        robot.interact(() -> list.getSelectionModel().select(0));
        ImageView preview = robot.lookup("#previewPicture").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.isVisible() && preview.getImage() != null);
        assertThat(preview.getImage().getWidth()).isGreaterThan(dev.semdex.ui.search.Thumbnails.LIST_SIZE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup(".ocr-mark").queryAll().isEmpty());
        javafx.geometry.Bounds picture = preview.localToScene(preview.getBoundsInLocal());
        java.util.Set<javafx.scene.Node> marks = robot.lookup(".ocr-mark").queryAll();
        assertThat(marks).as("the passage's words, each marked on the picture").hasSizeBetween(3, 16);
        for (javafx.scene.Node mark : marks) {
            javafx.geometry.Bounds box = mark.localToScene(mark.getBoundsInLocal());
            assertThat(box.getMinX()).isGreaterThanOrEqualTo(picture.getMinX() - 2);
            assertThat(box.getMaxX()).isLessThanOrEqualTo(picture.getMaxX() + 2);
            assertThat(box.getMinY()).isGreaterThanOrEqualTo(picture.getMinY() - 2);
            assertThat(box.getMaxY()).isLessThanOrEqualTo(picture.getMaxY() + 2);
        }
        WindowDriver.screenshot(robot, window, Path.of("target", "image-results.png").toAbsolutePath());

        search("russet apple harvest in the orchard");
        assertThat(Path.of(window.search().results().get(0).path()).getFileName()).hasToString("orchard.pdf");
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null
                && window.search().previewProperty().get().path().endsWith("orchard.pdf"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.isVisible() && preview.getImage() != null);
        assertThat(window.search().previewProperty().get().page()).isEqualTo(1);

        search("sourdough starter");
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null
                && window.search().previewProperty().get().path().endsWith("bread.txt"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.isVisible()).as("a text file has no picture").isFalse();
    }

    @Test
    @Order(2)
    void theOcrTabListsTheInstalledLanguages() throws Exception {
        robot.clickOn("#settingsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsTabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#settingsTabs").queryAs(TabPane.class);
        Tab ocr = tabs.getTabs().stream().filter(t -> t.getText().equals("OCR")).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(ocr));
        ListView<?> languages = robot.lookup("#ocrLanguagesList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !languages.getItems().isEmpty());
        assertThat(languages.getItems()).extracting(Object::toString).contains("eng");
        assertThat(robot.lookup("#ocrEnabledBox").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("on by default where Tesseract is").isTrue();

        robot.interact(() -> robot.lookup("#ocrPageSecondsSpinner").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(20));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.settings().ocrPageSeconds() == 20);
        assertThat(services.semdex().ocrReader().pageTimeout()).as("applied to the next run").hasSeconds(20);
    }

    private void search(String query) throws Exception {
        robot.interact(() -> window.search().queryProperty().set(query));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.search().results().isEmpty()
                && query.equals(window.search().shownQueryProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Result rows on screen whose picture is shown. */
    private long shownPictures(ListView<?> list) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> list.lookupAll(".thumbnail").stream()
                .filter(n -> n.isVisible() && ((ImageView) n).getImage() != null).count()).get(5, TimeUnit.SECONDS);
    }
}

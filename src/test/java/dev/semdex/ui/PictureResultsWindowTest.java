package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.embed.hub.ClipFixture;
import dev.semdex.extract.Tesseract;
import dev.semdex.index.IndexListener;
import dev.semdex.models.InstalledModel;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.folders.FolderState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Photos found by what they show, in the real window: a folder of coloured photos is indexed by the window's text
 * model, a two-tower model (the tiny fixture) is added and embeds the pictures, and a search for a colour puts that
 * photo first with its picture in the list and in the preview, though it holds no text at all.
 */
class PictureResultsWindowTest {

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
    void aPhotoWithoutTextIsFoundByItsColourAndShowsItsPicture() throws Exception {
        Path photos = ClipFixture.photos(tmp.resolve("photos"));
        WindowDriver.drop(robot, photos.toFile());
        // the text model reads the receipt; the photos hold no text, so it skips them for now
        WindowDriver.waitForFolder(window, photos, FolderState.WITH_ERRORS, 180);

        InstalledModel clip = services.semdex().models().addFolder(ClipFixture.modelFolder(tmp.resolve("tiny-clip")));
        services.semdex().folders().index(photos, clip.id(), IndexListener.NONE, wait -> { });
        services.semdex().search().invalidateAll();

        robot.interact(() -> window.search().queryProperty().set("yellow"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.search().results().isEmpty()
                && "yellow".equals(window.search().shownQueryProperty().get()));
        SearchResult first = window.search().results().get(0);
        assertThat(Path.of(first.path()).getFileName()).hasToString("yellow.png");
        ListView<?> list = robot.lookup("#resultList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownPictures(list) > 0);

        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null
                && window.search().previewProperty().get().path().endsWith("yellow.png"));
        ImageView preview = robot.lookup("#previewPicture").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> preview.isVisible() && preview.getImage() != null);
        assertThat(preview.getImage().getWidth()).isGreaterThan(dev.semdex.ui.search.Thumbnails.LIST_SIZE);
    }

    /** Result rows on screen whose picture is shown. */
    private long shownPictures(ListView<?> list) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> list.lookupAll(".thumbnail").stream()
                .filter(n -> n.isVisible() && ((ImageView) n).getImage() != null).count()).get(5, TimeUnit.SECONDS);
    }
}

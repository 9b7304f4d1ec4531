package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import dev.semdex.lab.ui.CompareFeature;
import dev.semdex.settings.AppDirs;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.folders.FolderItem;
import dev.semdex.ui.folders.FolderState;
import java.awt.Desktop;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests do to the real window: drop folders, wait for a folder's state, take a screenshot. */
final class WindowDriver {

    private WindowDriver() {}

    /**
     * The real core on an index in {@code dir}, with the model cache in target/ (unpacked once per build) and a
     * desktop that records what Open and Show in folder would launch instead of launching it.
     */
    static AppServices openServices(Path dir, List<DesktopActions.Attempt> opened) {
        Path data = dir.resolve("data");
        AppServices services = AppServices.open(new AppDirs(data, data,
                Path.of("target", "ui-test-cache").toAbsolutePath()));
        services.desktop(new DesktopActions(new DesktopActions.Host("Linux", EnumSet.of(Desktop.Action.OPEN),
                p -> p.equals("gdbus")), opened::add));
        return services;
    }

    /** The main window over {@code services} on TestFX's stage, with the compare feature, once it has been laid out. */
    static MainWindow show(AppServices services) throws Exception {
        AtomicReference<MainWindow> window = new AtomicReference<>();
        FxToolkit.setupStage(stage -> window.set(MainWindow.show(services, stage, CompareFeature::new)));
        WaitForAsyncUtils.waitForFxEvents();
        return window.get();
    }

    /** Closes the window and the core under it; nothing to do when a test class was skipped before opening it. */
    static void close(AppServices services) throws Exception {
        if (services != null) {
            FxToolkit.cleanupStages();
            services.close();
        }
    }

    /** A real Dragboard with files, fired as DRAG_OVER and DRAG_DROPPED at the window (feasibility.md §2 A). */
    static void drop(FxRobot robot, File folder) {
        drop(robot, folder, "#root");
    }

    /** As {@link #drop(FxRobot, File)}, onto the node {@code selector} finds. */
    static void drop(FxRobot robot, File folder, String selector) {
        Node target = robot.lookup(selector).query();
        AtomicReference<Boolean> accepted = new AtomicReference<>();
        robot.interact(() -> {
            TKClipboard local = Toolkit.getToolkit().createLocalClipboard();
            TKClipboard peer = (TKClipboard) Proxy.newProxyInstance(TKClipboard.class.getClassLoader(),
                    new Class<?>[] {TKClipboard.class}, (p, m, a) -> m.getName().equals("getTransferModes")
                            ? EnumSet.of(TransferMode.COPY, TransferMode.MOVE) : m.invoke(local, a));
            Dragboard db = DragboardHelper.createDragboard(peer);
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(folder));
            db.setContent(content);
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, db, 300, 300, 300, 300, TransferMode.COPY, null,
                    target, null);
            Event.fireEvent(target, over);
            accepted.set(over.isAccepted());
            Event.fireEvent(target, new DragEvent(DragEvent.DRAG_DROPPED, db, 300, 300, 300, 300, TransferMode.COPY,
                    null, target, null));
        });
        assertThat(accepted.get()).as("the window accepts dropped files").isTrue();
    }

    static FolderItem waitForFolder(MainWindow window, Path path, FolderState state) throws Exception {
        return waitForFolder(window, path, state, 90);
    }

    static FolderItem waitForFolder(MainWindow window, Path path, FolderState state, int seconds) throws Exception {
        AtomicReference<FolderItem> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            window.folders().find(path).ifPresent(found::set);
            return found.get() != null && found.get().state() == state;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return found.get();
    }

    /** Selects the first result, focuses the list and writes the window as PNG to each path given (nulls skipped). */
    static void screenshot(FxRobot robot, MainWindow window, Path... files) throws Exception {
        robot.moveTo("#statusLabel");
        robot.interact(() -> {
            ListView<?> list = robot.lookup("#resultList").queryAs(ListView.class);
            list.getSelectionModel().select(0);
            list.requestFocus();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.search().previewProperty().get() != null
                && window.search().bestSentences().containsKey(window.search().results().get(0).chunkId()));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(window.stage().getScene().snapshot(null)));
        WritableImage img = image.get();
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = img.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        for (Path file : files) {
            if (file != null) {
                ImageIO.write(out, "png", file.toFile());
            }
        }
    }

    static void screenshot(FxRobot robot, MainWindow window, Path file, String extra) throws Exception {
        screenshot(robot, window, file, extra == null || extra.isBlank() ? null : Path.of(extra));
    }
}

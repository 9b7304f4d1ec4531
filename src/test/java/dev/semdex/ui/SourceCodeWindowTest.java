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
import java.util.stream.Stream;
import javafx.scene.control.CheckBox;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A git checkout dropped into the real window (Python's {@code json} package as Debian installs it, with a README):
 * its README is found and its code is not, and nothing is listed as skipped; ticking "Index source code" in the
 * settings indexes the code at once.
 */
class SourceCodeWindowTest {

    private static final String QUERY = "scanstring decode a JSON string with escape sequences";

    @TempDir static Path tmp;
    private static AppServices services;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
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
    void aCheckoutGivesItsReadmeAndItsCodeOnlyOnceTheUserOptsIn() throws Exception {
        Path json = jsonPackage();
        assumeThat(json).as("Debian's python3 standard library under /usr/lib/python3.*").isNotNull();
        Path checkout = Files.createDirectories(tmp.resolve("json-checkout"));
        Git.init().setDirectory(checkout.toFile()).call().close();
        Files.createDirectories(checkout.resolve("json"));
        for (String module : List.of("__init__.py", "decoder.py", "scanner.py")) {
            Files.copy(json.resolve(module), checkout.resolve("json").resolve(module));
        }
        Files.writeString(checkout.resolve("README.md"), "# json\n\nEncoding and decoding JSON, as the Python "
                + "standard library does it.\n");

        WindowDriver.drop(robot, checkout.toFile());
        FolderItem folder = WindowDriver.waitForFolder(window, checkout, FolderState.UP_TO_DATE);

        assertThat(folder.skippedProperty().get()).as("the code is no skipped problem").isZero();
        assertThat(files(QUERY)).contains("README.md").doesNotContain("decoder.py", "scanner.py");

        robot.clickOn("#settingsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sourceCodeBox").tryQuery().isPresent());
        CheckBox sourceCode = robot.lookup("#sourceCodeBox").queryAs(CheckBox.class);
        assertThat(sourceCode.isSelected()).as("off by default").isFalse();
        robot.interact(() -> sourceCode.setSelected(true));
        robot.clickOn("OK");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.settings().indexSourceCode());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> files(QUERY).contains("decoder.py"));
        WindowDriver.waitForFolder(window, checkout, FolderState.UP_TO_DATE);
    }

    private List<String> files(String query) throws Exception {
        robot.interact(() -> window.search().queryProperty().set(""));
        robot.interact(() -> window.search().queryProperty().set(query));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> query.equals(window.search().shownQueryProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        return window.search().results().stream().map(SearchResult::path)
                .map(p -> Path.of(p).getFileName().toString()).toList();
    }

    private static Path jsonPackage() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib"))) {
            return dirs.filter(d -> d.getFileName().toString().matches("python3\\.\\d+"))
                    .map(d -> d.resolve("json")).filter(d -> Files.isRegularFile(d.resolve("decoder.py")))
                    .findFirst().orElse(null);
        }
    }
}

package dev.semdex.ui;

import dev.semdex.lab.ui.CompareFeature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ollama.FakeOllama;
import dev.semdex.models.ModelListing;
import dev.semdex.settings.AppDirs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The model manager and the Ollama settings in the real window, under Xvfb. */
class ModelsWindowTest {

    @TempDir static Path tmp;
    private static AppServices services;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path data = tmp.resolve("data");
        services = AppServices.open(new AppDirs(data, data, Path.of("target", "ui-test-cache").toAbsolutePath()));
        FxToolkit.setupStage(stage -> MainWindow.show(services, stage, CompareFeature::new));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
        services.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void modelManagerListsModelsAndSetsTheDefault() throws Exception {
        robot.clickOn("#modelsButton");
        TableView<ModelListing.Entry> table = robot.lookup("#modelTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() >= 8);
        select(table, "jina-embeddings-v2-small-en");
        assertThat(robot.lookup("#downloadModelButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#removeModelButton").queryAs(Button.class).isDisabled()).isTrue();
        select(table, ModelCatalog.DEFAULT_MODEL);
        assertThat(robot.lookup("#downloadModelButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#defaultModelButton").queryAs(Button.class).isDisabled())
                .as("already the default").isTrue();
        select(table, "bge-small-en-v1.5");
        robot.interact(() -> robot.lookup("#defaultModelButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.settings().defaultModel()).isEqualTo("bge-small-en-v1.5");
        assertThat(robot.lookup("#modelStatus").queryAs(Label.class).getText()).contains("bge-small-en-v1.5");
        robot.clickOn("Close");
    }

    @Test
    void ollamaTabChecksTheConnection() throws Exception {
        try (FakeOllama server = new FakeOllama()) {
            robot.clickOn("#settingsButton");
            // The dialog opens once the offline models are found, off the UI thread.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("#settingsTabs").tryQuery().isPresent());
            robot.interact(() -> robot.lookup("#settingsTabs").queryAs(TabPane.class).getSelectionModel().select(2));
            robot.interact(() -> {
                robot.lookup("#ollamaUrlField").queryAs(TextField.class).setText(server.url());
                robot.lookup("#ollamaModelField").queryAs(TextField.class).setText("all-minilm");
            });
            robot.interact(() -> robot.lookup("#ollamaCheckButton").queryAs(Button.class).fire());
            Label result = robot.lookup("#ollamaCheckResult").queryAs(Label.class);
            try {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.getText().contains("Dimension"));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("check result: " + result.getText(), e);
            }
            assertThat(result.getText()).contains("Dimension: 384").contains("Next step: Ready");
            robot.clickOn("OK");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(services.settings().ollamaUrl()).isEqualTo(server.url());
            assertThat(services.settings().ollamaModel()).isEqualTo("all-minilm");
        }
    }

    private void select(TableView<ModelListing.Entry> table, String id) {
        robot.interact(() -> table.getItems().stream().filter(e -> e.id().equals(id)).findFirst()
                .ifPresent(e -> table.getSelectionModel().select(e)));
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package dev.semdex.ui.settings;

import dev.semdex.settings.Settings;
import dev.semdex.ui.common.FxmlLoaderFactory;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Settings in four tabs: General (data location, threads, default model, theme, whether source code is indexed),
 * Models (hub address, chunk size of long-input models), Ollama (servers, model, headers, with Check connection and
 * Pull) and OCR (on or off, languages, time per page, where Tesseract is).
 */
public final class SettingsDialog {

    private SettingsDialog() {}

    /**
     * Shows the dialog and waits; the changed settings if the user pressed OK.
     *
     * @param models the models offered as the default, from {@link SettingsPort#offlineModels()}
     */
    public static Optional<Settings> show(Window owner, Settings current, List<String> models, Path dataDir,
            SettingsPort port, TaskRunner runner) {
        OllamaSettingsViewModel ollama = new OllamaSettingsViewModel(port, runner, current);
        OcrSettingsViewModel ocr = new OcrSettingsViewModel(port, runner, current);
        FxmlLoaderFactory.View<DialogPane, SettingsController> view = new FxmlLoaderFactory()
                .with(SettingsController.class, () -> new SettingsController(current, models, dataDir, ollama, ocr))
                .load("settings.fxml", DialogPane.class, SettingsController.class);
        Dialog<Settings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setDialogPane(view.root());
        dialog.setTitle("Semdex settings");
        dialog.setHeaderText(null);
        dialog.setOnHidden(e -> {
            ollama.cancelPull();
            ocr.cancel();
        });
        dialog.setResultConverter(button -> button != ButtonType.OK ? null : view.controller().settings());
        return dialog.showAndWait();
    }
}

package dev.semdex.ui.settings;

import dev.semdex.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Settings: data location (shown), embedding threads, default model, theme, Ollama server. */
public final class SettingsDialog {

    private SettingsDialog() {}

    public static Optional<Settings> show(Window owner, Settings current, List<String> models, Path dataDir) {
        Dialog<Settings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Semdex settings");
        dialog.setHeaderText(null);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        Label data = new Label(dataDir.toString());
        data.getStyleClass().add("muted");
        Spinner<Integer> threads = new Spinner<>(1, Math.max(Runtime.getRuntime().availableProcessors() * 2, 2),
                current.embeddingThreads());
        threads.setEditable(true);
        threads.setId("threadsSpinner");
        ComboBox<String> model = new ComboBox<>();
        model.getItems().setAll(models);
        model.setValue(current.defaultModel());
        model.setId("defaultModelBox");
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.getItems().setAll("Light", "Dark");
        theme.setValue(current.dark() ? "Dark" : "Light");
        theme.setId("themeBox");
        TextField ollamaUrl = new TextField(current.ollamaUrl());
        TextField ollamaModel = new TextField(current.ollamaModel());
        ollamaModel.setPromptText("e.g. nomic-embed-text");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(16));
        int row = 0;
        grid.addRow(row++, new Label("Data location"), data);
        grid.addRow(row++, new Label("Embedding threads"), threads, hint("applies from the next indexing run"));
        grid.addRow(row++, new Label("Model for new indexing"), model);
        grid.addRow(row++, new Label("Theme"), theme);
        grid.addRow(row++, new Label("Ollama server"), ollamaUrl);
        grid.addRow(row, new Label("Ollama model"), ollamaModel, hint("remote embeddings (coming)"));
        dialog.getDialogPane().setContent(grid);

        dialog.setResultConverter(button -> button != ButtonType.OK ? null
                : new Settings(threads.getValue(), model.getValue(), "Dark".equals(theme.getValue())
                        ? Settings.DARK : Settings.LIGHT, ollamaUrl.getText().trim(), ollamaModel.getText().trim(),
                        current.window()));
        return dialog.showAndWait();
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("muted", "small");
        return l;
    }
}

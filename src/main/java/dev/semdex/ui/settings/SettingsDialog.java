package dev.semdex.ui.settings;

import dev.semdex.SemdexException;
import dev.semdex.settings.Settings;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Settings in three tabs: General (data location, threads, default model, theme), Models (hub address, chunk size
 * of long-input models) and Ollama (server, model, headers, with Check connection and Pull).
 */
public final class SettingsDialog {

    private SettingsDialog() {}

    public static Optional<Settings> show(Window owner, Settings current, List<String> models, Path dataDir,
            TaskRunner runner) {
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
        if (!current.ollamaModel().isBlank()) {
            model.getItems().add("ollama:" + current.ollamaModel());
        }
        if (!model.getItems().contains(current.defaultModel())) {
            model.getItems().add(current.defaultModel());
        }
        model.setValue(current.defaultModel());
        model.setEditable(true);
        model.setId("defaultModelBox");
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.getItems().setAll("Light", "Dark");
        theme.setValue(current.dark() ? "Dark" : "Light");
        theme.setId("themeBox");
        GridPane general = grid();
        int row = 0;
        general.addRow(row++, label("Data location"), data);
        general.addRow(row++, label("Embedding threads"), threads,
                hint("default " + Settings.defaultThreads() + ": all cores but one; applies from the next indexing run"));
        general.addRow(row++, label("Model for new indexing"), model, hint("ollama:<model> embeds on Ollama"));
        general.addRow(row, label("Theme"), theme);

        TextField hub = new TextField(current.hubUrl());
        hub.setPromptText(System.getenv("HF_ENDPOINT") != null ? System.getenv("HF_ENDPOINT")
                : "https://huggingface.co");
        hub.setId("hubUrlField");
        Spinner<Integer> longChunk = new Spinner<>(Settings.MIN_CHUNK_TOKENS, Settings.MAX_LONG_CHUNK_TOKENS,
                current.longChunkTokens(), 128);
        longChunk.setEditable(true);
        longChunk.setId("longChunkSpinner");
        Label longChunkCost = hint(LongChunkCost.describe(current.longChunkTokens()));
        longChunkCost.setWrapText(true);
        longChunkCost.setMaxWidth(420);
        longChunk.valueProperty().addListener((obs, old, v) -> longChunkCost.setText(LongChunkCost.describe(v)));
        GridPane modelsGrid = grid();
        modelsGrid.addRow(0, label("Hugging Face hub"), hub, hint("blank: HF_ENDPOINT, else huggingface.co"));
        modelsGrid.addRow(1, label("Chunk size of long-input models"), longChunk, hint("tokens; Jina v2"));
        modelsGrid.add(longChunkCost, 1, 2, 2, 1);

        OllamaSettingsViewModel ollama = new OllamaSettingsViewModel(runner, current);
        VBox ollamaPane = ollamaPane(ollama);

        TabPane tabs = new TabPane(new Tab("General", general), new Tab("Models", modelsGrid),
                new Tab("Ollama", ollamaPane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("settingsTabs");
        tabs.setPrefWidth(820);
        dialog.getDialogPane().setContent(tabs);
        dialog.getDialogPane().setStyle("-fx-max-width: 1400px;"); // the theme caps dialogs at 600 px

        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                ollama.applyTo(current);
            } catch (SemdexException ex) {
                tabs.getSelectionModel().select(2);
                ollama.checkResultProperty().set(ex.getMessage());
                e.consume();
            }
        });
        dialog.setOnHidden(e -> ollama.cancelPull());

        dialog.setResultConverter(button -> button != ButtonType.OK ? null
                : ollama.applyTo(current.withModels(threads.getValue(), model.getValue(), hub.getText().strip(),
                        longChunk.getValue()).withTheme("Dark".equals(theme.getValue()) ? Settings.DARK
                        : Settings.LIGHT)));
        return dialog.showAndWait();
    }

    private static VBox ollamaPane(OllamaSettingsViewModel vm) {
        TextField url = new TextField();
        url.textProperty().bindBidirectional(vm.urlProperty());
        url.setId("ollamaUrlField");
        TextField model = new TextField();
        model.textProperty().bindBidirectional(vm.modelProperty());
        model.setPromptText("e.g. nomic-embed-text");
        model.setId("ollamaModelField");
        TextArea headers = new TextArea();
        headers.textProperty().bindBidirectional(vm.headersProperty());
        headers.setPromptText("Authorization: Bearer <token>   (one header per line; never logged)");
        headers.setPrefRowCount(2);
        headers.setId("ollamaHeadersArea");
        Spinner<Integer> timeout = intSpinner(1, 3600, vm.timeoutSecondsProperty().get(), "ollamaTimeoutSpinner");
        timeout.valueProperty().addListener((o, a, v) -> vm.timeoutSecondsProperty().set(v));
        Spinner<Integer> batch = intSpinner(1, 1024, vm.batchSizeProperty().get(), "ollamaBatchSpinner");
        batch.valueProperty().addListener((o, a, v) -> vm.batchSizeProperty().set(v));
        Spinner<Integer> parallel = intSpinner(1, 16, vm.parallelProperty().get(), "ollamaParallelSpinner");
        parallel.valueProperty().addListener((o, a, v) -> vm.parallelProperty().set(v));
        GridPane fields = grid();
        fields.addRow(0, label("Server"), url, hint("http(s)://host:11434"));
        fields.addRow(1, label("Model"), model);
        fields.addRow(2, label("Extra headers"), headers, hint("stored in plain text in settings.json, which "
                + "only your user can read"));
        fields.addRow(3, label("Timeout (s)"), timeout);
        fields.addRow(4, label("Texts per request"), batch);
        fields.addRow(5, label("Requests at once"), parallel, hint("Ollama embeds one request at a time per "
                + "model; 2 keeps it busy"));

        Button check = new Button("Check connection");
        check.setId("ollamaCheckButton");
        check.setOnAction(e -> vm.check());
        check.disableProperty().bind(vm.checkingProperty());
        Button pull = new Button("Pull model onto the server");
        pull.setId("ollamaPullButton");
        pull.setOnAction(e -> vm.pull());
        pull.visibleProperty().bind(vm.pullOfferedProperty().or(vm.pullingProperty()));
        pull.managedProperty().bind(pull.visibleProperty());
        pull.disableProperty().bind(vm.pullingProperty());
        Button stop = new Button("Stop pull");
        stop.setOnAction(e -> vm.cancelPull());
        stop.visibleProperty().bind(vm.pullingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        Label result = new Label();
        result.setId("ollamaCheckResult");
        result.setWrapText(true);
        result.setMaxWidth(640);
        result.textProperty().bind(vm.checkResultProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.pullProgressProperty());
        progress.visibleProperty().bind(vm.pullingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(300);
        Label pullStatus = new Label();
        pullStatus.setId("ollamaPullStatus");
        pullStatus.textProperty().bind(vm.pullStatusProperty());
        pullStatus.setWrapText(true);
        VBox box = new VBox(10, fields, new HBox(8, check, pull, stop), result, new HBox(8, progress, pullStatus));
        box.setPadding(new Insets(0, 16, 16, 16));
        return box;
    }

    private static Spinner<Integer> intSpinner(int min, int max, int value, String id) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value);
        spinner.setEditable(true);
        spinner.setId(id);
        spinner.setPrefWidth(100);
        return spinner;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(16));
        return grid;
    }

    /** A field's name; never cut to "…" when the dialog is narrow. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("muted", "small");
        l.setWrapText(true);
        l.setMaxWidth(260);
        return l;
    }
}

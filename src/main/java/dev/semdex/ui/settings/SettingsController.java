package dev.semdex.ui.settings;

import dev.semdex.SemdexException;
import dev.semdex.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * The settings dialog's pane (settings.fxml): the current settings in its fields, and the settings it makes of
 * them. The Ollama tab's logic is in {@link OllamaSettingsViewModel}.
 */
public final class SettingsController {

    private final Settings current;
    private final List<String> models;
    private final Path dataDir;
    private final OllamaSettingsViewModel ollama;
    private final OcrSettingsViewModel ocr;

    @FXML private DialogPane settingsPane;
    @FXML private TabPane settingsTabs;
    @FXML private Label dataLocation;
    @FXML private Spinner<Integer> threadsSpinner;
    @FXML private Label threadsHint;
    @FXML private ComboBox<String> defaultModelBox;
    @FXML private ChoiceBox<String> themeBox;
    @FXML private javafx.scene.control.CheckBox sourceCodeBox;
    @FXML private TextField hubUrlField;
    @FXML private Spinner<Integer> longChunkSpinner;
    @FXML private Label longChunkCost;
    @FXML private TextField ollamaUrlField;
    @FXML private TextField ollamaModelField;
    @FXML private TextArea ollamaHeadersArea;
    @FXML private Spinner<Integer> ollamaTimeoutSpinner;
    @FXML private Spinner<Integer> ollamaBatchSpinner;
    @FXML private Spinner<Integer> ollamaParallelSpinner;
    @FXML private Button ollamaCheckButton;
    @FXML private Button ollamaPullButton;
    @FXML private Button stopPullButton;
    @FXML private Label ollamaCheckResult;
    @FXML private ProgressBar pullProgress;
    @FXML private Label ollamaPullStatus;
    @FXML private javafx.scene.control.ListView<OllamaSettingsViewModel.ServerEntry> ollamaServersList;
    @FXML private TextField newServerField;
    @FXML private Button removeServerButton;
    @FXML private Label ollamaServersMessage;
    @FXML private javafx.scene.control.CheckBox ocrEnabledBox;
    @FXML private javafx.scene.control.ListView<OcrSettingsViewModel.Language> ocrLanguagesList;
    @FXML private Spinner<Integer> ocrPageSecondsSpinner;
    @FXML private TextField tesseractFolderField;
    @FXML private Button findTesseractButton;
    @FXML private Label ocrStatus;

    /** @param models the models offered for new indexing */
    public SettingsController(Settings current, List<String> models, Path dataDir, OllamaSettingsViewModel ollama,
            OcrSettingsViewModel ocr) {
        this.ocr = ocr;
        this.current = current;
        this.models = models;
        this.dataDir = dataDir;
        this.ollama = ollama;
    }

    @FXML
    private void initialize() {
        dataLocation.setText(dataDir.toString());
        threadsSpinner.setValueFactory(new IntegerSpinnerValueFactory(1,
                Math.max(Runtime.getRuntime().availableProcessors() * 2, 2), current.embeddingThreads()));
        threadsHint.setText("default " + Settings.defaultThreads()
                + ": all cores but one; applies from the next indexing run");
        defaultModelBox.getItems().setAll(models);
        if (!current.ollamaModel().isBlank()) {
            defaultModelBox.getItems().add("ollama:" + current.ollamaModel());
        }
        if (!defaultModelBox.getItems().contains(current.defaultModel())) {
            defaultModelBox.getItems().add(current.defaultModel());
        }
        defaultModelBox.setValue(current.defaultModel());
        themeBox.getItems().setAll("Light", "Dark");
        themeBox.setValue(current.dark() ? "Dark" : "Light");
        sourceCodeBox.setSelected(current.indexSourceCode());

        hubUrlField.setText(current.hubUrl());
        hubUrlField.setPromptText(System.getenv("HF_ENDPOINT") != null ? System.getenv("HF_ENDPOINT")
                : "https://huggingface.co");
        longChunkSpinner.setValueFactory(new IntegerSpinnerValueFactory(Settings.MIN_CHUNK_TOKENS,
                Settings.MAX_LONG_CHUNK_TOKENS, current.longChunkTokens(), 128));
        longChunkCost.setText(LongChunkCost.describe(current.longChunkTokens()));
        longChunkSpinner.valueProperty().addListener((obs, old, v) -> longChunkCost.setText(LongChunkCost.describe(v)));

        bindOllama();
        bindOcr();
        // An Ollama setting the view model refuses keeps the dialog open on the Ollama tab, saying why.
        settingsPane.lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                ollama.applyTo(current);
            } catch (SemdexException ex) {
                settingsTabs.getSelectionModel().select(2);
                ollama.checkResultProperty().set(ex.getMessage());
                e.consume();
            }
        });
    }

    private void bindOllama() {
        ollamaUrlField.textProperty().bindBidirectional(ollama.urlProperty());
        ollamaModelField.textProperty().bindBidirectional(ollama.modelProperty());
        ollamaHeadersArea.textProperty().bindBidirectional(ollama.headersProperty());
        bind(ollamaTimeoutSpinner, 1, 3600, ollama.timeoutSecondsProperty());
        bind(ollamaBatchSpinner, 1, 1024, ollama.batchSizeProperty());
        bind(ollamaParallelSpinner, 1, 16, ollama.parallelProperty());
        ollamaCheckButton.disableProperty().bind(ollama.checkingProperty());
        ollamaPullButton.visibleProperty().bind(ollama.pullOfferedProperty().or(ollama.pullingProperty()));
        ollamaPullButton.managedProperty().bind(ollamaPullButton.visibleProperty());
        ollamaPullButton.disableProperty().bind(ollama.pullingProperty());
        stopPullButton.visibleProperty().bind(ollama.pullingProperty());
        stopPullButton.managedProperty().bind(stopPullButton.visibleProperty());
        ollamaCheckResult.textProperty().bind(ollama.checkResultProperty());
        // A check's report is several lines: the dialog grows to show all of it rather than cut it to "…".
        ollamaCheckResult.textProperty().addListener((obs, old, text) -> javafx.application.Platform.runLater(() -> {
            if (ollamaCheckResult.getScene() != null && ollamaCheckResult.getScene().getWindow() != null) {
                ollamaCheckResult.getScene().getWindow().sizeToScene();
            }
        }));
        pullProgress.progressProperty().bind(ollama.pullProgressProperty());
        pullProgress.visibleProperty().bind(ollama.pullingProperty());
        pullProgress.managedProperty().bind(pullProgress.visibleProperty());
        ollamaPullStatus.textProperty().bind(ollama.pullStatusProperty());
        ollamaServersList.setItems(ollama.otherServers());
        removeServerButton.disableProperty().bind(ollamaServersList.getSelectionModel().selectedItemProperty()
                .isNull());
        ollamaServersMessage.textProperty().bind(ollama.serversMessageProperty());
    }

    private void bindOcr() {
        ocrEnabledBox.selectedProperty().bindBidirectional(ocr.enabledProperty());
        ocrLanguagesList.setItems(ocr.languages());
        ocrLanguagesList.setCellFactory(javafx.scene.control.cell.CheckBoxListCell.forListView(
                OcrSettingsViewModel.Language::selectedProperty));
        ocrLanguagesList.disableProperty().bind(ocr.enabledProperty().not());
        bind(ocrPageSecondsSpinner, 1, Settings.MAX_OCR_PAGE_SECONDS, ocr.pageSecondsProperty());
        tesseractFolderField.textProperty().bindBidirectional(ocr.tesseractFolderProperty());
        findTesseractButton.disableProperty().bind(ocr.lookingProperty());
        ocrStatus.textProperty().bind(ocr.statusProperty());
        ocr.findTesseract();
    }

    @FXML
    private void findTesseract() {
        ocr.findTesseract();
    }

    @FXML
    private void addOllamaServer() {
        ollama.newServerProperty().set(newServerField.getText());
        ollama.addServer();
        newServerField.setText(ollama.newServerProperty().get());
    }

    @FXML
    private void removeOllamaServer() {
        ollama.removeServer(ollamaServersList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void checkOllamaServers() {
        ollama.checkServers();
    }

    private static void bind(Spinner<Integer> spinner, int min, int max, IntegerProperty value) {
        spinner.setValueFactory(new IntegerSpinnerValueFactory(min, max, value.get()));
        spinner.valueProperty().addListener((o, a, v) -> value.set(v));
    }

    @FXML
    private void checkOllama() {
        ollama.check();
    }

    @FXML
    private void pullOllamaModel() {
        ollama.pull();
    }

    @FXML
    private void stopPull() {
        ollama.cancelPull();
    }

    /** The settings as the dialog's fields have them; throws if the Ollama ones are refused. */
    Settings settings() {
        return ocr.applyTo(ollama.applyTo(current.withModels(threadsSpinner.getValue(), defaultModelBox.getValue(),
                hubUrlField.getText().strip(), longChunkSpinner.getValue())
                .withTheme("Dark".equals(themeBox.getValue()) ? Settings.DARK : Settings.LIGHT)
                .withSourceCode(sourceCodeBox.isSelected())));
    }
}

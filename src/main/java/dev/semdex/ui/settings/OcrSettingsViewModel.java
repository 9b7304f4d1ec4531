package dev.semdex.ui.settings;

import dev.semdex.settings.Settings;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The OCR part of the settings: on or off, the languages to read (those Tesseract has installed, found by running
 * it, so the user cannot pick one that would fail every page), the time budget of a page, and where Tesseract is
 * when it is not on the PATH. Says plainly when Tesseract is missing and what to install.
 */
public final class OcrSettingsViewModel {

    /** The fix shown when Tesseract is not found, the same words as a skipped image's reason. */
    public static final String INSTALL_HINT = "install tesseract-ocr to search the text in images";

    private final SettingsPort port;
    private final TaskRunner runner;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final IntegerProperty pageSeconds = new SimpleIntegerProperty();
    private final StringProperty tesseractFolder = new SimpleStringProperty("");
    private final ObservableList<Language> languages = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty installed = new SimpleBooleanProperty();
    private final BooleanProperty looking = new SimpleBooleanProperty();
    private final Set<String> chosen;
    private Cancellable lookup = Cancellable.NONE;

    /** One language Tesseract can read, ticked when the settings read with it. */
    public static final class Language {
        private final String code;
        private final boolean installed;
        private final BooleanProperty selected;

        Language(String code, boolean installed, boolean selected) {
            this.code = code;
            this.installed = installed;
            this.selected = new SimpleBooleanProperty(selected);
        }

        public String code() {
            return code;
        }

        public boolean installed() {
            return installed;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** "eng", or "deu (not installed)" for a language in the settings whose data is gone. */
        @Override
        public String toString() {
            return installed ? code : code + " (not installed)";
        }
    }

    public OcrSettingsViewModel(SettingsPort port, TaskRunner runner, Settings settings) {
        this.port = port;
        this.runner = runner;
        enabled.set(settings.ocrEnabled());
        pageSeconds.set(settings.ocrPageSeconds());
        tesseractFolder.set(settings.tesseractFolder());
        chosen = new LinkedHashSet<>(Arrays.asList(settings.ocrLanguages().split("\\+")));
    }

    /** Runs Tesseract (from the folder field) to find its languages; the list and status follow. */
    public void findTesseract() {
        lookup.cancel();
        remember();
        String folder = tesseractFolder.get();
        looking.set(true);
        status.set("Looking for Tesseract…");
        lookup = runner.submit(() -> port.ocrSetup(folder), this::show, error -> {
            looking.set(false);
            installed.set(false);
            status.set(Errors.message(error));
        });
    }

    private void show(OcrSetup setup) {
        looking.set(false);
        installed.set(setup.installed());
        languages.clear();
        for (String code : setup.languages()) {
            languages.add(new Language(code, true, chosen.contains(code)));
        }
        for (String code : chosen) {
            if (!setup.languages().contains(code) && setup.installed()) {
                languages.add(new Language(code, false, true));
            }
        }
        if (!setup.installed()) {
            status.set("Tesseract was not found" + (tesseractFolder.get().isBlank() ? "" : " in that folder")
                    + ": images and scanned pages are listed as skipped. To read them, " + INSTALL_HINT
                    + " (Windows: UB-Mannheim's installer, then set its folder here; macOS: brew install "
                    + "tesseract).");
        } else if (languages.stream().noneMatch(l -> l.installed() && l.selectedProperty().get())) {
            status.set("Tesseract found with " + setup.languages().size() + " language"
                    + (setup.languages().size() == 1 ? "" : "s") + ". Tick the languages of your documents.");
        } else {
            status.set("Tesseract found with " + setup.languages().size() + " language"
                    + (setup.languages().size() == 1 ? "" : "s") + (enabled.get() ? "; images and scanned pages "
                            + "are read from the next indexing run." : "; OCR is off."));
        }
    }

    /** Keeps the ticks of the list shown, so a new lookup (another folder) does not lose them. */
    private void remember() {
        if (!languages.isEmpty()) {
            chosen.clear();
            languages.stream().filter(l -> l.selectedProperty().get()).map(Language::code).forEach(chosen::add);
        }
    }

    /** The languages ticked, joined as Tesseract's {@code -l} takes them; English when none is. */
    public String languageCodes() {
        remember();
        List<String> codes = List.copyOf(chosen);
        return codes.isEmpty() ? "eng" : codes.stream().collect(Collectors.joining("+"));
    }

    /** Settings with the fields applied. */
    public Settings applyTo(Settings settings) {
        return settings.withOcr(enabled.get(), languageCodes(), pageSeconds.get(), tesseractFolder.get().strip());
    }

    public void cancel() {
        lookup.cancel();
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public IntegerProperty pageSecondsProperty() {
        return pageSeconds;
    }

    public StringProperty tesseractFolderProperty() {
        return tesseractFolder;
    }

    public ObservableList<Language> languages() {
        return languages;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Whether the last lookup found Tesseract. */
    public BooleanProperty installedProperty() {
        return installed;
    }

    public BooleanProperty lookingProperty() {
        return looking;
    }
}

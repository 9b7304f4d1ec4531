package dev.semdex.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.extract.Tesseract;
import dev.semdex.settings.Settings;
import dev.semdex.ui.ManualRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCR tab: languages from the installed Tesseract, a clear word when it is missing, and what gets saved. */
class OcrSettingsViewModelTest {

    @TempDir
    Path dir;

    private final ManualRunner runner = new ManualRunner();
    private final SettingsPort real = new SemdexSettingsPort(List::of);

    @Test
    void theLanguagesOfferedAreThoseTesseractHasAndTheTicksAreSaved() {
        assumeThat(Tesseract.find("")).as("Tesseract installed (apt-get install tesseract-ocr)").isNotNull();
        Settings settings = Settings.defaults();
        assertThat(settings.ocrEnabled()).as("on by default").isTrue();
        OcrSettingsViewModel vm = new OcrSettingsViewModel(real, runner, settings);

        vm.findTesseract();

        assertThat(vm.installedProperty().get()).isTrue();
        assertThat(vm.languages()).extracting(OcrSettingsViewModel.Language::code).contains("eng")
                .doesNotContain("osd");
        assertThat(vm.languages()).filteredOn(l -> l.selectedProperty().get())
                .extracting(OcrSettingsViewModel.Language::code).containsExactly("eng");
        assertThat(vm.statusProperty().get()).startsWith("Tesseract found with");

        vm.pageSecondsProperty().set(15);
        vm.enabledProperty().set(false);
        Settings saved = vm.applyTo(settings);
        assertThat(saved.ocrEnabled()).isFalse();
        assertThat(saved.ocrPageSeconds()).isEqualTo(15);
        assertThat(saved.ocrLanguages()).isEqualTo("eng");
        assertThat(saved.ocr().pageTimeout()).hasSeconds(15);
    }

    @Test
    void aFolderWithoutTesseractSaysWhatToInstall() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-tesseract"));
        OcrSettingsViewModel vm = new OcrSettingsViewModel(real, runner, Settings.defaults());
        vm.tesseractFolderProperty().set(empty.toString());

        vm.findTesseract();

        assertThat(vm.installedProperty().get()).isFalse();
        assertThat(vm.languages()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("not found in that folder")
                .contains(OcrSettingsViewModel.INSTALL_HINT);
        assertThat(vm.applyTo(Settings.defaults()).tesseractFolder()).isEqualTo(empty.toString());
    }

    @Test
    void aLanguageWhoseDataIsGoneIsShownAsSuchAndTicksSurviveAnotherLookup() {
        SettingsPort port = new SettingsPort() {
            @Override
            public List<String> offlineModels() {
                return List.of();
            }

            @Override
            public dev.semdex.models.OllamaSetup.Check checkOllama(dev.semdex.models.OllamaSetup.Server server,
                    String model) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void pullOllamaModel(dev.semdex.models.OllamaSetup.Server server, String model,
                    java.util.function.Consumer<dev.semdex.models.OllamaSetup.PullProgress> progress) {
                throw new UnsupportedOperationException();
            }

            @Override
            public OcrSetup ocrSetup(String folder) {
                return new OcrSetup(true, List.of("deu", "eng", "fra"));
            }
        };
        Settings settings = Settings.defaults().withOcr(true, "eng+ita", 30, "");
        OcrSettingsViewModel vm = new OcrSettingsViewModel(port, runner, settings);

        vm.findTesseract();
        assertThat(vm.languages()).extracting(Object::toString)
                .containsExactly("deu", "eng", "fra", "ita (not installed)");
        vm.languages().get(0).selectedProperty().set(true);
        vm.languages().get(3).selectedProperty().set(false);
        vm.findTesseract();

        assertThat(vm.languages()).filteredOn(l -> l.selectedProperty().get())
                .extracting(OcrSettingsViewModel.Language::code).containsExactly("deu", "eng");
        assertThat(vm.applyTo(settings).ocrLanguages()).isEqualTo("deu+eng");
    }
}

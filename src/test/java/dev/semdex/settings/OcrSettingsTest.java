package dev.semdex.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.extract.OcrOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aSettingsFileFromBeforeOcrTurnsItOnInEnglish() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Files.writeString(store.file(), "{\"theme\":\"dark\",\"embeddingThreads\":2,\"longChunkTokens\":1024}");

        Settings settings = store.load();

        assertThat(settings.ocrEnabled()).isTrue();
        assertThat(settings.ocr()).isEqualTo(OcrOptions.defaults());
        assertThat(settings.ocr().pageTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void ocrChoicesAreSavedAndReadBackNormalized() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings chosen = Settings.defaults().withTheme(Settings.DARK).withOcr(false, " ENG, deu ", 15, " /opt/tess ");

        store.save(chosen);
        Settings back = store.load();

        assertThat(back).isEqualTo(chosen);
        assertThat(back.ocr()).isEqualTo(new OcrOptions(false, "eng+deu", Duration.ofSeconds(15), "/opt/tess"));
        assertThat(back.withModels(1, null, "", 0).ocr()).as("other parts of the dialog keep OCR")
                .isEqualTo(back.ocr());
        assertThat(Settings.defaults().withOcr(true, "", -3, null).ocr()).isEqualTo(OcrOptions.defaults());
    }
}

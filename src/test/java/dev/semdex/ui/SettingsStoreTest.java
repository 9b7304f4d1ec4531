package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.settings.Settings;
import dev.semdex.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lives with the UI tests because the GUI owns the settings file. */
class SettingsStoreTest {

    @TempDir Path dir;

    @Test
    void savedSettingsReadBackAndTheFileIsPrivate() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("conf/settings.json"));
        Settings s = new Settings(3, "bge-small-en-v1.5", Settings.DARK, "http://gpu:11434", "nomic-embed-text",
                new Settings.WindowBounds(10, 20, 900, 700, false), java.util.Map.of("Authorization", "Bearer t"),
                "http://mirror:8080", 2048, 30, 16, 3);
        store.save(s);

        assertThat(store.load()).isEqualTo(s);
        assertThat(Files.list(dir.resolve("conf"))).extracting(p -> p.getFileName().toString())
                .containsExactly("settings.json");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void missingOrBrokenFilesGiveDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        assertThat(store.load()).isEqualTo(Settings.defaults());

        Files.writeString(store.file(), "{ not json");
        assertThat(store.load()).isEqualTo(Settings.defaults());
    }

    @Test
    void unknownAndMissingFieldsFallBackToDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Files.writeString(store.file(), "{\"theme\":\"dark\",\"futureOption\":1,\"embeddingThreads\":-4}");

        Settings s = store.load();
        assertThat(s.dark()).isTrue();
        assertThat(s.embeddingThreads()).isEqualTo(Settings.defaultThreads());
        assertThat(s.defaultModel()).isEqualTo(ModelCatalog.DEFAULT_MODEL);
        assertThat(s.ollamaUrl()).isEqualTo(Settings.DEFAULT_OLLAMA_URL);
        assertThat(s.longChunkTokens()).isEqualTo(512);
        assertThat(s.hubUrl()).isEmpty();
        assertThat(s.ollamaHeaders()).isEmpty();
        assertThat(s.ollamaBatchSize()).isEqualTo(32);
        assertThat(s.ollamaParallel()).isEqualTo(2);
        assertThat(s.indexSourceCode()).as("a file from before the choice: prose only").isFalse();
    }

    @Test
    void theChoiceToIndexSourceCodeIsKeptWithTheOtherSettings() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings chosen = Settings.defaults().withTheme(Settings.DARK).withSourceCode(true);

        store.save(chosen);

        assertThat(store.load().indexSourceCode()).isTrue();
        assertThat(store.load().withOcr(false, "eng", 30, "").withEmbeddingThreads(1).indexSourceCode())
                .as("kept by the other settings' changes").isTrue();
        assertThat(store.load().dark()).isTrue();
    }
}

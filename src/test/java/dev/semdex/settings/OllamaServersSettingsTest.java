package dev.semdex.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of Ollama servers in the settings, and files written before there could be several. */
class OllamaServersSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithOneServerReadsAsAListOfOne() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"ollamaUrl\":\"http://gpu-a:11434\",\"ollamaModel\":\"all-minilm\"}");
        Settings s = new SettingsStore(file).load();
        assertThat(s.ollamaUrls()).containsExactly("http://gpu-a:11434");
        assertThat(s.ollamaUrl()).isEqualTo("http://gpu-a:11434");
        assertThat(Settings.defaults().ollamaUrls()).containsExactly(Settings.DEFAULT_OLLAMA_URL);
    }

    @Test
    void theListIsSavedWithItsFirstServerAlsoAsTheSingleUrlForOlderVersions() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.defaults().withOllamaServers(List.of("http://gpu-a:11434", "http://gpu-b:11434")));
        Settings back = store.load();
        assertThat(back.ollamaUrls()).containsExactly("http://gpu-a:11434", "http://gpu-b:11434");
        assertThat(back.ollamaUrl()).isEqualTo("http://gpu-a:11434");
        assertThat(Files.readString(store.file())).contains("\"ollamaUrl\" : \"http://gpu-a:11434\"");

        Settings edited = back.withOllama("http://gpu-c:11434", "nomic-embed-text", Map.of());
        assertThat(edited.ollamaUrls()).as("the dialog's one server replaces the first, the others stay")
                .containsExactly("http://gpu-c:11434", "http://gpu-b:11434");
    }
}

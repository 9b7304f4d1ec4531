package dev.semdex.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.ollama.FakeOllama;
import dev.semdex.settings.Settings;
import dev.semdex.ui.ManualRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Check connection and Pull in the settings, against the fake Ollama server with real vectors. */
class OllamaSettingsViewModelTest {

    private FakeOllama server;
    private final ManualRunner runner = new ManualRunner();
    private OllamaSettingsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeOllama();
        vm = new OllamaSettingsViewModel(new SemdexSettingsPort(List::of), runner, Settings.defaults().withOllama(server.url(), "all-minilm",
                Map.of("Authorization", "Bearer abc")));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void checkShowsVersionDimensionAndContextAndTheNextStep() {
        assertThat(vm.headersProperty().get()).isEqualTo("Authorization: Bearer abc");
        vm.check();
        assertThat(vm.checkOkProperty().get()).as(vm.checkResultProperty().get()).isTrue();
        assertThat(vm.checkResultProperty().get()).contains("Ollama 0.9.0-fake").contains("all-minilm — present")
                .contains("Dimension: 384").contains("Context: 512 tokens").contains("ollama:all-minilm");
        assertThat(vm.pullOfferedProperty().get()).isFalse();
    }

    @Test
    void aMissingModelOffersPullWhichStreamsProgressAndChecksAgain() {
        server.modelPresent = false;
        vm.check();
        assertThat(vm.checkOkProperty().get()).isFalse();
        assertThat(vm.checkResultProperty().get()).contains("Model not found").contains("ollama pull all-minilm");
        assertThat(vm.pullOfferedProperty().get()).isTrue();

        vm.pull();
        assertThat(vm.pullingProperty().get()).isFalse();
        assertThat(vm.pullStatusProperty().get()).isEqualTo("Pulled all-minilm.");
        assertThat(vm.pullOfferedProperty().get()).isFalse();
        assertThat(vm.checkOkProperty().get()).as("the check runs again after the pull").isTrue();
    }

    @Test
    void anUnreachableServerAndABadHeaderAreExplained() {
        vm.urlProperty().set("http://127.0.0.1:9");
        vm.check();
        assertThat(vm.checkOkProperty().get()).isFalse();
        assertThat(vm.checkResultProperty().get()).contains("not reachable").contains("Cannot reach");

        vm.headersProperty().set("no colon here");
        vm.check();
        assertThat(vm.checkResultProperty().get()).contains("Name: value");
    }
}

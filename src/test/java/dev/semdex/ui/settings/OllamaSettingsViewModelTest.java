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

    @Test
    void otherServersAreAddedCheckedOneByOneAndSaved() throws Exception {
        try (FakeOllama second = new FakeOllama(); FakeOllama third = new FakeOllama()) {
            third.modelPresent = false;
            vm.newServerProperty().set(second.url() + "/");
            vm.addServer();
            vm.newServerProperty().set(third.url());
            vm.addServer();
            vm.newServerProperty().set(server.url());
            vm.addServer();
            assertThat(vm.serversMessageProperty().get()).as("the first server again").contains("already in the list");
            vm.newServerProperty().set("ftp://nowhere");
            vm.addServer();
            assertThat(vm.otherServers()).extracting(OllamaSettingsViewModel.ServerEntry::url)
                    .containsExactly(second.url(), third.url());

            vm.checkServers();

            assertThat(vm.otherServers().get(0).okProperty().get()).isTrue();
            assertThat(vm.otherServers().get(0).statusProperty().get()).isEqualTo("ready, dimension 384");
            assertThat(vm.otherServers().get(1).okProperty().get()).isFalse();
            assertThat(vm.otherServers().get(1).statusProperty().get()).contains("ollama pull all-minilm");
            assertThat(vm.serversMessageProperty().get()).isEqualTo("1 of 2 other servers ready.");

            Settings saved = vm.applyTo(Settings.defaults());
            assertThat(saved.ollamaUrls()).containsExactly(server.url(), second.url(), third.url());
            vm.removeServer(vm.otherServers().get(1));
            assertThat(vm.applyTo(Settings.defaults()).ollamaUrls()).containsExactly(server.url(), second.url());
            assertThat(new OllamaSettingsViewModel(new SemdexSettingsPort(List::of), runner, saved).otherServers())
                    .as("read back from the settings").hasSize(2);
        }
    }
}

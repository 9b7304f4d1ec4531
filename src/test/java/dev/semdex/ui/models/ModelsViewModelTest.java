package dev.semdex.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.Semdex;
import dev.semdex.TestModels;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.hub.FakeHub;
import dev.semdex.models.ModelListing;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.ui.ManualRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model manager over the real core, downloading from a local hub that serves MiniLM as Jina small. */
class ModelsViewModelTest {

    private static final String JINA = "jina-embeddings-v2-small-en";

    @TempDir
    Path tmp;

    private FakeHub hub;
    private Semdex semdex;
    private final ManualRunner runner = new ManualRunner();
    private final List<String> chosen = new ArrayList<>();
    private ModelsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        TestModels.minilm();
        BundledModelFiles.ModelFiles files = new BundledModelFiles(tmp.resolve("bundled"))
                .materialize(new ModelCatalog().require("all-minilm-l6-v2"));
        hub = new FakeHub();
        hub.file("jinaai/" + JINA, "tokenizer.json", Files.readAllBytes(files.tokenizer()), false)
                .file("jinaai/" + JINA, "model.onnx", Files.readAllBytes(files.model()), true)
                .text("jinaai/" + JINA, "1_Pooling/config.json", "{\"pooling_mode_mean_tokens\": true}");
        semdex = Semdex.open(AppDirs.under(tmp.resolve("data")), Settings.defaults()
                .withModels(1, ModelCatalog.DEFAULT_MODEL, hub.url(), ModelCatalog.DEFAULT_LONG_CHUNK_TOKENS));
        vm = new ModelsViewModel(new SemdexModelsPort(semdex.models(), () -> false), runner, "all-minilm-l6-v2",
                chosen::add);
    }

    @AfterEach
    void tearDown() {
        semdex.close();
        hub.close();
    }

    private ModelListing.Entry entry(String id) {
        return vm.models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsTheCatalogWithWhatTheUserNeedsToChoose() {
        vm.load();
        ModelListing.Entry minilm = entry("all-minilm-l6-v2");
        assertThat(minilm.state()).isEqualTo("bundled");
        assertThat(minilm.licence()).isEqualTo("Apache-2.0");
        assertThat(minilm.dimension()).isEqualTo(384);
        ModelListing.Entry base = entry("jina-embeddings-v2-base-en");
        assertThat(base.state()).isEqualTo("available");
        assertThat(base.parameters()).isEqualTo("137M");
        assertThat(base.downloadBytes()).isGreaterThan(500_000_000L);
        assertThat(base.maxTokens()).isEqualTo(8192);
        assertThat(base.engine()).isEqualTo("ONNX Runtime");
        assertThat(vm.noteProperty().get()).isEmpty();
    }

    @Test
    void downloadMakeDefaultAndRemove() {
        vm.load();
        vm.download(entry(JINA));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).as(vm.statusProperty().get()).startsWith("Downloaded " + JINA);
        assertThat(entry(JINA).state()).isEqualTo("downloaded");
        assertThat(entry(JINA).dimension()).as("probed, not the catalog's 512").isEqualTo(384);

        vm.makeDefault(entry(JINA));
        assertThat(chosen).containsExactly(JINA);
        assertThat(vm.defaultModelProperty().get()).isEqualTo(JINA);

        vm.remove(entry(JINA));
        assertThat(vm.statusProperty().get()).contains("Removed " + JINA).contains("files are deleted");
        assertThat(entry(JINA).state()).isEqualTo("available");
        assertThat(chosen).as("the removed default falls back to the built-in one")
                .containsExactly(JINA, ModelCatalog.DEFAULT_MODEL);
    }

    @Test
    void aCancelledDownloadDeliversNothingAndLeavesTheModelAvailable() {
        vm.load();
        runner.holdWork = true;
        vm.download(entry(JINA));
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.downloadingProperty().get()).isTrue();
        vm.cancel();
        runner.runHeld();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("Stopped");
    }

    @Test
    void addingAFolderWithoutAModelFileSaysWhatIsMissing() throws Exception {
        vm.load();
        Path dir = Files.createDirectories(tmp.resolve("empty-model"));
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        vm.addFolder(dir);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("model.onnx");
    }
}

package dev.semdex.embed.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.DownloadListener;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Vectors;
import dev.semdex.models.EmbedderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer ships two models; the other four are downloads pinned to the SHA-256 of the files the build bundles.
 * Here the catalog sees only the installer's two artifacts, and a local hub serves the build's files under the
 * repositories the catalog names.
 */
class UnbundledModelDownloadTest {

    /** What the installer's class path holds: the default model and its comparison partner. */
    static final Predicate<String> INSTALLER = r -> r.equals(ModelCatalog.DEFAULT_MODEL + ".onnx")
            || r.equals("bge-small-en-v1.5-q.onnx");

    @TempDir
    static Path shared;
    @TempDir
    Path data;

    private static FakeHub hub;

    @BeforeAll
    static void serveTheBuildsFiles() throws IOException {
        TestModels.minilm();
        BundledModelFiles build = new BundledModelFiles(shared.resolve("bundled"));
        ModelCatalog full = new ModelCatalog();
        hub = new FakeHub();
        serve(build, full, "bge-small-en-v1.5", "BAAI/bge-small-en-v1.5", "onnx/model.onnx");
        serve(build, full, "e5-small-v2-q", "Xenova/e5-small-v2", "onnx/model_quantized.onnx");
        // not the file the catalog pins: the int8 MiniLM under the fp32 model's repository
        serve(build, full, "all-minilm-l6-v2-q", "sentence-transformers/all-MiniLM-L6-v2", "onnx/model.onnx");
    }

    private static void serve(BundledModelFiles build, ModelCatalog full, String id, String repo, String file)
            throws IOException {
        BundledModelFiles.ModelFiles files = build.materialize(full.require(id));
        hub.file(repo, "tokenizer.json", Files.readAllBytes(files.tokenizer()), false)
                .file(repo, file, Files.readAllBytes(files.model()), true);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theInstallersCatalogBundlesTwoModelsAndPinsTheOthers() {
        ModelCatalog installer = new ModelCatalog(INSTALLER);
        assertThat(installer.all()).filteredOn(m -> m.source() == ModelSource.BUNDLED).extracting(ModelSpec::id)
                .containsExactly(ModelCatalog.DEFAULT_MODEL, "bge-small-en-v1.5-q");
        for (String id : List.of("all-minilm-l6-v2", "bge-small-en-v1.5", "e5-small-v2", "e5-small-v2-q")) {
            ModelSpec spec = installer.require(id);
            assertThat(spec.source()).as(id).isEqualTo(ModelSource.DOWNLOAD);
            assertThat(spec.huggingFaceRepo()).as(id).isNotBlank();
            assertThat(spec.details().sha256()).as(id).hasSize(1);
            assertThat(spec.details().downloadBytes()).as(id).isPositive();
        }
        assertThat(new ModelCatalog().all()).filteredOn(m -> m.source() == ModelSource.BUNDLED).hasSize(6);
    }

    @Test
    void aFormerlyBundledModelDownloadsAndEmbedsAsTheBundledOneDid() {
        ModelCatalog installer = new ModelCatalog(INSTALLER);
        UserModels user = UserModels.load(data);
        ModelManager manager = new ModelManager(installer, user, new HubClient(hub.url(), null, 1), data.resolve("hub"));
        assertThat(manager.state(installer.require("bge-small-en-v1.5"))).isEqualTo("available");

        manager.pull("bge-small-en-v1.5", null, DownloadListener.NONE);
        ModelManager.Result q = manager.pull("e5-small-v2-q", null, DownloadListener.NONE);

        assertThat(manager.state(installer.require("bge-small-en-v1.5"))).isEqualTo("downloaded");
        assertThat(Path.of(q.model().modelFile()).getFileName()).hasToString("model.onnx");
        EmbedderFactory factory = new EmbedderFactory(installer, new BundledModelFiles(data.resolve("cache")), 1);
        factory.userModels(user);
        for (String id : List.of("bge-small-en-v1.5", "e5-small-v2-q")) {
            try (Embedder downloaded = factory.open(id)) {
                assertThat(downloaded.model().queryPrefix()).isEqualTo(installer.require(id).queryPrefix());
                float[] a = downloaded.embedQuery("Hello World!");
                float[] b = TestModels.embedder(id).embedQuery("Hello World!");
                assertThat(Vectors.dot(a, b)).as(id).isGreaterThan(0.99999f);
            }
        }
    }

    @Test
    void anotherFileUnderTheRepositorysNameIsRefused() {
        ModelCatalog installer = new ModelCatalog(INSTALLER);
        UserModels user = UserModels.load(data);
        ModelManager manager = new ModelManager(installer, user, new HubClient(hub.url(), null, 1), data.resolve("hub"));
        assertThatThrownBy(() -> manager.pull("all-minilm-l6-v2", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class)
                .hasMessageContaining("Checksum mismatch for sentence-transformers/all-MiniLM-L6-v2/onnx/model.onnx")
                .hasMessageContaining("759c3cd2");
        assertThat(user.find("all-minilm-l6-v2")).isEmpty();
        assertThat(manager.state(installer.require("all-minilm-l6-v2"))).isEqualTo("available");
    }
}

package dev.semdex.embed.hub;

import dev.semdex.embed.DownloadListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.LogCapture;
import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Vectors;
import dev.semdex.models.EmbedderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls the bundled MiniLM files from a local server laid out like huggingface.co, under Jina-like names. */
class HubDownloadTest {

    private static final String JINA = "jinaai/jina-embeddings-v2-small-en";
    private static final String POOLING = "{\"word_embedding_dimension\": 384, \"pooling_mode_cls_token\": false, "
            + "\"pooling_mode_mean_tokens\": true}";
    private static final String CONFIG = "{\"hidden_size\": 384, \"max_position_embeddings\": 512}";

    @TempDir
    static Path shared;
    @TempDir
    Path data;

    private static byte[] model;
    private static byte[] tokenizer;
    private static FakeHub hub;

    @BeforeAll
    static void serveMiniLm() throws IOException {
        TestModels.minilm();
        BundledModelFiles.ModelFiles files = new BundledModelFiles(shared.resolve("bundled"))
                .materialize(new ModelCatalog().require("all-minilm-l6-v2"));
        model = Files.readAllBytes(files.model());
        tokenizer = Files.readAllBytes(files.tokenizer());
        hub = new FakeHub();
        for (String repo : List.of(JINA, "someone/minilm-onnx", "bad/minilm", "cut/minilm")) {
            boolean subfolder = !repo.equals(JINA);
            hub.file(repo, "tokenizer.json", tokenizer, false)
                    .file(repo, subfolder ? "onnx/model.onnx" : "model.onnx", model, true)
                    .text(repo, "config.json", CONFIG)
                    .text(repo, "1_Pooling/config.json", POOLING);
        }
        hub.lie("bad/minilm", "onnx/model.onnx", "ab".repeat(32));
        hub.text("weights/only", "tokenizer.json", "{}").file("weights/only", "model.safetensors", new byte[10], true);
        hub.refuse("gated/model");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private ModelManager manager(ModelCatalog catalog, UserModels user, HubClient client) {
        return new ModelManager(catalog, user, client, data.resolve("hub"));
    }

    @Test
    void catalogJinaModelDownloadsAndEmbedsLikeTheBundledMiniLm() throws IOException {
        ModelCatalog catalog = new ModelCatalog();
        UserModels user = UserModels.load(data);
        List<long[]> progress = new CopyOnWriteArrayList<>();
        ModelManager.Result r = manager(catalog, user, new HubClient(hub.url(), "hf_secret", 3))
                .pull("jina-embeddings-v2-small-en", null, (file, done, total) -> {
                    if (file.equals("model.onnx")) {
                        progress.add(new long[] {done, total});
                    }
                });

        assertThat(r.model().dimension()).isEqualTo(384);
        assertThat(r.engine()).isEqualTo("OnnxRuntime");
        assertThat(r.warnings()).anyMatch(w -> w.contains("512") && w.contains("384"));
        assertThat(progress.get(progress.size() - 1)).containsExactly(model.length, model.length);
        assertThat(hub.requests).filteredOn(q -> q.path().contains(JINA))
                .allMatch(q -> "Bearer hf_secret".equals(q.authorization()));
        Path dir = Path.of(r.model().dir());
        assertThat(dir.resolve("model.onnx")).hasSize(model.length);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".part"));
        }

        // a later run finds it through models.json
        ModelCatalog later = new ModelCatalog();
        UserModels reloaded = UserModels.load(data);
        reloaded.registerInto(later);
        assertThat(later.require("jina-embeddings-v2-small-en").dimension()).isEqualTo(384);
        assertThat(manager(later, reloaded, null).state(later.require("jina-embeddings-v2-small-en")))
                .isEqualTo("downloaded");
        assertThat(manager(later, reloaded, null).state(later.require("jina-embeddings-v2-base-en")))
                .isEqualTo("available");
        EmbedderFactory factory = new EmbedderFactory(later, new BundledModelFiles(shared.resolve("bundled")), 1);
        factory.userModels(reloaded);
        try (Embedder jina = factory.open("jina-embeddings-v2-small-en")) {
            String text = "Blue whales feed on krill in cold oceans.";
            float[] a = jina.embedPassages(List.of(text)).get(0);
            float[] b = TestModels.minilm().embedPassages(List.of(text)).get(0);
            assertThat(Vectors.dot(a, b)).isGreaterThan(0.9999f);
        }
    }

    @Test
    void anyRepositoryIdCanBePulledAndABrokenDownloadResumes() throws IOException {
        UserModels user = UserModels.load(data);
        ModelCatalog catalog = new ModelCatalog();
        hub.cutOnce("someone/minilm-onnx", "onnx/model.onnx");
        HubClient noRetry = new HubClient(hub.url(), null, 1);
        Path part = data.resolve("hub/models--someone--minilm-onnx/onnx/model.onnx.part");

        assertThatThrownBy(() -> manager(catalog, user, noRetry).pull("someone/minilm-onnx", null,
                DownloadListener.NONE)).isInstanceOf(SemdexException.class).hasMessageContaining("resume");
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(model.length);
        assertThat(part.resolveSibling("model.onnx")).doesNotExist();
        assertThat(user.find("someone/minilm-onnx")).isEmpty();

        int rangedBefore = hub.rangedGets().size();
        ModelManager.Result r = manager(catalog, user, noRetry).pull("someone/minilm-onnx", null,
                DownloadListener.NONE);
        assertThat(hub.rangedGets()).hasSize(rangedBefore + 1);
        assertThat(hub.rangedGets().get(rangedBefore).range()).isEqualTo("bytes=" + kept + "-");
        assertThat(r.model().modelFile()).endsWith("onnx/model.onnx".replace('/', java.io.File.separatorChar));
        assertThat(r.model().pooling()).isEqualTo("MEAN");
        assertThat(r.model().maxTokens()).isEqualTo(512);
        assertThat(catalog.require("someone/minilm-onnx").dimension()).isEqualTo(384);
        assertThat(part).doesNotExist();
    }

    @Test
    void aBrokenConnectionIsResumedWithinOneCall() throws IOException {
        hub.cutOnce("cut/minilm", "onnx/model.onnx");
        HubClient client = new HubClient(hub.url(), null, 3);
        HubClient.FileInfo info = client.head("cut/minilm", "main", "onnx/model.onnx").orElseThrow();
        assertThat(info.sha256()).isEqualTo(FakeHub.sha256(model));
        assertThat(info.size()).isEqualTo(model.length);
        Path target = client.download(info, data.resolve("m/model.onnx"), null, DownloadListener.NONE);
        assertThat(Files.readAllBytes(target)).isEqualTo(model);
        assertThat(hub.rangedGets()).anyMatch(q -> q.path().contains("cut/minilm"));
    }

    @Test
    void checksumMismatchIsRejectedAndNothingIsKept() throws IOException {
        UserModels user = UserModels.load(data);
        assertThatThrownBy(() -> manager(new ModelCatalog(), user, new HubClient(hub.url(), null, 3))
                .pull("bad/minilm", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class).hasMessageContaining("Checksum mismatch");
        Path onnx = data.resolve("hub/models--bad--minilm/onnx");
        try (Stream<Path> files = Files.list(onnx)) {
            assertThat(files).isEmpty();
        }
        assertThat(user.find("bad/minilm")).isEmpty();

        HubClient client = new HubClient(hub.url(), null, 1);
        HubClient.FileInfo good = client.head("cut/minilm", "main", "tokenizer.json").orElseThrow();
        assertThatThrownBy(() -> client.download(good, data.resolve("pinned/tokenizer.json"), "00".repeat(32),
                DownloadListener.NONE)).hasMessageContaining("Checksum mismatch");
        assertThat(data.resolve("pinned/tokenizer.json")).doesNotExist();
    }

    @Test
    void aChecksumPinnedInTheCatalogWinsOverTheHubsAndRemovingDeletesTheDownload() throws IOException {
        ModelCatalog catalog = new ModelCatalog();
        ModelSpec jina = catalog.require("jina-embeddings-v2-small-en");
        catalog.register(jina.withDetails(jina.details().pinned(null, Map.of("model.onnx", "ab".repeat(32)))));
        UserModels user = UserModels.load(data);
        HubClient client = new HubClient(hub.url(), null, 1);
        assertThatThrownBy(() -> manager(catalog, user, client).pull("jina-embeddings-v2-small-en", null,
                DownloadListener.NONE)).isInstanceOf(SemdexException.class).hasMessageContaining("Checksum mismatch");
        assertThat(user.find("jina-embeddings-v2-small-en")).isEmpty();

        catalog.register(jina.withDetails(jina.details().pinned(null,
                Map.of("model.onnx", FakeHub.sha256(model).toUpperCase(java.util.Locale.ROOT),
                        "tokenizer.json", FakeHub.sha256(tokenizer)))));
        ModelManager manager = manager(catalog, user, client);
        ModelManager.Result r = manager.pull("jina-embeddings-v2-small-en", null, DownloadListener.NONE);
        Path dir = Path.of(r.model().dir());
        assertThat(dir.resolve("model.onnx")).hasSize(model.length);
        assertThat(catalog.require("jina-embeddings-v2-small-en").details().licence()).isEqualTo("Apache-2.0");

        assertThat(manager.remove("jina-embeddings-v2-small-en")).isTrue();
        assertThat(dir).doesNotExist();
        assertThat(UserModels.load(data).find("jina-embeddings-v2-small-en")).isEmpty();
        assertThat(manager.state(catalog.require("jina-embeddings-v2-small-en"))).isEqualTo("available");
        assertThat(catalog.require("jina-embeddings-v2-small-en").dimension()).isEqualTo(512);
    }

    @Test
    void missingRefusedAndUnusableRepositoriesGiveClearErrors() {
        ModelManager m = manager(new ModelCatalog(), UserModels.load(data), new HubClient(hub.url(), null, 1));
        assertThatThrownBy(() -> m.pull("nobody/nothing", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class).hasMessageContaining("has no tokenizer.json, or does not exist");
        assertThatThrownBy(() -> m.pull("weights/only", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class).hasMessageContaining("cannot run safetensors");
        assertThatThrownBy(() -> m.pull("gated/model", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class).hasMessageContaining("HF_TOKEN");
        assertThatThrownBy(() -> m.pull("all-minilm-l6-v2", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class).hasMessageContaining("bundled");
        assertThatThrownBy(() -> m.pull("not a repo", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class).hasMessageContaining("Unknown model");
        HubClient client = new HubClient(hub.url(), null, 1);
        assertThat(client.head("nobody/nothing", "main", "tokenizer.json")).isEmpty();
    }

    @Test
    void serverGoneIsAClearError() throws IOException {
        FakeHub gone = new FakeHub();
        String url = gone.url();
        gone.close();
        ModelManager m = manager(new ModelCatalog(), UserModels.load(data), new HubClient(url, "hf_secret", 3));
        assertThatThrownBy(() -> m.pull("jina-embeddings-v2-small-en", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class).hasMessageContaining("Cannot reach")
                .hasMessageNotContaining("hf_secret");
    }

    /**
     * The HF token goes to the hub and nowhere else: not into a log line at any level nor into an error the user
     * sees, whether the download works, the repository refuses, the hub is gone or the token cannot be sent.
     */
    @Test
    void theTokenNeverReachesALogOrAMessage() throws IOException {
        String token = "hf_s3cretQw7Lm";
        StringBuilder shown = new StringBuilder();
        try (LogCapture logs = new LogCapture()) {
            ModelManager m = manager(new ModelCatalog(), UserModels.load(data), new HubClient(hub.url(), token, 1));
            assertThat(m.pull("someone/minilm-onnx", null, DownloadListener.NONE).model().dimension()).isEqualTo(384);
            FakeHub gone = new FakeHub();
            String goneUrl = gone.url();
            gone.close();
            for (var failing : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                    () -> m.pull("gated/model", null, DownloadListener.NONE),
                    () -> m.pull("nobody/nothing", null, DownloadListener.NONE),
                    () -> manager(new ModelCatalog(), UserModels.load(data), new HubClient(goneUrl, token, 2))
                            .pull("cut/minilm", null, DownloadListener.NONE),
                    () -> manager(new ModelCatalog(), UserModels.load(data),
                            new HubClient(hub.url(), token + "\nsecond-line", 1))
                            .pull("cut/minilm", null, DownloadListener.NONE))) {
                Throwable e = org.assertj.core.api.Assertions.catchThrowable(failing);
                assertThat(e).isInstanceOf(SemdexException.class);
                for (Throwable t = e; t != null; t = t.getCause()) {
                    shown.append(t).append('\n');
                }
            }
            assertThat(shown).contains("HF_TOKEN").contains("cannot be sent");
            assertThat(hub.requests).anyMatch(q -> ("Bearer " + token).equals(q.authorization()));
            assertThat(logs.all() + shown).doesNotContain(token);
        }
    }

    @Test
    void cancellingLeavesNoFinalFile() {
        HubClient client = new HubClient(hub.url(), null, 3);
        HubClient.FileInfo info = client.head(JINA, "main", "model.onnx").orElseThrow();
        Path target = data.resolve("cancel/model.onnx");
        try {
            assertThatThrownBy(() -> client.download(info, target, null, (file, done, total) -> {
                if (done > 0) {
                    Thread.currentThread().interrupt();
                }
            })).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(target).doesNotExist();
    }
}

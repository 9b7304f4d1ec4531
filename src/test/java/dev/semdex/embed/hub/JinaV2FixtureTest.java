package dev.semdex.embed.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.cli.CliRunner;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.DownloadListener;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Vectors;
import dev.semdex.models.EmbedderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jina v2 from its real repository files: a tiny JinaBERT (ALiBi, GEGLU; made by
 * src/test/fixtures/jina/make_tiny_jinabert.py) next to the real tokenizer.json, tokenizer_config.json, pooling and
 * sentence-transformers files, served file for file like jinaai/jina-embeddings-v2-small-en by a local hub.
 */
class JinaV2FixtureTest {

    static final String FIXTURE = "/jina-v2-tiny/";
    static final List<String> REPOSITORY_FILES = List.of("model.onnx", "config.json", "tokenizer.json",
            "tokenizer_config.json", "special_tokens_map.json", "sentence_bert_config.json", "modules.json",
            "config_sentence_transformers.json", "vocab.txt", "1_Pooling/config.json");
    private static final String SMALL = "jinaai/jina-embeddings-v2-small-en";
    private static final String BASE = "jinaai/jina-embeddings-v2-base-en";

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static FakeHub hub;
    private static JsonNode reference;

    @BeforeAll
    static void serveTheFixture() throws IOException {
        TestModels.minilm(); // configures DJL's cache folders for this test JVM
        hub = new FakeHub();
        for (String repo : List.of(SMALL, BASE)) {
            for (String file : REPOSITORY_FILES) {
                hub.file(repo, file, fixture(file), file.endsWith(".onnx"));
            }
        }
        reference = new ObjectMapper().readTree(fixture("reference.json"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static byte[] fixture(String file) throws IOException {
        try (InputStream in = JinaV2FixtureTest.class.getResourceAsStream(FIXTURE + file)) {
            assertThat(in).as("fixture " + file).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The fixture as a local folder holding the TorchScript export instead of the ONNX one. */
    static Path torchScriptFolder(Path dir) throws IOException {
        for (String file : REPOSITORY_FILES) {
            String name = file.equals("model.onnx") ? "model.pt" : file;
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, fixture(name));
        }
        return dir;
    }

    @Test
    void pulledFromTheHubItIndexesAndSearches() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(data.resolve("settings.json"), "{\"hubUrl\": \"" + hub.url() + "\", \"ocrEnabled\": false}");
        String whales = "Blue whales feed on krill in the cold waters of the Southern Ocean.";
        Files.writeString(docs.resolve("whales.txt"), whales);
        Files.writeString(docs.resolve("rust.md"), "The borrow checker in Rust prevents data races at compile time.");
        Files.writeString(docs.resolve("soup.txt"), "Simmer the onions slowly, then add stock and thyme.");

        CliRunner.Result pull = CliRunner.run("--data-dir", data.toString(), "models", "pull",
                "jina-embeddings-v2-small-en");
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        CliRunner.Result index = CliRunner.run("--data-dir", data.toString(), "index", docs.toString(), "--model",
                "jina-embeddings-v2-small-en");
        assertThat(index.exitCode()).as(index.err()).isZero();
        assertThat(index.err()).contains("Indexed 3 files");
        // Random weights rank nothing by meaning, but a passage's own text must come back first: the query and the
        // passage go through the same tokenizer, model and pooling.
        CliRunner.Result search = CliRunner.run("--data-dir", data.toString(), "search", whales, "--model",
                "jina-embeddings-v2-small-en", "--mode", "vector", "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(search.out());
        assertThat(results.get(0).get("path").asText()).endsWith("whales.txt");
        assertThat(results.get(0).get("score").asDouble()).isGreaterThan(0.999);
    }

    @Test
    void theRealTokenizerCutsTheTextsAsThePythonReferenceDid() throws IOException {
        Path tokenizer = Files.write(tmp.resolve("tokenizer.json"), fixture("tokenizer.json"));
        try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(tokenizer, Map.of("addSpecialTokens", "true",
                "truncation", "false", "padding", "false", "modelMaxLength", "100000"))) {
            for (JsonNode text : reference.get("texts")) {
                long[] expected = new long[text.get("ids").size()];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = text.get("ids").get(i).asLong();
                }
                assertThat(t.encode(text.get("text").asText()).getIds()).as(text.get("text").asText()
                        .substring(0, Math.min(40, text.get("text").asText().length()))).containsExactly(expected);
            }
        }
        assertThat(reference.get("texts")).anyMatch(text -> text.get("tokens").asInt() == 8192);
    }

    @Test
    void onnxRuntimePyTorchAndThePythonForwardPassAgreeUpTo8192Tokens() throws IOException {
        ModelCatalog catalog = new ModelCatalog();
        UserModels user = UserModels.load(tmp.resolve("data"));
        ModelManager manager = new ModelManager(catalog, user, new HubClient(hub.url(), null, 1),
                tmp.resolve("data/hub"));
        ModelManager.Result onnx = manager.pull("jina-embeddings-v2-small-en", null, DownloadListener.NONE);
        ModelManager.Result pt = manager.add(torchScriptFolder(tmp.resolve("tiny-jina-pt")), "tiny-jina-pt", null);
        assertThat(onnx.engine()).isEqualTo("OnnxRuntime");
        assertThat(pt.engine()).isEqualTo("PyTorch");
        assertThat(onnx.model().dimension()).isEqualTo(64);
        assertThat(pt.model().maxTokens()).isEqualTo(8192);
        // the catalog describes the real small model, the fixture is smaller: said, not hidden
        assertThat(onnx.warnings()).anyMatch(w -> w.contains("512") && w.contains("64"));

        EmbedderFactory factory = new EmbedderFactory(catalog, new BundledModelFiles(shared.resolve("bundled")), 1);
        factory.userModels(user);
        List<String> figures = new ArrayList<>();
        try (Embedder ort = factory.open("jina-embeddings-v2-small-en"); Embedder torch = factory.open("tiny-jina-pt")) {
            for (JsonNode text : reference.get("texts")) {
                float[] python = Vectors.normalize(floats(text.get("pooled")));
                String passage = text.get("text").asText();
                float[] a = ort.embedPassages(List.of(passage)).get(0);
                float[] b = torch.embedPassages(List.of(passage)).get(0);
                float ortPython = Vectors.dot(a, python);
                float torchPython = Vectors.dot(b, python);
                float ortTorch = Vectors.dot(a, b);
                int tokens = text.get("tokens").asInt();
                figures.add(String.format(Locale.ROOT, "%d tokens: 1-cos ORT/Python %.1e, PyTorch/Python %.1e, "
                        + "ORT/PyTorch %.1e", tokens, 1 - ortPython, 1 - torchPython, 1 - ortTorch));
                assertThat(ortPython).as(tokens + " tokens, ONNX Runtime vs Python").isGreaterThanOrEqualTo(0.9999f);
                assertThat(torchPython).as(tokens + " tokens, PyTorch vs Python").isGreaterThanOrEqualTo(0.9999f);
                assertThat(ortTorch).as(tokens + " tokens, ONNX Runtime vs PyTorch").isGreaterThanOrEqualTo(0.9999f);
            }
        }
        System.out.println("jina-parity: " + String.join("; ", figures));
    }

    @Test
    void aFileThatIsNotThePinnedOneIsRefused() throws IOException {
        ModelCatalog catalog = new ModelCatalog();
        String pinned = catalog.require("jina-embeddings-v2-base-en").details().sha256Of("model.onnx");
        assertThat(pinned).isEqualTo("a6bccce798906f269ee6990d35b8a516390a9593cde824de2e6b9d087b07fa4d");
        UserModels user = UserModels.load(tmp.resolve("data"));
        ModelManager manager = new ModelManager(catalog, user, new HubClient(hub.url(), null, 1),
                tmp.resolve("data/hub"));

        assertThatThrownBy(() -> manager.pull("jina-embeddings-v2-base-en", null, DownloadListener.NONE))
                .isInstanceOf(SemdexException.class)
                .hasMessageContaining("Checksum mismatch for " + BASE + "/model.onnx")
                .hasMessageContaining(pinned)
                .hasMessageContaining(FakeHub.sha256(fixture("model.onnx")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(user.find("jina-embeddings-v2-base-en")).isEmpty();
        try (Stream<Path> files = Files.walk(tmp.resolve("data/hub"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(f -> f.startsWith("model.onnx"));
        }
        assertThat(manager.state(catalog.require("jina-embeddings-v2-base-en"))).isEqualTo("available");
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}

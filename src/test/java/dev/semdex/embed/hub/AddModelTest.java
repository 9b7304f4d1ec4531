package dev.semdex.embed.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.cli.CliRunner;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Pooling;
import dev.semdex.embed.Vectors;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models add} with folders in Hugging Face layout, and the errors for folders that cannot work. */
class AddModelTest {

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static BundledModelFiles.ModelFiles minilm;

    @BeforeAll
    static void unpackMiniLm() {
        TestModels.minilm();
        minilm = new BundledModelFiles(shared.resolve("bundled")).materialize(new ModelCatalog()
                .require("all-minilm-l6-v2"));
    }

    /** tokenizer.json, onnx/model.onnx and the sentence-transformers files; config.json lies about the size. */
    private Path hfFolder(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("onnx"));
        Files.createDirectories(dir.resolve("1_Pooling"));
        Files.copy(minilm.tokenizer(), dir.resolve("tokenizer.json"));
        Files.copy(minilm.model(), dir.resolve("onnx/model.onnx"));
        Files.writeString(dir.resolve("1_Pooling/config.json"), "{\"word_embedding_dimension\": 384, "
                + "\"pooling_mode_cls_token\": false, \"pooling_mode_mean_tokens\": true}");
        Files.writeString(dir.resolve("sentence_bert_config.json"), "{\"max_seq_length\": 256}");
        Files.writeString(dir.resolve("config.json"), "{\"hidden_size\": 512, \"max_position_embeddings\": 512}");
        return dir;
    }

    private static String[] run(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        return new String[] {Integer.toString(r.exitCode()), r.out(), r.err()};
    }

    @Test
    void cliAddsAnHfFolderAndTheModelSearchesLikeMiniLm() throws IOException {
        Path dir = hfFolder("my-minilm");
        Path data = tmp.resolve("data");
        String[] r = run("--data-dir", data.toString(), "models", "add", dir.toString(), "--id", "mine");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("Added mine: 384 dimensions, 256 tokens, mean pooling, OnnxRuntime engine");
        assertThat(r[2]).contains("claim 512 dimensions").contains("384");

        UserModels.Entry e = UserModels.load(data).find("mine").orElseThrow();
        assertThat(e.dimension()).isEqualTo(384);
        assertThat(e.configDimension()).isEqualTo(512);
        assertThat(e.origin()).isEqualTo(UserModels.ADDED);

        String[] list = run("--data-dir", data.toString(), "models", "--json");
        JsonNode models = new ObjectMapper().readTree(list[1]);
        boolean found = false;
        for (JsonNode m : models) {
            if (m.get("id").asText().equals("mine")) {
                found = true;
                assertThat(m.get("state").asText()).isEqualTo("added");
                assertThat(m.get("offline").asBoolean()).isTrue();
                assertThat(m.get("engine").asText()).isEqualTo("onnxruntime");
            } else if (m.get("id").asText().equals("all-minilm-l6-v2")) {
                assertThat(m.get("state").asText()).isEqualTo("bundled");
            } else if (m.get("id").asText().startsWith("jina-")) {
                assertThat(m.get("state").asText()).isEqualTo("available");
            }
        }
        assertThat(found).isTrue();

        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "Blue whales are the largest animals; they eat krill.");
        Files.writeString(docs.resolve("soup.txt"), "Simmer the onions slowly, then add stock and thyme.");
        String[] index = run("--data-dir", data.toString(), "index", docs.toString(), "--model", "mine");
        assertThat(index[0]).as(index[2]).isEqualTo("0");
        String[] search = run("--data-dir", data.toString(), "search", "enormous sea mammal", "--model", "mine",
                "--mode", "vector", "--json", "-k", "1");
        assertThat(search[0]).as(search[2]).isEqualTo("0");
        assertThat(new ObjectMapper().readTree(search[1]).get(0).get("path").asText()).endsWith("whales.txt");

        try (Semdex semdex = Semdex.open(AppDirs.under(data), Settings.defaults().withEmbeddingThreads(1))) {
            float[] a = semdex.embedder("mine").embedQuery("where do whales live");
            float[] b = TestModels.minilm().embedQuery("where do whales live");
            assertThat(Vectors.dot(a, b)).isGreaterThan(0.9999f);
        }

        String[] bundled = run("--data-dir", data.toString(), "models", "remove", "all-minilm-l6-v2");
        assertThat(bundled[0]).isEqualTo("1");
        assertThat(bundled[2]).contains("bundled with Semdex and cannot be removed");

        String[] removed = run("--data-dir", data.toString(), "models", "remove", "mine");
        assertThat(removed[0]).as(removed[2]).isEqualTo("0");
        assertThat(removed[1]).contains("Removed mine").contains("2 vectors deleted");
        assertThat(dir.resolve("onnx/model.onnx")).as("an added folder is the user's own").exists();
        assertThat(UserModels.load(data).find("mine")).isEmpty();
        String[] gone = run("--data-dir", data.toString(), "search", "whales", "--model", "mine");
        assertThat(gone[0]).isNotEqualTo("0");
        assertThat(gone[2]).contains("Unknown model 'mine'");
        try (Semdex semdex = Semdex.open(AppDirs.under(data), Settings.defaults().withEmbeddingThreads(1))) {
            assertThat(semdex.store().models().all()).doesNotContainKey("mine");
        }
    }

    @Test
    void overridesWinAndCatalogIdsAreProtected() throws IOException {
        Path dir = hfFolder("other");
        ModelCatalog catalog = new ModelCatalog();
        ModelManager m = new ModelManager(catalog, UserModels.load(tmp.resolve("d")), null, null);
        assertThatThrownBy(() -> m.add(dir, "all-minilm-l6-v2", null))
                .isInstanceOf(SemdexException.class).hasMessageContaining("already a model in the catalog");
        ModelManager.Result r = m.add(dir, null, new ModelManager.Overrides(Pooling.CLS, 128, "q: ", "p: "));
        assertThat(r.model().id()).isEqualTo("other");
        assertThat(catalog.require("other").pooling()).isEqualTo(Pooling.CLS);
        assertThat(catalog.require("other").maxTokens()).isEqualTo(128);
        assertThat(catalog.require("other").queryPrefix()).isEqualTo("q: ");
    }

    @Test
    void engineFollowsTheFileTypeAndConfigsAreRead() throws IOException {
        Path pt = Files.createDirectories(tmp.resolve("pt"));
        Files.writeString(pt.resolve("tokenizer.json"), "{}");
        Files.write(pt.resolve("model.pt"), new byte[] {1});
        Files.writeString(pt.resolve("config.json"), "{\"max_position_embeddings\": 8192, \"hidden_size\": 768}");
        ModelFolder f = ModelFolder.inspect(pt);
        assertThat(f.engine()).isEqualTo("PyTorch");
        assertThat(f.maxTokens()).isEqualTo(8192);
        assertThat(f.configDimension()).isEqualTo(768);
        assertThat(f.pooling()).isEqualTo(Pooling.MEAN);
        assertThat(f.notes()).anyMatch(n -> n.contains("mean pooling"));

        Path onnx = Files.createDirectories(tmp.resolve("onnx-root"));
        Files.writeString(onnx.resolve("tokenizer.json"), "{}");
        Files.write(onnx.resolve("model.onnx"), new byte[] {1});
        Files.createDirectories(onnx.resolve("1_Pooling"));
        Files.writeString(onnx.resolve("1_Pooling/config.json"), "{\"pooling_mode_cls_token\": true}");
        Files.writeString(onnx.resolve("tokenizer_config.json"), "{\"model_max_length\": 384}");
        ModelFolder g = ModelFolder.inspect(onnx);
        assertThat(g.engine()).isEqualTo("OnnxRuntime");
        assertThat(g.pooling()).isEqualTo(Pooling.CLS);
        assertThat(g.maxTokens()).isEqualTo(384);
    }

    @Test
    void wrongOrMissingFilesGiveClearErrors() throws IOException {
        assertThatThrownBy(() -> ModelFolder.inspect(tmp.resolve("nope")))
                .isInstanceOf(SemdexException.class).hasMessageContaining("not found");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> ModelFolder.inspect(empty)).hasMessageContaining("no tokenizer.json");

        Path weights = Files.createDirectories(tmp.resolve("weights"));
        Files.writeString(weights.resolve("tokenizer.json"), "{}");
        Files.write(weights.resolve("model.safetensors"), new byte[] {1});
        assertThatThrownBy(() -> ModelFolder.inspect(weights)).hasMessageContaining("export the model to ONNX");

        Path maxPool = Files.createDirectories(tmp.resolve("max/1_Pooling")).getParent();
        Files.writeString(maxPool.resolve("tokenizer.json"), "{}");
        Files.write(maxPool.resolve("model.onnx"), new byte[] {1});
        Files.writeString(maxPool.resolve("1_Pooling/config.json"), "{\"pooling_mode_max_tokens\": true}");
        assertThatThrownBy(() -> ModelFolder.inspect(maxPool)).hasMessageContaining("max_tokens pooling");
        Files.writeString(maxPool.resolve("1_Pooling/config.json"), "{not json");
        assertThatThrownBy(() -> ModelFolder.inspect(maxPool)).hasMessageContaining("not valid JSON");

        Path garbage = Files.createDirectories(tmp.resolve("garbage"));
        Files.copy(minilm.tokenizer(), garbage.resolve("tokenizer.json"));
        Files.writeString(garbage.resolve("model.onnx"), "this is not an ONNX file");
        UserModels user = UserModels.load(tmp.resolve("d2"));
        ModelManager m = new ModelManager(new ModelCatalog(), user, null, null);
        assertThatThrownBy(() -> m.add(garbage, "garbage", null))
                .isInstanceOf(SemdexException.class).hasMessageContaining("Cannot load model 'garbage'");
        assertThat(user.all()).isEmpty();

        String[] r = run("--data-dir", tmp.resolve("d3").toString(), "models", "add", empty.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("no tokenizer.json").doesNotContain("Exception");
    }
}

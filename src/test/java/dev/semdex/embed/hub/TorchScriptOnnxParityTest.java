package dev.semdex.embed.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.TestModels;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Vectors;
import dev.semdex.models.EmbedderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same tiny encoder as TorchScript and as ONNX (made by src/test/fixtures/make-tiny-bert.py), added as two
 * local models: the PyTorch engine and ONNX Runtime must give the same vectors.
 */
class TorchScriptOnnxParityTest {

    @TempDir
    Path tmp;

    private Path folder(String name, String modelFile, Path tokenizer) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (String file : List.of(modelFile, "config.json")) {
            try (InputStream in = getClass().getResourceAsStream("/tiny-bert/" + file)) {
                assertThat(in).as("fixture " + file).isNotNull();
                Files.copy(in, dir.resolve(file));
            }
        }
        Files.copy(tokenizer, dir.resolve("tokenizer.json"));
        return dir;
    }

    @Test
    void pytorchAndOnnxRuntimeGiveTheSameVectors() throws IOException {
        TestModels.minilm();
        Path tokenizer = new BundledModelFiles(tmp.resolve("bundled"))
                .materialize(new ModelCatalog().require("all-minilm-l6-v2")).tokenizer();
        ModelCatalog catalog = new ModelCatalog();
        UserModels user = UserModels.load(tmp.resolve("data"));
        ModelManager manager = new ModelManager(catalog, user, null, null);

        ModelManager.Result pt = manager.add(folder("tiny-pt", "model.pt", tokenizer), "tiny-pt", null);
        ModelManager.Result onnx = manager.add(folder("tiny-onnx", "model.onnx", tokenizer), "tiny-onnx", null);
        assertThat(pt.engine()).isEqualTo("PyTorch");
        assertThat(onnx.engine()).isEqualTo("OnnxRuntime");
        assertThat(pt.model().dimension()).isEqualTo(16);
        assertThat(onnx.model().dimension()).isEqualTo(16);
        assertThat(pt.warnings()).noneMatch(w -> w.contains("dimensions"));

        EmbedderFactory factory = new EmbedderFactory(catalog, new BundledModelFiles(tmp.resolve("bundled")), 2);
        factory.userModels(user);
        List<String> texts = List.of("Hello World!", "Blue whales feed on krill in cold oceans.",
                "The borrow checker in Rust prevents data races at compile time, " + "and more words ".repeat(20));
        try (Embedder a = factory.open("tiny-pt"); Embedder b = factory.open("tiny-onnx")) {
            List<float[]> va = a.embedPassages(texts);
            List<float[]> vb = b.embedPassages(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(va.get(i)).hasSize(16);
                assertThat(Vectors.dot(va.get(i), vb.get(i))).as(texts.get(i)).isGreaterThanOrEqualTo(0.9999f);
            }
            assertThat(Vectors.dot(a.embedQuery("Hello World!"), b.embedQuery("Hello World!")))
                    .isGreaterThanOrEqualTo(0.9999f);
        }
    }
}

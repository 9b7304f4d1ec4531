package dev.semdex.embed.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.chunk.TokenSpans;
import dev.semdex.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK client (version, tags, show, pull), URL handling, the token estimate and {@code semdex ollama check}. */
class OllamaClientTest {

    @TempDir
    Path tmp;

    private FakeOllama server;
    private OllamaClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeOllama();
        client = new OllamaClient(OllamaConfig.of(server.url()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void readsVersionTagsAndShow() {
        assertThat(client.version()).isEqualTo("0.9.0-fake");
        assertThat(client.models()).containsExactly("all-minilm:latest");
        assertThat(client.hasModel("all-minilm")).isTrue();
        assertThat(client.hasModel("nomic-embed-text")).isFalse();
        OllamaClient.ModelInfo info = client.show("all-minilm");
        assertThat(info.contextLength()).isEqualTo(512);
        assertThat(info.embeddingLength()).isEqualTo(384);
        assertThat(info.embeds()).isTrue();
        assertThatThrownBy(() -> client.show("nomic-embed-text")).isInstanceOf(SemdexException.class)
                .hasMessageContaining("run `ollama pull nomic-embed-text`");
    }

    @Test
    void pullStreamsProgress() {
        server.modelPresent = false;
        List<OllamaClient.PullProgress> seen = new ArrayList<>();
        client.pull("all-minilm", seen::add);
        assertThat(seen).extracting(OllamaClient.PullProgress::status).contains("pulling manifest", "success");
        assertThat(seen).anySatisfy(p -> assertThat(p.completed()).isEqualTo(50));
        assertThat(client.hasModel("all-minilm")).isTrue();
    }

    @Test
    void normalisesWhatPeopleType() {
        assertThat(OllamaConfig.normalizeUrl("gpu-box")).isEqualTo("http://gpu-box:11434");
        assertThat(OllamaConfig.normalizeUrl("0.0.0.0:11434")).isEqualTo("http://localhost:11434");
        assertThat(OllamaConfig.normalizeUrl("https://proxy.example.org/ollama/")).isEqualTo(
                "https://proxy.example.org/ollama");
        assertThat(OllamaConfig.resolveUrl(null, "http://localhost:11434", "gpu:1234")).isEqualTo("http://gpu:1234");
        assertThat(OllamaConfig.resolveUrl(null, "http://box:11434", "gpu:1234")).isEqualTo("http://box:11434");
        assertThat(OllamaConfig.resolveUrl("http://x:1", "http://box:11434", null)).isEqualTo("http://x:1");
        assertThatThrownBy(() -> OllamaConfig.normalizeUrl("ftp://box")).isInstanceOf(SemdexException.class);
    }

    @Test
    void estimateCoversTheTextAndErrsHigh() {
        EstimatingTokenizer tokenizer = new EstimatingTokenizer();
        String text = "Photosynthesis converts light, water and CO2 into sugar — 光合作用.";
        TokenSpans spans = tokenizer.spans(text);
        assertThat(spans.size()).isGreaterThan(text.split("\\s+").length);
        for (int i = 0; i < spans.size(); i++) {
            assertThat(text.substring(spans.starts()[i], spans.ends()[i])).isNotBlank();
        }
        // MiniLM's WordPiece needs fewer tokens than the estimate for ordinary prose
        String prose = "The committee approved the annual budget after a long discussion about transport.";
        assertThat(tokenizer.count(prose)).isGreaterThanOrEqualTo(
                dev.semdex.TestModels.minilm().tokenizer().count(prose));
    }

    @Test
    void checkCommandReportsAndExitsNonZeroWhenSomethingIsWrong() {
        String dataDir = tmp.toString();
        dev.semdex.cli.CliRunner.Result ok = dev.semdex.cli.CliRunner.run("--data-dir", dataDir, "ollama", "check",
                "--ollama-url", server.url(), "--model", "all-minilm");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Ollama 0.9.0-fake").contains("Dimension: 384").contains("Context: 512 tokens")
                .contains("counted with the model's own tokenizer")
                .contains("Stored as: ollama:all-minilm@" + server.url().substring("http://".length()));
        dev.semdex.cli.CliRunner.Result missing = dev.semdex.cli.CliRunner.run("--data-dir", dataDir, "ollama",
                "check", "--ollama-url", server.url(), "--model", "nomic-embed-text");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("Model not found — run `ollama pull nomic-embed-text` on the server");
        server.modelPresent = false;
        assertThat(Main.runCommand("--data-dir", dataDir, "ollama", "check", "--ollama-url", server.url(),
                "--model", "all-minilm", "--pull")).isZero();
        server.close();
        dev.semdex.cli.CliRunner.Result down = dev.semdex.cli.CliRunner.run("--data-dir", dataDir, "ollama", "check",
                "--ollama-url", server.url(), "--model", "all-minilm");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.out()).contains("not reachable").contains("Is it running?");
    }
}

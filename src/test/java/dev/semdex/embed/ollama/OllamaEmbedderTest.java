package dev.semdex.embed.ollama;

import dev.semdex.embed.OllamaModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Vectors;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama embedder against a fake server: real vectors, batching, retries and every fault's message. */
class OllamaEmbedderTest {

    private FakeOllama server;
    private OllamaEmbedder embedder;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeOllama();
    }

    @AfterEach
    void tearDown() {
        if (embedder != null) {
            embedder.close();
        }
        server.close();
    }

    private OllamaConfig config() {
        return OllamaConfig.of(server.url()).withRetries(3, Duration.ofMillis(10)).withBatching(8, 2)
                .withTimeout(Duration.ofSeconds(20));
    }

    private OllamaEmbedder open(OllamaConfig config) {
        embedder = OllamaEmbedder.open(config, new ModelCatalog().require("ollama:all-minilm"));
        return embedder;
    }

    private static List<String> texts(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("Passage number " + i + " talks about topic " + (i % 7) + " and nothing else.");
        }
        return out;
    }

    @Test
    void catalogResolvesOllamaIds() {
        ModelSpec spec = new ModelCatalog().require("ollama:nomic-embed-text");
        assertThat(spec.source()).isEqualTo(ModelSource.OLLAMA);
        assertThat(spec.passagePrefix()).isEqualTo("search_document: ");
        assertThat(spec.chunkProfile()).startsWith(OllamaModels.TOKENIZER_FAMILY);
        assertThat(new ModelCatalog().find("ollama:")).isEmpty();
    }

    @Test
    void embedsInBoundedBatchesWithTheSameVectorsAsTheLocalModel() {
        open(config().withHeaders(FakeOllama.bearer("s3cret")));
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(embedder.model().dimension()).isEqualTo(384);
        assertThat(embedder.model().maxTokens()).isEqualTo(512);
        assertThat(embedder.model().chunkTokens()).isEqualTo(256);

        List<String> texts = texts(50);
        List<float[]> remote = embedder.embedPassages(texts);
        List<float[]> local = TestModels.minilm().embedPassages(texts);

        assertThat(remote).hasSize(50);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.dot(remote.get(i), local.get(i))).isGreaterThan(0.9999f);
        }
        assertThat(server.batchSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(8));
        assertThat(server.maxInFlight.get()).isLessThanOrEqualTo(2);
        assertThat(server.authorizations).containsOnly("Bearer s3cret");
        assertThat(embedder.config().toString()).doesNotContain("s3cret").contains("Authorization");
        float[] q = embedder.embedQuery("topic 3");
        assertThat(Vectors.dot(q, q)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void serverDownSaysHowToFixIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OllamaConfig down = OllamaConfig.of("http://127.0.0.1:" + port).withRetries(1, Duration.ofMillis(10));
        assertThatThrownBy(() -> open(down)).isInstanceOf(SemdexException.class)
                .hasMessageContaining("Cannot reach the Ollama server at http://127.0.0.1:" + port)
                .hasMessageContaining("connection refused").hasMessageContaining("OLLAMA_HOST=0.0.0.0");
    }

    @Test
    void serverGoingAwayMidRunIsReportedAsUnreachable() {
        open(config());
        server.close();
        assertThatThrownBy(() -> embedder.embedPassages(texts(3))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("Cannot reach the Ollama server");
    }

    @Test
    void missingModelSaysToPullIt() {
        assertThatThrownBy(() -> OllamaEmbedder.open(config(), new ModelCatalog().require("ollama:nomic-embed-text")))
                .isInstanceOf(SemdexException.class)
                .hasMessageContaining("model not found — run `ollama pull nomic-embed-text` on the server");

        open(config());
        server.fault(FakeOllama.Fault.NOT_FOUND, -1);
        int before = server.embedRequests.get();
        assertThatThrownBy(() -> embedder.embedPassages(texts(3))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("model not found — run `ollama pull all-minilm`");
        assertThat(server.embedRequests.get() - before).as("no retry after a 4xx").isEqualTo(1);
    }

    @Test
    void badRequestIsNotRetried() {
        open(config());
        server.fault(FakeOllama.Fault.BAD_REQUEST, -1);
        int before = server.embedRequests.get();
        assertThatThrownBy(() -> embedder.embedPassages(texts(3))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("rejected the request").hasMessageContaining("HTTP 400: invalid input type");
        assertThat(server.embedRequests.get() - before).isEqualTo(1);
    }

    @Test
    void serverErrorIsRetriedAndThenSucceeds() {
        open(config());
        server.fault(FakeOllama.Fault.SERVER_ERROR, 2);
        int before = server.embedRequests.get();
        List<float[]> vectors = embedder.embedPassages(texts(3));
        assertThat(vectors).hasSize(3);
        assertThat(server.embedRequests.get() - before).isEqualTo(3);
    }

    @Test
    void persistentServerErrorGivesUpWithTheServersMessage() {
        open(config());
        server.fault(FakeOllama.Fault.SERVER_ERROR, -1);
        assertThatThrownBy(() -> embedder.embedPassages(texts(3))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("failed (HTTP 500: do embedding request")
                .hasMessageContaining("tried 4 times");
    }

    @Test
    void timeoutIsRetriedThenReported() {
        open(config().withTimeout(Duration.ofSeconds(1)).withRetries(1, Duration.ofMillis(10)));
        server.fault(FakeOllama.Fault.SLOW, -1);
        assertThatThrownBy(() -> embedder.embedPassages(texts(2))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("did not answer within 1 s").hasMessageContaining("tried 2 times");
    }

    @Test
    void wrongDimensionIsRejected() {
        open(config());
        server.fault(FakeOllama.Fault.WRONG_DIMENSION, -1);
        assertThatThrownBy(() -> embedder.embedPassages(texts(3))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("192 dimensions where 384 were expected");
    }

    @Test
    void wrongDimensionAtTheProbeIsRejected() {
        server.fault(FakeOllama.Fault.WRONG_DIMENSION, -1);
        assertThatThrownBy(() -> open(config())).isInstanceOf(SemdexException.class)
                .hasMessageContaining("192 dimensions where 384 were expected");
    }

    @Test
    void nanIsRejected() {
        open(config());
        server.fault(FakeOllama.Fault.NAN, -1);
        assertThatThrownBy(() -> embedder.embedPassages(texts(3))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("NaN or infinite values");
    }

    @Test
    void invalidJsonIsReported() {
        open(config());
        server.fault(FakeOllama.Fault.INVALID_JSON, -1);
        assertThatThrownBy(() -> embedder.embedPassages(texts(3))).isInstanceOf(SemdexException.class)
                .hasMessageContaining("sent an answer Semdex cannot read");
    }

    @Test
    void interruptCancelsAWaitingCall() throws Exception {
        open(config().withBatching(2, 2));
        server.fault(FakeOllama.Fault.SLOW, -1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                embedder.embedPassages(texts(6));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void everyRequestAsksForAContextThatFitsAndACutIsReported() {
        embedder = OllamaEmbedder.open(config(), new ModelCatalog().require("ollama:all-minilm"),
                TestModels.minilm().tokenizer(), "bert-base-uncased");
        assertThat(embedder.exactTokenCounts()).isTrue();
        assertThat(embedder.model().chunkProfile()).isEqualTo("bert-base-uncased:256");
        assertThat(embedder.requestedContext()).isEqualTo(512);
        String longPassage = "Rivers carry sediment from the mountains down to the sea. ".repeat(15);
        embedder.embedPassages(List.of(longPassage, "short"));
        assertThat(server.numCtxSeen).isNotEmpty().allMatch(n -> n == 512);
        assertThat(embedder.warnings()).isEmpty();

        server.ignoreNumCtx = true;
        server.defaultContext = 64;
        float[] cut = embedder.embedPassages(List.of(longPassage)).get(0);
        assertThat(embedder.warnings()).hasSize(1);
        assertThat(embedder.warnings().get(0)).contains("cut some passages").contains("num_ctx 512");
        assertThat(Vectors.dot(cut, TestModels.minilm().embedPassages(List.of(longPassage)).get(0)))
                .as("the server really embedded less").isLessThan(0.9999f);
    }

    @Test
    void passagesFillingTheContextAreNotReportedAndOneLongerThanItIs() {
        embedder = OllamaEmbedder.open(config(), new ModelCatalog().require("ollama:all-minilm"),
                TestModels.minilm().tokenizer(), "bert-base-uncased");
        assertThat(TestModels.minilm().tokenizer().count("word ".repeat(510))).isEqualTo(510);
        embedder.embedPassages(List.of("word ".repeat(510), "word ".repeat(510), "word ".repeat(509)));
        assertThat(embedder.warnings()).as("the server reads 510 of a 512-token context").isEmpty();

        embedder.embedPassages(List.of("word ".repeat(515)));
        assertThat(embedder.warnings()).hasSize(1);
        assertThat(embedder.warnings().get(0)).contains("read only the first 510 tokens of 1 text longer than its "
                + "context of 512 tokens (the longest had 515)");
    }

    @Test
    void aServerReadingFewerTokensThanItsContextAllowsIsReportedEvenInALargeBatch() {
        embedder = OllamaEmbedder.open(config().withBatching(32, 1), new ModelCatalog().require("ollama:all-minilm"),
                TestModels.minilm().tokenizer(), "bert-base-uncased");
        server.ignoreNumCtx = true;
        server.defaultContext = 400;
        List<String> batch = new ArrayList<>(java.util.Collections.nCopies(31, "word ".repeat(60)));
        batch.add("word ".repeat(510));
        embedder.embedPassages(batch);
        assertThat(embedder.warnings()).as("one passage lost 112 of 2,370 tokens").hasSize(1);
        assertThat(embedder.warnings().get(0)).contains("cut some passages");
    }

    @Test
    void theEstimateNeverReportsACutThatDidNotHappen() {
        open(config());
        assertThat(embedder.exactTokenCounts()).isFalse();
        embedder.embedPassages(List.of("Rivers carry sediment from the mountains down to the sea. ".repeat(15)));
        assertThat(embedder.warnings()).isEmpty();
    }

    @Test
    void idsNameTheServerSoTwoServersNeverShareVectors() {
        String a = OllamaModels.qualify("ollama:nomic-embed-text", "http://gpu-box:11434/");
        String b = OllamaModels.qualify("ollama:nomic-embed-text", "https://proxy.example/ollama");
        assertThat(a).isEqualTo("ollama:nomic-embed-text@gpu-box:11434");
        assertThat(b).isEqualTo("ollama:nomic-embed-text@https://proxy.example/ollama");
        assertThat(OllamaModels.qualify(a, "http://other:11434")).isEqualTo(a);
        assertThat(OllamaModels.modelName(b)).isEqualTo("nomic-embed-text");
        assertThat(OllamaModels.server(a)).contains("http://gpu-box:11434");
        assertThat(OllamaModels.server("ollama:all-minilm")).isEmpty();
        ModelSpec spec = new ModelCatalog().require(a);
        assertThat(spec.passagePrefix()).isEqualTo("search_document: ");
        assertThat(spec.displayName()).contains("gpu-box:11434");
        assertThat(OllamaModels.hint("jina/jina-embeddings-v2-small-en:latest").tokenizerModel())
                .isEqualTo("jina-embeddings-v2-small-en");
    }

    @Test
    void indexingWaitsForAServerThatStopsAnsweringAndCarriesOn() {
        open(config().withRetries(0, Duration.ofMillis(10)).withTimeout(Duration.ofMillis(700)));
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.semdex.embed.WaitingEmbedder waiting = new dev.semdex.embed.WaitingEmbedder(embedder,
                new dev.semdex.embed.WaitingEmbedder.Listener() {
                    @Override
                    public void waiting(dev.semdex.embed.ServerUnavailableException reason, Duration next) {
                        events.add("waiting " + reason.server());
                    }

                    @Override
                    public void resumed() {
                        events.add("resumed");
                    }
                }, Duration.ofMillis(20), Duration.ofMillis(40));
        server.fault(FakeOllama.Fault.SLOW, 2);
        List<float[]> vectors = waiting.embedPassages(texts(3));
        assertThat(vectors).hasSize(3);
        assertThat(events).containsExactly("waiting " + server.url(), "waiting " + server.url(), "resumed");

        server.fault(FakeOllama.Fault.BAD_REQUEST, 1);
        assertThatThrownBy(() -> waiting.embedPassages(texts(1))).as("other failures pass through")
                .isInstanceOf(SemdexException.class).hasMessageContaining("HTTP 400");
    }
}

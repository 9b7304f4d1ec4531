package dev.semdex.embed.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ForwardingEmbedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Vectors;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.Indexer;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several fake Ollama servers that take a while per request, as GPU boxes do. */
class MultiServerEmbedderTest {

    private static final String SEED = "all-minilm weights";
    /** Probes per server when it joins: the embedder's dimension probe and the fleet's same-model probe. */
    private static final int PROBE_TEXTS = 2;

    @TempDir
    Path tmp;

    private final List<FakeOllama> servers = new ArrayList<>();
    private final List<Embedder> opened = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 0; i < 2; i++) {
            FakeOllama server = new FakeOllama();
            server.hashSeed = SEED;
            servers.add(server);
        }
    }

    @AfterEach
    void tearDown() {
        opened.forEach(Embedder::close);
        servers.forEach(FakeOllama::close);
    }

    private static OllamaConfig config(String url) {
        return OllamaConfig.of(url).withBatching(4, 2).withRetries(0, Duration.ofMillis(10))
                .withTimeout(Duration.ofSeconds(20));
    }

    private static ModelSpec spec() {
        return new ModelCatalog().require("ollama:all-minilm");
    }

    private <T extends Embedder> T keep(T embedder) {
        opened.add(embedder);
        return embedder;
    }

    private MultiServerEmbedder fleet(String... urls) {
        List<OllamaConfig> configs = java.util.Arrays.stream(urls).map(MultiServerEmbedderTest::config).toList();
        return keep(MultiServerEmbedder.open(configs, spec(), TestModels.minilm().tokenizer(), "bert-base-uncased",
                false));
    }

    private static List<String> passages(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("Passage " + i + " on the care of orchards in a dry summer.");
        }
        return out;
    }

    /** Files of sixteen distinct passages each, so that every file fills the call of two servers. */
    private Path folder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("docs"));
        for (int f = 0; f < 12; f++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 425; s++) {
                text.append("Note ").append(s).append(" of file ").append(f).append(" about rivers. ");
            }
            Files.writeString(folder.resolve("file" + f + ".txt"), text);
        }
        return folder;
    }

    private IndexSummary index(Path folder, Embedder embedder, String db) {
        try (Database database = Database.open(tmp.resolve(db)); TextExtractor extractor = new TextExtractor()) {
            return new Indexer(new IndexStore(database), extractor, new FolderScanner(), ScanOptions.defaults())
                    .index(List.of(folder), embedder, IndexListener.NONE);
        }
    }

    /**
     * An embedder that counts the wall time during which at least one call is in flight: the servers' part of a run,
     * without the indexer's own work between calls, which no number of servers shortens.
     */
    private static final class BusyTime extends ForwardingEmbedder {
        private int inFlight;
        private long since;
        private long busyNanos;

        BusyTime(Embedder inner) {
            super(inner);
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            synchronized (this) {
                if (inFlight++ == 0) {
                    since = System.nanoTime();
                }
            }
            try {
                return inner().embedPassages(passages);
            } finally {
                synchronized (this) {
                    if (--inFlight == 0) {
                        busyNanos += System.nanoTime() - since;
                    }
                }
            }
        }

        synchronized long busyNanos() {
            return busyNanos;
        }
    }

    @Test
    void twoServersIndexAFolderAboutTwiceAsFastAsOne() throws Exception {
        servers.forEach(s -> s.latencyMillis = 100);
        Path folder = folder();
        OllamaEmbedder one = keep(OllamaEmbedder.open(config(servers.get(0).url()), spec(),
                TestModels.minilm().tokenizer(), "bert-base-uncased"));
        MultiServerEmbedder two = fleet(servers.get(0).url(), servers.get(1).url());

        // What is timed is the servers' part: the calls to the embedder, not the reading and storing around them.
        BusyTime oneTimed = new BusyTime(one);
        BusyTime twoTimed = new BusyTime(two);
        IndexSummary alone = index(folder, oneTimed, "one.db");
        IndexSummary shared = index(folder, twoTimed, "two.db");
        long oneServer = oneTimed.busyNanos();
        long twoServers = twoTimed.busyNanos();

        // The indexer embeds a file's passages in calls of up to passagesPerCall: 8 for one server, 16 for two. At 16
        // passages a file, one server needs two calls a file and two servers one; a file of 18 would need three and
        // two, and two servers could not come near twice as fast.
        assertThat(alone.passagesEmbedded()).as("each file cuts into 16 passages, as the timing assumes")
                .isEqualTo(12 * 16L);
        assertThat(shared.passagesEmbedded()).as("one and two servers cut the folder the same way")
                .isEqualTo(alone.passagesEmbedded());
        double speedUp = (double) oneServer / twoServers;
        System.out.printf(Locale.ROOT, "multi-server: %d passages, one server %.2f s, two %.2f s, %.2fx%n",
                alone.passagesEmbedded(), oneServer / 1e9, twoServers / 1e9, speedUp);
        assertThat(speedUp).as("two servers against one").isGreaterThanOrEqualTo(1.5);
        assertThat(servers.get(1).textsAnswered.get()).as("the second server took its share")
                .isGreaterThan((int) (shared.passagesEmbedded() / 3));
    }

    @Test
    void aServerKilledMidRunLeavesTheOtherToFinishWithNothingLostOrEmbeddedTwice() throws Exception {
        servers.forEach(s -> s.latencyMillis = 40);
        MultiServerEmbedder fleet = fleet(servers.get(0).url(), servers.get(1).url());
        List<String> texts = passages(200);
        CompletableFuture<List<float[]>> run = CompletableFuture.supplyAsync(() -> fleet.embedPassages(texts));
        Thread.sleep(250);
        servers.get(1).close();
        List<float[]> vectors = run.get();

        assertThat(vectors).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.dot(vectors.get(i), FakeOllama.hashed(SEED, texts.get(i)))).as("passage %d", i)
                    .isGreaterThan(0.9999f);
        }
        int received = servers.stream().mapToInt(s -> s.textsReceived.get()).sum() - 2 * PROBE_TEXTS;
        int inFlightOnTheDeadServer = 4 * 2;
        assertThat(received - texts.size()).as("sent again: only what the dead server held")
                .isBetween(0, inFlightOnTheDeadServer);
        assertThat(servers.get(1).textsAnswered.get()).as("it worked before it died").isGreaterThan(PROBE_TEXTS);
        assertThat(fleet.warnings()).anySatisfy(w -> assertThat(w).contains(servers.get(1).url())
                .contains("stopped answering"));
        assertThat(fleet.embedPassages(passages(10))).as("and the next call goes on without it").hasSize(10);
    }

    @Test
    void aServerDownAtTheStartIsLeftOutUntilItAnswers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MultiServerEmbedder fleet = fleet("http://127.0.0.1:" + port, servers.get(0).url());
        List<float[]> vectors = fleet.embedPassages(passages(20));
        assertThat(vectors).hasSize(20).allSatisfy(v -> assertThat(v).hasSize(384));
        assertThat(fleet.servers()).hasSize(2);
    }

    @Test
    void serversWithDifferentModelsUnderOneNameAreRefused() {
        servers.get(1).hashSeed = "another quantisation";
        assertThatThrownBy(() -> fleet(servers.get(0).url(), servers.get(1).url()))
                .isInstanceOf(SemdexException.class)
                .hasMessageContaining("serve different models as 'all-minilm'")
                .hasMessageContaining("cosine");
    }

    @Test
    void whenNoServerIsLeftTheCallSaysSoSoThatIndexingCanWait() {
        MultiServerEmbedder fleet = fleet(servers.get(0).url(), servers.get(1).url());
        servers.forEach(FakeOllama::close);
        assertThatThrownBy(() -> fleet.embedPassages(passages(12)))
                .isInstanceOf(dev.semdex.embed.ServerUnavailableException.class)
                .hasMessageContaining("None of the 2 Ollama servers answers");
    }
}

package dev.semdex.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.Semdex;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ServerUnavailableException;
import dev.semdex.embed.WaitingEmbedder;
import dev.semdex.embed.ollama.FakeOllama;
import dev.semdex.embed.ollama.OllamaConfig;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window and the command line get the same model ids and the same patience with a server that goes away. */
class ModelServiceTest {

    @TempDir Path dir;

    private static final WaitingEmbedder.Listener QUIET = new WaitingEmbedder.Listener() {
        @Override
        public void waiting(ServerUnavailableException reason, Duration nextTryIn) {}

        @Override
        public void resumed() {}
    };

    @Test
    void anOllamaModelWaitsForItsServerWhileIndexingAndALocalOneHasNothingToWaitFor() throws Exception {
        try (FakeOllama server = new FakeOllama();
                Semdex semdex = Semdex.open(new AppDirs(dir, dir, Path.of("target", "ui-test-cache")
                        .toAbsolutePath()), Settings.defaults().withEmbeddingThreads(1)
                        .withOllama(server.url(), "all-minilm", Map.of()))) {
            ModelService models = semdex.models();
            String id = "ollama:all-minilm@" + OllamaConfig.normalizeUrl(server.url()).substring("http://".length());
            assertThat(models.canonicalId("ollama:all-minilm")).isEqualTo(id);

            try (EmbedderLease lease = models.leaseForIndexing("ollama:all-minilm", QUIET)) {
                assertThat(lease.embedder()).isInstanceOf(WaitingEmbedder.class);
                assertThat(lease.embedder().model().id()).isEqualTo(id);
            }
            try (EmbedderLease local = models.leaseForIndexing(ModelCatalog.DEFAULT_MODEL, QUIET);
                    EmbedderLease plain = models.lease(ModelCatalog.DEFAULT_MODEL)) {
                assertThat(local.embedder()).isSameAs(plain.embedder());
            }
        }
    }

    @Test
    void withSeveralServersTheIdIsTheOneTheIndexHasElseTheFirstServers() {
        java.util.Set<String> indexed = new java.util.HashSet<>();
        IndexedModels index = new IndexedModels() {
            @Override
            public java.util.Set<String> ids() {
                return indexed;
            }

            @Override
            public int removeVectors(String modelId) {
                return 0;
            }
        };
        Settings settings = Settings.defaults().withEmbeddingThreads(1)
                .withOllamaServers(java.util.List.of("http://gpu-a:11434", "http://gpu-b:11434"));
        try (ModelService models = new ModelService(new AppDirs(dir, dir, Path.of("target", "ui-test-cache")
                .toAbsolutePath()), settings, index)) {
            assertThat(models.ollamaServers()).hasSize(2);
            assertThat(models.canonicalId("ollama:all-minilm")).isEqualTo("ollama:all-minilm@gpu-a:11434");
            indexed.add("ollama:all-minilm@gpu-b:11434");
            assertThat(models.canonicalId("ollama:all-minilm")).as("an index built on the second server alone")
                    .isEqualTo("ollama:all-minilm@gpu-b:11434");
        }
    }
}

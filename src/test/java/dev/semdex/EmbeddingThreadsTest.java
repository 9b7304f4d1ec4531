package dev.semdex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Vectors;
import dev.semdex.embed.djl.DjlEmbedder;
import dev.semdex.models.EmbedderLease;
import dev.semdex.models.ModelService;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed thread count in the settings takes effect without restarting: the model reopens with it, while a run
 * or search that holds the old one finishes with it.
 */
class EmbeddingThreadsTest {

    @TempDir Path dir;

    private Semdex open() {
        AppDirs dirs = new AppDirs(dir, dir, Path.of("target", "ui-test-cache").toAbsolutePath());
        return Semdex.open(dirs, Settings.defaults().withEmbeddingThreads(1));
    }

    @Test
    void aLeasedModelSurvivesANewThreadCountAndClosesOnceReleased() {
        try (Semdex semdex = open()) {
            ModelService models = semdex.models();
            EmbedderLease lease = models.lease(ModelCatalog.DEFAULT_MODEL);
            Embedder before = lease.embedder();
            assertThat(((DjlEmbedder) before).threads()).isEqualTo(1);
            float[] vector = before.embedQuery("bees make honey");

            models.embeddingThreads(1);
            try (EmbedderLease same = models.lease(ModelCatalog.DEFAULT_MODEL)) {
                assertThat(same.embedder()).as("same count: nothing to redo").isSameAs(before);
            }
            models.embeddingThreads(2);
            assertThat(before.embedQuery("still open while leased")).hasSize(384);

            try (EmbedderLease next = models.lease(ModelCatalog.DEFAULT_MODEL)) {
                Embedder after = next.embedder();
                assertThat(after).isNotSameAs(before);
                assertThat(((DjlEmbedder) after).threads()).isEqualTo(2);
                assertThat(Vectors.dot(after.embedQuery("bees make honey"), vector)).isGreaterThan(0.9999f);
            }
            lease.close();
            assertThatThrownBy(() -> before.embedQuery("closed with its last lease"))
                    .isInstanceOf(CancellationException.class);
            assertThat(models.embeddingThreads()).isEqualTo(2);
        }
    }

    @Test
    void anUnusedModelClosesAtOnceWhenTheCountChanges() {
        try (Semdex semdex = open()) {
            Embedder unused;
            try (EmbedderLease lease = semdex.models().lease(ModelCatalog.DEFAULT_MODEL)) {
                unused = lease.embedder();
            }
            assertThat(unused.embedQuery("open and cached")).hasSize(384);

            semdex.models().embeddingThreads(2);
            assertThatThrownBy(() -> unused.embedQuery("closed at once")).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void anEmbedderKeptByTheLabGoesOnWithTheReopenedModelAfterTheCountChanges() {
        try (Semdex semdex = open()) {
            Embedder kept = semdex.models().leasingPerCall(ModelCatalog.DEFAULT_MODEL);
            float[] before = kept.embedQuery("bees make honey");
            Embedder shared;
            try (EmbedderLease lease = semdex.models().lease(ModelCatalog.DEFAULT_MODEL)) {
                shared = lease.embedder();
            }

            semdex.models().embeddingThreads(2);

            assertThatThrownBy(() -> shared.embedQuery("the old one is closed"))
                    .isInstanceOf(CancellationException.class);
            assertThat(Vectors.dot(kept.embedQuery("bees make honey"), before)).isGreaterThan(0.9999f);
            try (EmbedderLease lease = semdex.models().lease(ModelCatalog.DEFAULT_MODEL)) {
                assertThat(((DjlEmbedder) lease.embedder()).threads()).isEqualTo(2);
            }
        }
    }

    @Test
    void theDefaultLeavesOneCoreForTheWindow() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(Settings.defaults().embeddingThreads()).isEqualTo(Math.max(1, cores - 1));
    }
}

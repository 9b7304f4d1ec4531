package dev.semdex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Vectors;
import dev.semdex.embed.djl.DjlEmbedder;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed thread count in the settings takes effect without restarting: the model reopens with it. */
class EmbeddingThreadsTest {

    @TempDir Path dir;

    @Test
    void aNewThreadCountReopensLocalModelsOnTheirNextUse() {
        AppDirs dirs = new AppDirs(dir, dir, Path.of("target", "ui-test-cache").toAbsolutePath());
        try (Semdex semdex = Semdex.open(dirs, 1)) {
            Embedder before = semdex.embedder(ModelCatalog.DEFAULT_MODEL);
            assertThat(((DjlEmbedder) before).threads()).isEqualTo(1);
            float[] vector = before.embedQuery("bees make honey");

            assertThat(semdex.embeddingThreads(1)).as("same count: nothing to redo").isEmpty();
            List<Embedder> retired = semdex.embeddingThreads(2);
            assertThat(retired).containsExactly(before);
            assertThat(before.embedQuery("still usable until closed")).hasSize(384);
            retired.forEach(Embedder::close);

            Embedder after = semdex.embedder(ModelCatalog.DEFAULT_MODEL);
            assertThat(after).isNotSameAs(before);
            assertThat(((DjlEmbedder) after).threads()).isEqualTo(2);
            assertThat(Vectors.dot(after.embedQuery("bees make honey"), vector)).isGreaterThan(0.9999f);
            assertThat(semdex.embeddingThreads()).isEqualTo(2);
        }
    }

    @Test
    void theDefaultLeavesOneCoreForTheWindow() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(Settings.defaults().embeddingThreads()).isEqualTo(Math.max(1, cores - 1));
    }
}

package dev.semdex.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpeedsTest {

    @TempDir Path dir;

    @Test
    void aRunsSpeedIsRememberedAcrossRestartsAndTinyRunsAreIgnored() {
        Path file = dir.resolve("model-speeds.properties");
        ModelSpeeds speeds = new ModelSpeeds(file);
        speeds.record("bge-small-en-v1.5", 2_300, Duration.ofSeconds(710));
        speeds.record("all-minilm-l6-v2-q", 12, Duration.ofSeconds(1));
        assertThat(new ModelSpeeds(file).passagesPerSecond("bge-small-en-v1.5").getAsDouble())
                .isCloseTo(3.24, org.assertj.core.data.Offset.offset(0.01));
        assertThat(new ModelSpeeds(file).passagesPerSecond("all-minilm-l6-v2-q")).as("too small to tell").isEmpty();
    }

    @Test
    void theShippedQualityFiguresAreTheReadmesSciFactTable() {
        assertThat(SciFactQuality.of("bge-small-en-v1.5")).hasValueSatisfying(f -> {
            assertThat(f.hybrid()).isEqualTo(0.7319);
            assertThat(f.vector()).isEqualTo(0.7127);
        });
        assertThat(SciFactQuality.of("jina-embeddings-v2-small-en")).isEmpty();
    }
}

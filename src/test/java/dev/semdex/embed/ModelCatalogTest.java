package dev.semdex.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    private final ModelCatalog catalog = new ModelCatalog();

    @Test
    void prefixesAndPoolingFollowTheModelCards() {
        ModelSpec bge = catalog.require("bge-small-en-v1.5");
        assertThat(bge.pooling()).isEqualTo(Pooling.CLS);
        assertThat(bge.queryPrefix()).isEqualTo("Represent this sentence for searching relevant passages: ");
        assertThat(bge.passagePrefix()).isEmpty();
        ModelSpec e5 = catalog.require("e5-small-v2-q");
        assertThat(e5.queryPrefix()).isEqualTo("query: ");
        assertThat(e5.passagePrefix()).isEqualTo("passage: ");
        assertThat(e5.quantized()).isTrue();
        assertThat(catalog.require("all-minilm-l6-v2").maxTokens()).isEqualTo(256);
        assertThat(catalog.require("jina-embeddings-v2-base-en").dimension()).isEqualTo(768);
        assertThat(catalog.require("jina-embeddings-v2-small-en").maxTokens()).isEqualTo(8192);
    }

    @Test
    void modelsWithTheSameTokenizerAndSizeShareChunks() {
        assertThat(catalog.require("all-minilm-l6-v2").chunkProfile())
                .isEqualTo(catalog.require("all-minilm-l6-v2-q").chunkProfile())
                .isNotEqualTo(catalog.require("bge-small-en-v1.5").chunkProfile());
    }

    @Test
    void theChunkSizeOfLongInputModelsIsASettingCappedAtTheirLimit() {
        assertThat(catalog.require("jina-embeddings-v2-small-en").chunkTokens()).isEqualTo(512);
        String before = catalog.require("jina-embeddings-v2-base-en").chunkProfile();
        catalog.longChunkTokens(2048);
        ModelSpec jina = catalog.require("jina-embeddings-v2-base-en");
        assertThat(jina.chunkTokens()).isEqualTo(2048);
        assertThat(jina.chunkProfile()).as("a new size cuts new chunks").isNotEqualTo(before).endsWith(":2048");
        assertThat(catalog.all()).filteredOn(m -> m.id().startsWith("jina-"))
                .allMatch(m -> m.chunkTokens() == 2048);
        assertThat(catalog.require("bge-small-en-v1.5").chunkTokens()).as("512-token models keep theirs")
                .isEqualTo(512);
        catalog.register(new ModelSpec("long-user-model", "x", 384, 4096, 512, Pooling.MEAN, "", "",
                ModelSource.DOWNLOAD, "user:x", null, null, false));
        catalog.longChunkTokens(8192);
        assertThat(catalog.require("long-user-model").chunkTokens()).isEqualTo(4096);
        assertThat(catalog.require("ollama:nomic-embed-text").chunkTokens()).isEqualTo(512);
    }

    @Test
    void catalogEntriesCarryWhatTheModelManagerShows() {
        ModelDetails jina = catalog.require("jina-embeddings-v2-small-en").details();
        assertThat(jina.parameters()).isEqualTo("33M");
        assertThat(jina.licence()).isEqualTo("Apache-2.0");
        assertThat(jina.downloadBytes()).isBetween(120_000_000L, 140_000_000L);
        assertThat(jina.sha256Of("model.onnx")).isNull();
        assertThat(catalog.require("bge-small-en-v1.5").details().licence()).isEqualTo("MIT");
    }

    @Test
    void unknownModelIsAClearError() {
        assertThatThrownBy(() -> catalog.require("gpt-17")).isInstanceOf(SemdexException.class)
                .hasMessageContaining("semdex models");
    }
}

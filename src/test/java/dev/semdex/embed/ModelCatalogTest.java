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
    void unknownModelIsAClearError() {
        assertThatThrownBy(() -> catalog.require("gpt-17")).isInstanceOf(SemdexException.class)
                .hasMessageContaining("semdex models");
    }
}

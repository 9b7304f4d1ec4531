package dev.semdex.embed.ollama;

import dev.semdex.embed.OllamaModels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Vectors;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Against a real Ollama server, only when {@code SEMDEX_OLLAMA_URL} is set (model: {@code SEMDEX_OLLAMA_MODEL},
 * default all-minilm, which must be pulled). Example: {@code SEMDEX_OLLAMA_URL=http://gpu-box:11434 mvn test
 * -Dtest=OllamaLiveTest}.
 */
class OllamaLiveTest {

    @Test
    void embedsAndRanksOnARealServer() {
        String url = System.getenv("SEMDEX_OLLAMA_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "SEMDEX_OLLAMA_URL not set");
        String model = System.getenv().getOrDefault("SEMDEX_OLLAMA_MODEL", "all-minilm");
        OllamaConfig config = OllamaConfig.of(url).withHeaders(OllamaConfig.withBearer(java.util.Map.of(),
                System.getenv("SEMDEX_OLLAMA_TOKEN")));
        OllamaClient client = new OllamaClient(config);
        assertThat(client.version()).isNotBlank();
        try (OllamaEmbedder embedder = OllamaEmbedder.open(config,
                new ModelCatalog().require(OllamaModels.PREFIX + model))) {
            assertThat(embedder.dimension()).isPositive();
            List<float[]> docs = embedder.embedPassages(List.of("Volcanoes erupt when magma rises through the crust.",
                    "Knead the dough and bake the bread in a hot oven."));
            float[] q = embedder.embedQuery("how to make bread");
            assertThat(Vectors.dot(q, docs.get(1))).isGreaterThan(Vectors.dot(q, docs.get(0)));
            assertThat(embedder.warnings()).as("the server's token counts agree with what was sent").isEmpty();
        }
    }
}

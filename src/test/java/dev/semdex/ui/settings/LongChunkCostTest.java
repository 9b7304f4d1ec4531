package dev.semdex.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warning next to the chunk size quotes bench chunk's figures, scaled to Jina v2 small and base. */
class LongChunkCostTest {

    @Test
    void theWarningGrowsWithTheSquareOfTheChunkAndNamesBothModels() {
        // bench chunk on the 4-head fixture: 3,737 MiB at 8,192 tokens, so 8 heads need about 7.8 GB
        assertThat(LongChunkCost.describe(8192)).startsWith("About 7.8 GB (Jina v2 small) or 11.8 GB (base)")
                .contains("per embedding thread").contains("trained on 512");
        assertThat(LongChunkCost.describe(2048)).startsWith("About 490 MB (Jina v2 small) or 735 MB (base)");
        assertThat(LongChunkCost.describe(512)).startsWith("About 31 MB (Jina v2 small) or 46 MB (base)")
                .doesNotContain("trained on 512");
    }
}

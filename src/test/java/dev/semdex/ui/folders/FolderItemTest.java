package dev.semdex.ui.folders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.index.FolderStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FolderItemTest {

    @Test
    void theRowCountsTheFoldersPassagesOnceAndItsTooltipEachModelsWhenTheyDiffer() {
        Instant then = Instant.parse("2026-12-07T10:00:00Z");
        FolderItem item = new FolderItem(new FolderStatus(1, Path.of("/docs"), 123, 0, 324, then, List.of(),
                Map.of("all-minilm-l6-v2-q", 206L, "bge-small-en-v1.5", 324L)));
        assertThat(item.details(then.plusSeconds(30))).startsWith("123 files · 324 passages");
        assertThat(item.passagesPerModel()).isEqualTo(
                "Passages per model:\nall-minilm-l6-v2-q: 206\nbge-small-en-v1.5: 324");

        item.update(new FolderStatus(1, Path.of("/docs"), 123, 0, 206, then, List.of(),
                Map.of("all-minilm-l6-v2", 206L, "all-minilm-l6-v2-q", 206L)));
        assertThat(item.passagesPerModel()).as("models that cut alike need no list").isEmpty();
    }
}

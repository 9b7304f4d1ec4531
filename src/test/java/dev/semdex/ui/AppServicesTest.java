package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.Semdex;
import dev.semdex.TestModels;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.index.IndexListener;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppServicesTest {

    @TempDir
    Path tmp;

    /** Otherwise the window's start-up check would re-embed the folders with the built-in default model. */
    @Test
    void theFirstWindowOnAnIndexMadeFromTheCommandLineKeepsItsModel() throws Exception {
        Path data = tmp.resolve("data");
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "Blue whales feed on krill in cold oceans.");
        AppDirs dirs = new AppDirs(data, data, Path.of("target", "ui-test-cache").toAbsolutePath());
        try (Semdex semdex = Semdex.open(dirs, Settings.defaults().withEmbeddingThreads(1))) {
            semdex.indexer().index(List.of(docs), TestModels.minilm(), IndexListener.NONE);
        }
        AppServices services = AppServices.open(dirs);
        try {
            assertThat(services.settings().defaultModel()).isEqualTo(ModelCatalog.FORMER_DEFAULT_MODEL);
        } finally {
            services.close();
        }

        AppServices fresh = AppServices.open(new AppDirs(tmp.resolve("new"), tmp.resolve("new"),
                Path.of("target", "ui-test-cache").toAbsolutePath()));
        try {
            assertThat(fresh.settings().defaultModel()).isEqualTo(ModelCatalog.DEFAULT_MODEL);
        } finally {
            fresh.close();
        }
    }
}

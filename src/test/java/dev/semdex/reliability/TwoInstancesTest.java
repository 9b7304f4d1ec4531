package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Semdex processes on one data folder: while one writes (here the test process holds the index open, as the
 * window does), another process can search but is refused, with a reason, when it tries to change the index.
 */
@Tag("reliability")
class TwoInstancesTest {

    @TempDir
    Path tmp;

    private static String run(Path log, String... args) throws Exception {
        Process child = ChildJvm.semdex(log, args);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return child.exitValue() + "\n" + Files.readString(log);
    }

    @Test
    void aSecondProcessSearchesButNeverWrites() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "Blue whales feed on krill in cold oceans.");
        Path data = tmp.resolve("data");
        assertThat(run(tmp.resolve("first.log"), "--data-dir", data.toString(), "index", docs.toString()))
                .startsWith("0\n");
        Files.writeString(docs.resolve("soup.md"), "Simmer onions slowly for a French onion soup.");

        try (Database writer = Database.open(data.resolve("index.db"))) {
            assertThat(writer.readOnly()).isFalse();
            String refused = run(tmp.resolve("second.log"), "--data-dir", data.toString(), "index",
                    docs.toString());
            assertThat(refused).startsWith("1\n").contains("Another Semdex").contains("is updating the index");
            String search = run(tmp.resolve("search.log"), "--data-dir", data.toString(), "search", "whales",
                    "--mode", "keyword");
            assertThat(search).startsWith("0\n").contains("whales.txt");
        }
        // Once the first one is gone, the second may write, and nothing was lost in between.
        String after = run(tmp.resolve("third.log"), "--data-dir", data.toString(), "index", docs.toString());
        assertThat(after).startsWith("0\n").contains("Indexed 1 files (1 unchanged");
    }
}

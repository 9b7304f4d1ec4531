package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder that became read-only (folders 0500, files 0400: a read-only mount, a restored backup, permissions
 * taken away). The CLI runs as a user would, without root's override: {@code index} is refused with one sentence
 * that says the data folder is read-only and where, nothing in the folder changes, and {@code search} and
 * {@code status} still answer from the index.
 */
@Tag("reliability")
class ReadOnlyDataDirTest {

    @TempDir
    Path tmp;

    private Path docs;
    private Path data;

    @BeforeEach
    void indexTwoFiles() throws Exception {
        ChildJvm.assumePermissionsBind();
        docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "Blue whales feed on krill in cold oceans.");
        Files.writeString(docs.resolve("soup.md"), "Simmer onions slowly for a French onion soup.");
        data = tmp.resolve("data");
        assertThat(run(false, "index", docs.toString())).startsWith("0\n");
        // Something new to index, so a refused run has something it would have changed.
        Files.writeString(docs.resolve("tea.txt"), "Green tea is steeped at eighty degrees for two minutes.");
    }

    private String run(boolean asUser, String... args) throws Exception {
        String[] all = Stream.concat(Stream.of("--data-dir", data.toString()), Stream.of(args))
                .toArray(String[]::new);
        Path log = Files.createTempFile(tmp, "semdex", ".log");
        Process child = asUser ? ChildJvm.semdexAsUser(log, all) : ChildJvm.semdex(log, all);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return child.exitValue() + "\n" + Files.readString(log);
    }

    /** What the user reads: the output without the JVM's own notice about the incubating Vector API. */
    private static List<String> userLines(String output) {
        return output.lines().skip(1).filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
    }

    private Map<Path, String> snapshot() throws Exception {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.size(p) + ":" + Files.getLastModifiedTime(p) + ":"
                            + java.util.Arrays.hashCode(Files.readAllBytes(p));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    @Test
    void indexIsRefusedWithOneClearLineAndSearchAndStatusStillWork() throws Exception {
        assertThat(data.resolve("index.db-wal")).doesNotExist(); // a clean close leaves the index alone
        Map<Path, String> before = snapshot();
        Permissions.set(data, "r-x------", "r--------");
        try {
            for (String[] command : List.of(new String[] {"index", docs.toString()}, new String[] {"index"})) {
                String refused = run(true, command);
                assertThat(refused).as(String.join(" ", command)).startsWith("1\n");
                assertThat(userLines(refused)).as(refused).containsExactly("semdex: The data folder " + data
                        + " is read-only: searching works, but the index cannot be changed. Make the folder and its "
                        + "files writable again, or use another data folder.");
            }

            String search = run(true, "search", "whales krill");
            assertThat(search).startsWith("0\n").contains("whales.txt").doesNotContain("tea.txt");
            assertThat(userLines(search).get(0)).contains("whales.txt");
            String keyword = run(true, "search", "onion", "--mode", "keyword");
            assertThat(keyword).startsWith("0\n").contains("soup.md");
            String status = run(true, "status");
            assertThat(status).startsWith("0\n").contains(docs + "  files 2  chunks 2  skipped 0");
        } finally {
            Permissions.restore(data);
        }
        assertThat(snapshot()).as("nothing in the data folder changed").isEqualTo(before);
        assertThat(IndexInvariants.check(data.resolve("index.db"), ModelCatalog.DEFAULT_MODEL))
                .containsExactlyInAnyOrder(docs.resolve("whales.txt").toString(), docs.resolve("soup.md").toString());

        // Writable again, the same command simply works.
        assertThat(run(false, "index", docs.toString())).startsWith("0\n").contains("Indexed 1 files (2 unchanged");
    }

    /**
     * A writer that is still running (or was killed) leaves its latest changes in {@code index.db-wal} with the
     * {@code -shm} file beside it; a reader in the read-only folder sees those changes too.
     */
    @Test
    void anIndexWithItsWalFilesIsReadWithItsLatestChanges() throws Exception {
        Path more = Files.createDirectories(tmp.resolve("more"));
        try (Database writer = Database.open(data.resolve("index.db"))) {
            new IndexStore(writer).folders().add(more, List.of());
            assertThat(data.resolve("index.db-wal")).isNotEmptyFile();
            assertThat(data.resolve("index.db-shm")).exists();
            Permissions.set(data, "r-x------", "r--------");
            try {
                String status = run(true, "status");
                assertThat(status).startsWith("0\n").contains(docs + "  files 2").contains(more + "  files 0");
                String refused = run(true, "index", docs.toString());
                assertThat(refused).startsWith("1\n").contains("semdex: The data folder " + data + " is read-only");
                assertThat(run(true, "search", "whales", "--mode", "keyword")).startsWith("0\n")
                        .contains("whales.txt");
            } finally {
                Permissions.restore(data);
            }
        }
    }
}

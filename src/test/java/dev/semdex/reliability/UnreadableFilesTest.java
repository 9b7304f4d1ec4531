package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder with a file and a subfolder the user may not read (chmod 000), indexed by the CLI as a user would run it
 * (without root's override): the run completes, every readable file is found by search, and both the file and the
 * folder are listed as skipped because permission was denied, by {@code index} and by {@code status}. Once readable
 * again, the next run indexes them and they leave the list.
 */
@Tag("reliability")
class UnreadableFilesTest {

    @TempDir
    Path tmp;

    private String run(String... args) throws Exception {
        Path log = Files.createTempFile(tmp, "semdex", ".log");
        Process child = ChildJvm.semdexAsUser(log, args);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return child.exitValue() + "\n" + Files.readString(log);
    }

    @Test
    void unreadableFilesAndFoldersAreSkippedWithTheReasonAndTheRestIsIndexed() throws Exception {
        ChildJvm.assumePermissionsBind();
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "Blue whales feed on krill in cold oceans.");
        Files.writeString(Files.createDirectories(docs.resolve("recipes")).resolve("soup.md"),
                "Simmer onions slowly for a French onion soup.");
        Path locked = Files.writeString(docs.resolve("locked.txt"), "Lighthouse keepers log the passing ships.");
        Path closed = Files.createDirectories(docs.resolve("closed"));
        Files.writeString(closed.resolve("tea.txt"), "Green tea is steeped at eighty degrees.");
        Files.writeString(Files.createDirectories(closed.resolve("inner")).resolve("bees.txt"),
                "Honey bees dance to show where flowers are.");
        String data = tmp.resolve("data").toString();

        Permissions.set(locked, "---------", "---------");
        Permissions.set(closed, "---------", "---------");
        String index;
        String status;
        try {
            index = run("--data-dir", data, "index", docs.toString());
            status = run("--data-dir", data, "status");
        } finally {
            Permissions.restore(closed);
            Permissions.restore(locked);
        }

        assertThat(index).startsWith("0\n").contains("Indexed 2 files (0 unchanged, 0 removed, 2 skipped)")
                .contains("  " + closed + ": permission denied").contains("  " + locked + ": permission denied")
                .doesNotContain("Exception");
        assertThat(status).startsWith("0\n").contains(docs + "  files 2  chunks 2  skipped 2")
                .contains("  " + closed + ": permission denied").contains("  " + locked + ": permission denied");
        for (String query : new String[] {"whales krill", "onion soup"}) {
            assertThat(run("--data-dir", data, "search", query, "-k", "10")).startsWith("0\n")
                    .contains(query.startsWith("whales") ? "whales.txt" : "soup.md")
                    .doesNotContain("tea.txt").doesNotContain("bees.txt").doesNotContain("locked.txt");
        }

        // Readable again: the next run picks them up and nothing is listed as skipped any more.
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        assertThat(run("--data-dir", data, "index", docs.toString())).startsWith("0\n")
                .contains("Indexed 3 files (2 unchanged, 0 removed, 0 skipped)");
        assertThat(run("--data-dir", data, "search", "green tea steeped", "--mode", "keyword")).startsWith("0\n")
                .contains("tea.txt");
        assertThat(run("--data-dir", data, "status")).contains(docs + "  files 5  chunks 5  skipped 0")
                .doesNotContain("permission denied");
    }
}

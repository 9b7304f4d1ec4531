package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.store.Database;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's background indexing, killed: the window is started on a data folder whose folder is half indexed,
 * killed with SIGKILL while it indexes, and started again; it must finish the folder on its own (it re-checks
 * every folder at start), and the index must be intact after the kill.
 */
@Tag("reliability")
class GuiCrashTest {

    private static final String MODEL = ModelCatalog.DEFAULT_MODEL;
    private static final int FILES = 400;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theWindowResumesIndexingAfterBeingKilled() throws Exception {
        assumeThat(System.getenv("DISPLAY")).as("an X display (run under xvfb-run)").isNotBlank();
        Path corpus = tmp.resolve("corpus");
        Corpora.write(corpus, FILES);
        Path data = tmp.resolve("data");
        Path db = data.resolve("index.db");
        // The folder is added by a command-line run that is killed early, as if the machine went down.
        Process cli = ChildJvm.semdex(tmp.resolve("cli.log"), "--data-dir", data.toString(), "index",
                corpus.toString(), "--model", MODEL);
        waitFor(() -> done(db) > 0, cli, 180);
        cli.destroyForcibly().waitFor();
        Set<String> before = IndexInvariants.check(db, MODEL);

        Process window = ChildJvm.semdex(tmp.resolve("window-1.log"), "--data-dir", data.toString());
        int startedAt = before.size();
        waitFor(() -> done(db) > startedAt + 20, window, 180);
        window.destroyForcibly().waitFor();
        Set<String> afterKill = IndexInvariants.check(db, MODEL);
        assertThat(afterKill).containsAll(before).hasSizeGreaterThan(before.size());
        assertThat(afterKill.size()).as("killed before the end").isLessThan(FILES);

        Process again = ChildJvm.semdex(tmp.resolve("window-2.log"), "--data-dir", data.toString());
        waitFor(() -> done(db) == FILES, again, 300);
        again.destroyForcibly().waitFor();
        assertThat(IndexInvariants.check(db, MODEL)).hasSize(FILES);
        System.out.printf("GuiCrashTest: command line killed at %d files, window killed at %d, restarted window "
                + "finished all %d%n", before.size(), afterKill.size(), FILES);
    }

    /** Files the model has finished, read beside the running process (which holds the writer lock). */
    private static int done(Path db) {
        if (!db.toFile().exists()) {
            return 0;
        }
        try (Database read = Database.open(db)) {
            return read.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM document_models WHERE model_id = '" + MODEL + "'")) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            });
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition, Process process, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.holds()) {
            assertThat(process.isAlive()).as("the process is still running").isTrue();
            assertThat(System.nanoTime()).as("waited %d s", seconds).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}

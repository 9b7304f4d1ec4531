package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the command-line indexer with SIGKILL at random moments (while it scans, extracts, embeds and commits, all
 * of which overlap) and checks after every kill that the index is intact, that no finished file was lost, and at
 * the end that a re-run only does the files that were not finished. The seed is printed so a failure can be
 * replayed with {@code -Dsemdex.crash.seed=N}.
 */
@Tag("reliability")
class CrashSafetyTest {

    private static final String MODEL = "all-minilm-l6-v2-q";
    private static final int FILES = 2000;
    private static final int KILLS = 10;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void survivesRepeatedKillsAndResumesWithoutRedoingFinishedFiles() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Corpora.write(corpus, FILES);
        Path data = tmp.resolve("data");
        Path db = data.resolve("index.db");
        long seed = Long.getLong("semdex.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("CrashSafetyTest seed " + seed);

        Set<String> done = Set.of();
        List<String> killedAt = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Path log = tmp.resolve("run-" + kill + ".log");
            Process child = ChildJvm.semdex(log, "--data-dir", data.toString(), "index", corpus.toString(),
                    "--model", MODEL);
            awaitLine(child, log, "Scanned ");
            // Anywhere from just after the scan (model loading, first extraction) to well into embedding.
            Thread.sleep(300 + random.nextInt(5000));
            assertThat(child.isAlive()).as("indexing finished before kill %d; make the corpus larger", kill).isTrue();
            child.destroyForcibly().waitFor();
            Set<String> now = IndexInvariants.check(db, MODEL);
            assertThat(now).as("files finished before kill %d", kill).containsAll(done);
            killedAt.add(done.size() + "→" + now.size());
            done = now;
        }
        assertThat(done.size()).as("some files were finished between the kills").isPositive().isLessThan(FILES);

        int withText = IndexInvariants.withText(db);
        assertThat(withText).isGreaterThanOrEqualTo(done.size());
        Path log = tmp.resolve("final.log");
        Process last = ChildJvm.semdex(log, "--data-dir", data.toString(), "index", corpus.toString(), "--model",
                MODEL);
        assertThat(last.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(last.exitValue()).as(output).isZero();
        Matcher summary = Pattern.compile("Indexed ([\\d,]+) files \\(([\\d,]+) unchanged").matcher(output);
        assertThat(summary.find()).as(output).isTrue();
        int indexed = Integer.parseInt(summary.group(1).replace(",", ""));
        int unchanged = Integer.parseInt(summary.group(2).replace(",", ""));
        // Every file finished before a kill is recognised as done and not embedded again; every file whose text
        // was stored is not read again, only embedded.
        assertThat(unchanged).isEqualTo(withText);
        assertThat(indexed).isEqualTo(FILES - withText);
        assertThat(IndexInvariants.check(db, MODEL)).hasSize(FILES);
        System.out.printf("CrashSafetyTest: %d kills survived, finished files after each: %s; final run indexed "
                + "%d, skipped %d already done%n", KILLS, killedAt, indexed, unchanged);
    }

    private static void awaitLine(Process child, Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("indexer exited early: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        child.destroyForcibly();
        throw new AssertionError("indexer printed no '" + text + "' in 2 minutes: " + Files.readString(log));
    }
}

package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.index.FolderWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lives with the UI tests because the GUI is the watcher's only user. */
class FolderWatcherTest {

    @TempDir Path dir;

    @Test
    void changesDeepInAWatchedTreeReportTheRootOnceAfterTheyQuietDown() throws Exception {
        LinkedBlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        Path root = Files.createDirectories(dir.resolve("root"));
        try (FolderWatcher watcher = new FolderWatcher(changed::add, Duration.ofMillis(300), Duration.ofSeconds(30),
                false)) {
            watcher.watch(root);
            Path sub = Files.createDirectories(root.resolve("sub"));
            Thread.sleep(200);
            Files.writeString(sub.resolve("a.txt"), "one");
            Files.writeString(sub.resolve("b.txt"), "two");

            assertThat(changed.poll(5, TimeUnit.SECONDS)).isEqualTo(root.toAbsolutePath().normalize());
            assertThat(changed.poll(700, TimeUnit.MILLISECONDS)).as("debounced into one report").isNull();

            watcher.unwatch(root);
            Files.writeString(root.resolve("c.txt"), "three");
            assertThat(changed.poll(700, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void pollingNoticesCreatedAndDeletedFiles() throws Exception {
        LinkedBlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        Path root = Files.createDirectories(dir.resolve("polled"));
        Files.writeString(root.resolve("keep.txt"), "x");
        try (FolderWatcher watcher = new FolderWatcher(changed::add, Duration.ofMillis(100), Duration.ofMillis(200),
                true)) {
            watcher.watch(root);
            assertThat(watcher.isPolled(root)).isTrue();
            assertThat(changed.poll(500, TimeUnit.MILLISECONDS)).as("nothing changed yet").isNull();

            Files.writeString(root.resolve("new.txt"), "y");
            assertThat(changed.poll(3, TimeUnit.SECONDS)).isEqualTo(root.toAbsolutePath().normalize());
            Files.delete(root.resolve("keep.txt"));
            assertThat(changed.poll(3, TimeUnit.SECONDS)).isEqualTo(root.toAbsolutePath().normalize());
        }
    }

    @Test
    void changesInHiddenFoldersAreIgnored() throws Exception {
        LinkedBlockingQueue<Path> changed = new LinkedBlockingQueue<>();
        Path root = Files.createDirectories(dir.resolve("repo"));
        Path git = Files.createDirectories(root.resolve(".git"));
        try (FolderWatcher watcher = new FolderWatcher(changed::add, Duration.ofMillis(100), Duration.ofSeconds(30),
                false)) {
            watcher.watch(root);
            Files.writeString(git.resolve("index"), "x");
            assertThat(changed.poll(600, TimeUnit.MILLISECONDS)).isNull();
        }
    }
}

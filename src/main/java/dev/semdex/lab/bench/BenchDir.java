package dev.semdex.lab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;

/**
 * Where a benchmark writes its files and index: the folder the user named (kept), or a new temporary one that is
 * deleted afterwards, since a benchmark's index can take hundreds of megabytes.
 */
record BenchDir(Path path, boolean temporary) implements AutoCloseable {

    static BenchDir open(Path work, String prefix) throws IOException {
        return work != null ? new BenchDir(Files.createDirectories(work), false)
                : new BenchDir(Files.createTempDirectory(prefix), true);
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try {
            PathUtils.deleteDirectory(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.semdex.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sets POSIX permissions on a whole tree, in an order that works without root: a folder is opened up before its
 * entries are listed, and closed only after its entries were changed.
 */
final class Permissions {

    private Permissions() {}

    /** Every folder under (and including) {@code root} gets {@code folders}, every file {@code files}. */
    static void set(Path root, String folders, String files) throws IOException {
        if (!Files.isDirectory(root)) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(files));
            return;
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.toList();
        }
        for (Path entry : entries) {
            set(entry, folders, files);
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString(folders));
    }

    /** The user's own again: what the test needs to look inside and what {@code @TempDir} needs to delete. */
    static void restore(Path root) throws IOException {
        set(root, "rwx------", "rw-------");
    }
}

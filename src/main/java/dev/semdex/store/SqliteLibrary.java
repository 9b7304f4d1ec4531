package dev.semdex.store;

import dev.semdex.AppFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads sqlite-jdbc's native library from the copy the build unpacked beside {@code semdex.jar}
 * ({@code native/sqlite-jdbc-VERSION/OS/ARCH/}, as sqlite-jdbc names them), when there is one for this platform.
 * Without it, sqlite-jdbc copies the library out of its jar into the temporary folder at every start, hashing both
 * copies to compare them and starting a {@code uname} process: on two cores the window waited a third of a second
 * for that. The folder carries the version so that a copy left from another build is never loaded; a copy that
 * fails to load makes sqlite-jdbc fall back to its own way.
 */
final class SqliteLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static boolean done;

    private SqliteLibrary() {}

    /** Points sqlite-jdbc at the unpacked copy, once, before the first connection; a no-op without one. */
    static synchronized void preferUnpacked() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // the user's own choice
        }
        AppFolder.of(SqliteLibrary.class).flatMap(dir -> unpacked(dir, System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""), SQLiteJDBCLoader.getVersion())).ifPresent(library -> {
                    System.setProperty(PATH_PROPERTY, library.getParent().toString());
                    System.setProperty(NAME_PROPERTY, library.getFileName().toString());
                });
    }

    /** The unpacked library under {@code appDir} for this platform and sqlite-jdbc version, if the build made one. */
    static Optional<Path> unpacked(Path appDir, String osName, String osArch, String version) {
        String os = osName.toLowerCase(Locale.ROOT);
        String folder = os.startsWith("linux") ? "Linux" : os.startsWith("mac") ? "Mac"
                : os.startsWith("windows") ? "Windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (folder == null || arch == null || version == null || version.isBlank()) {
            return Optional.empty();
        }
        String file = switch (folder) {
            case "Mac" -> "libsqlitejdbc.dylib";
            case "Windows" -> "sqlitejdbc.dll";
            default -> "libsqlitejdbc.so";
        };
        Path library = appDir.resolve("native").resolve("sqlite-jdbc-" + version).resolve(folder).resolve(arch)
                .resolve(file);
        return Files.isRegularFile(library) ? Optional.of(library) : Optional.empty();
    }
}

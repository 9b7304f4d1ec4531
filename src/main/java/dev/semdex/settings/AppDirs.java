package dev.semdex.settings;

import java.io.IOException;
import dev.semdex.SemdexException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Semdex keeps its index, settings and caches. By default the places each OS users expect (XDG on Linux,
 * %APPDATA%/%LOCALAPPDATA% on Windows, ~/Library on macOS); a single data directory given with {@code --data-dir}
 * replaces all of them, which keeps tests and scripted runs away from the user's real index.
 */
public record AppDirs(Path data, Path config, Path cache) {

    private static final String APP = "semdex";
    private static final Logger LOG = LoggerFactory.getLogger(AppDirs.class);

    /** All three under one folder: what {@code --data-dir} means. */
    public static AppDirs under(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return new AppDirs(root, root, root.resolve("cache"));
    }

    public static AppDirs forThisUser() {
        return forOs(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static AppDirs forOs(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData/Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData/Local"));
            return new AppDirs(local.resolve("Semdex"), roaming.resolve("Semdex"), local.resolve("Semdex/cache"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library/Application Support/Semdex");
            return new AppDirs(support, support, home.resolve("Library/Caches/Semdex"));
        }
        return new AppDirs(
                pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve(APP),
                pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP),
                pathOr(env.get("XDG_CACHE_HOME"), home.resolve(".cache")).resolve(APP));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    public Path database() {
        return data.resolve("index.db");
    }

    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    public Path modelCache() {
        return cache.resolve("models");
    }

    /**
     * Creates the folders, readable by the user only where the file system knows POSIX permissions. A folder that
     * exists keeps its owner's permissions and only loses what others may do: a data folder the user made read-only
     * stays read-only (Semdex then searches it without changing it) instead of being made writable behind their back.
     */
    public AppDirs create() {
        for (Path dir : new Path[] {data, config, cache}) {
            try {
                boolean existed = Files.isDirectory(dir);
                if (!existed) {
                    Files.createDirectories(dir);
                }
                if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                    makePrivate(dir, existed);
                }
            } catch (IOException e) {
                throw new SemdexException("Cannot create the folder " + dir + ": " + e.getMessage(), e);
            }
        }
        return this;
    }

    private static void makePrivate(Path dir, boolean existed) throws IOException {
        if (!existed) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
        now.stream().filter(p -> p.name().startsWith("OWNER_")).forEach(ownerOnly::add);
        if (!ownerOnly.equals(now)) {
            try {
                Files.setPosixFilePermissions(dir, ownerOnly);
            } catch (IOException e) {
                // A read-only mount or someone else's folder: reading it is still possible, so go on.
                LOG.warn("Cannot make {} private to you: {}", dir, e.getMessage());
            }
        }
    }
}

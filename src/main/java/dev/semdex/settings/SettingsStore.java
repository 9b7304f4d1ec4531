package dev.semdex.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semdex.SemdexException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json}. A write goes to a temporary file that is then moved over the old one in
 * one step, so a crash leaves either the old or the new settings, never half a file. The file is readable by the
 * user only where the file system knows POSIX permissions.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The stored settings, or the defaults when there is no file or it cannot be read. */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = json.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (JsonProcessingException e) {
            // Jackson quotes the text it stumbled on, which may be a token in the headers: say only where it is.
            JsonLocation at = e.getLocation();
            LOG.warn("Cannot read the settings {}: a mistake{}; using the defaults.", file,
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
            return Settings.defaults();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the settings {}; using the defaults. {}", file, e.getMessage());
            return Settings.defaults();
        }
    }

    public synchronized void save(Settings settings) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = json.writeValueAsBytes(settings);
            Files.deleteIfExists(tmp);
            createPrivate(tmp);
            Files.write(tmp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SemdexException("Cannot save the settings to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivate(Path path) throws IOException {
        boolean posix = Files.getFileStore(path.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
        try {
            if (posix) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(path);
            }
        } catch (FileAlreadyExistsException e) {
            // a concurrent writer; the truncating write below takes over the file
        }
    }
}

package dev.semdex;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder holding {@code semdex.jar} (run from the build's classes, the build folder), where the build unpacks
 * the native libraries of sqlite-jdbc and ONNX Runtime into {@code native/}: loaded from there, neither library is
 * copied out of its jar at every start.
 */
public final class AppFolder {

    private AppFolder() {}

    /** The folder of the jar (or classes folder) {@code type} was loaded from, if it can be told. */
    public static Optional<Path> of(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

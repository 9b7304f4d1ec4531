package dev.semdex.ui.common;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import dev.semdex.SemdexException;

/**
 * Opens files and folders with the operating system. Uses {@link Desktop} where it works and falls back to the
 * usual command of each OS ({@code xdg-open}, {@code open}, {@code explorer}). Blocking: call off the UI thread.
 */
public final class DesktopActions {

    private DesktopActions() {}

    public static void open(Path file) {
        requireExists(file);
        if (desktopSupports(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(file.toFile());
                return;
            } catch (IOException | RuntimeException e) {
                // fall through to the OS command
            }
        }
        run(openCommand(file));
    }

    /** Shows the file selected in its folder where the OS allows it, else opens the folder. */
    public static void reveal(Path file) {
        requireExists(file);
        String os = os();
        if (os.contains("win")) {
            run(List.of("explorer", "/select," + file.toAbsolutePath()));
        } else if (os.contains("mac")) {
            run(List.of("open", "-R", file.toAbsolutePath().toString()));
        } else {
            Path folder = file.toAbsolutePath().getParent();
            if (desktopSupports(Desktop.Action.OPEN)) {
                try {
                    Desktop.getDesktop().open(folder.toFile());
                    return;
                } catch (IOException | RuntimeException e) {
                    // fall through
                }
            }
            run(List.of("xdg-open", folder.toString()));
        }
    }

    static List<String> openCommand(Path file) {
        String os = os();
        String path = file.toAbsolutePath().toString();
        if (os.contains("win")) {
            return List.of("explorer", path);
        }
        if (os.contains("mac")) {
            return List.of("open", path);
        }
        return List.of("xdg-open", path);
    }

    private static String os() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }

    private static boolean desktopSupports(Desktop.Action action) {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(action);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void requireExists(Path file) {
        if (!Files.exists(file)) {
            throw new SemdexException("The file " + file + " no longer exists. It will leave the index at the next "
                    + "update of its folder.");
        }
    }

    private static void run(List<String> command) {
        try {
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new SemdexException("Cannot open it: '" + command.get(0) + "' is not available ("
                    + e.getMessage() + ").", e);
        }
    }
}

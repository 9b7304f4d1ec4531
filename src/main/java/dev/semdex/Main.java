package dev.semdex;

import dev.semdex.cli.SemdexCommand;
import dev.semdex.ui.SemdexApp;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Entry point of {@code semdex.jar}. A plain class (not a JavaFX Application) so that the jar starts from the class
 * path. With no command (nothing, or only {@code --data-dir DIR}) it opens the window; any other arguments go to
 * the command line.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Optional<Path> gui = guiDataDir(args);
        if (gui != null) {
            SemdexApp.launchApp(gui.orElse(null));
            return;
        }
        System.exit(SemdexCommand.execute(args));
    }

    /** Null when the arguments are a command; else the GUI's data folder, empty for the default places. */
    public static Optional<Path> guiDataDir(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length == 2 && args[0].equals("--data-dir")) {
            return Optional.of(Path.of(args[1]));
        }
        if (args.length == 1 && args[0].startsWith("--data-dir=") && args[0].length() > "--data-dir=".length()) {
            return Optional.of(Path.of(args[0].substring("--data-dir=".length())));
        }
        return null;
    }
}

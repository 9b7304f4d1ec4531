package dev.semdex;

import dev.semdex.cli.SemdexCommand;
import dev.semdex.lab.cli.LabCommands;
import dev.semdex.lab.ui.CompareFeature;
import dev.semdex.ui.SemdexApp;
import java.nio.file.Path;

/**
 * Entry point of {@code semdex.jar} and the composition root of the two front ends: it plugs the model lab into
 * the window and the command line, so neither product package depends on the lab. A plain class (not a JavaFX
 * Application) so that the jar starts from the class path. With no command (nothing, or only
 * {@code --data-dir DIR}) it opens the window; any other arguments go to the command line.
 */
public final class Main {

    private Main() {}

    /** What the arguments ask for: the window (with its data folder, null for the OS's usual places) or a command. */
    public record Launch(boolean window, Path dataDir) {

        static final Launch COMMAND = new Launch(false, null);

        public static Launch of(String[] args) {
            if (args.length == 0) {
                return new Launch(true, null);
            }
            if (args.length == 2 && args[0].equals("--data-dir")) {
                return new Launch(true, Path.of(args[1]));
            }
            if (args.length == 1 && args[0].startsWith("--data-dir=") && args[0].length() > "--data-dir=".length()) {
                return new Launch(true, Path.of(args[0].substring("--data-dir=".length())));
            }
            return COMMAND;
        }
    }

    public static void main(String[] args) {
        Launch launch = Launch.of(args);
        if (launch.window()) {
            SemdexApp.launchApp(launch.dataDir(), CompareFeature::new);
            return;
        }
        System.exit(runCommand(args));
    }

    /** The {@code semdex} command line with the lab's commands; returns the exit code. */
    public static int runCommand(String... args) {
        return SemdexCommand.execute(LabCommands.all(), args);
    }
}

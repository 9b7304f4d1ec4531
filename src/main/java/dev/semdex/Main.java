package dev.semdex;

import dev.semdex.cli.SemdexCommand;
import dev.semdex.lab.cli.LabCommands;
import dev.semdex.lab.ui.CompareFeature;
import dev.semdex.ui.SemdexApp;
import dev.semdex.ui.WindowUnavailable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Entry point of {@code semdex.jar} and the composition root of the two front ends: it plugs the model lab into
 * the window and the command line, so neither product package depends on the lab. A plain class (not a JavaFX
 * Application) so that the jar starts from the class path. With no command (nothing, or only
 * {@code --data-dir DIR}) it opens the window; any other arguments go to the command line.
 */
public final class Main {

    /** Held so that the filter set on it stays (the logging framework keeps loggers only weakly). */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static final String UNNAMED_WARNING = "Unsupported JavaFX configuration";

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
        Optional<List<String>> relaunch = VectorApiRelaunch.command(args);
        if (relaunch.isPresent()) {
            int code = VectorApiRelaunch.run(relaunch.get());
            if (code >= 0) {
                System.exit(code);
            }
        }
        Launch launch = Launch.of(args);
        if (launch.window()) {
            openWindow(launch.dataDir());
            return;
        }
        System.exit(runCommand(args));
    }

    private static void openWindow(Path dataDir) {
        // A jar started from the class path loads JavaFX unnamed, which JavaFX warns about at every start although
        // it works (the installed app loads it as modules); its other warnings stay.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(UNNAMED_WARNING));
        try {
            SemdexApp.launchApp(dataDir, CompareFeature::new);
        } catch (RuntimeException | LinkageError e) {
            Optional<String> reason = WindowUnavailable.explain(e);
            if (reason.isEmpty()) {
                throw e;
            }
            System.err.println("semdex: " + reason.get());
            System.exit(1);
        }
    }

    /** The {@code semdex} command line with the lab's commands; returns the exit code. */
    public static int runCommand(String... args) {
        return SemdexCommand.execute(LabCommands.all(), args);
    }
}

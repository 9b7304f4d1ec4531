package dev.semdex.cli;

import dev.semdex.SemdexException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code semdex} command line. Subcommands are thin: they parse, call a service and print. */
@Command(name = "semdex", mixinStandardHelpOptions = true, versionProvider = SemdexCommand.Version.class,
        description = "Local semantic search for your folders.",
        subcommands = {IndexCommand.class, SearchCommand.class, StatusCommand.class, ModelsCommand.class,
                OllamaCommand.class, EmbedCommand.class, SimilarCommand.class,
                LabelsCommand.class})
public final class SemdexCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SemdexCommand.class);

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder for the index, settings and caches (default: the OS's usual places).")
    Path dataDir;

    private CliContext context;

    public CliContext context() {
        if (context == null) {
            context = new CliContext(dataDir);
        }
        return context;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Runs the command line and returns the exit code; user mistakes get one clear line, never a stack trace.
     *
     * @param extraCommands more subcommands (picocli {@code @Command} classes) that the composition root plugs in
     */
    public static int execute(List<Class<?>> extraCommands, String... args) {
        SemdexCommand root = new SemdexCommand();
        CommandLine cli = new CommandLine(root);
        extraCommands.forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof SemdexException) {
                err.println("semdex: " + e.getMessage());
                LOG.debug("Command failed", e);
                return 1;
            }
            if (e instanceof CancellationException) {
                err.println("semdex: cancelled; everything finished so far is kept.");
                return 130;
            }
            LOG.error("Unexpected failure", e);
            err.println("semdex: unexpected error: " + e + " (details in the log)");
            return 70;
        });
        try {
            return cli.execute(args);
        } finally {
            if (root.context != null) {
                root.context.close();
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SemdexCommand.class.getPackage().getImplementationVersion();
            return new String[] {"semdex " + (v == null ? "dev" : v)};
        }
    }
}

package dev.semdex.cli;

import dev.semdex.Semdex;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.settings.SettingsStore;
import java.nio.file.Path;

/** What every subcommand shares: where the data lives and the services, opened on first use. */
public final class CliContext implements AutoCloseable {

    private final Path dataDir;
    private Semdex semdex;

    CliContext(Path dataDir) {
        this.dataDir = dataDir;
    }

    public AppDirs dirs() {
        return dataDir == null ? AppDirs.forThisUser() : AppDirs.under(dataDir);
    }

    /** The settings the window saved; the command line shares them (hub URL, chunk size, OCR, Ollama server). */
    public Settings settings() {
        return new SettingsStore(dirs().settingsFile()).load();
    }

    /**
     * Semdex with the window's settings, but embedding on every core: the window leaves one free for itself, a
     * command has nothing else to do. The Ollama server the settings name is applied too, but a command that embeds
     * on Ollama sets it again from its options ({@link OllamaCommand.Options#apply}), which start from the same
     * settings.
     */
    public Semdex semdex() {
        if (semdex == null) {
            semdex = Semdex.open(dirs(), settings().withEmbeddingThreads(Runtime.getRuntime().availableProcessors()));
        }
        return semdex;
    }

    @Override
    public void close() {
        if (semdex != null) {
            semdex.close();
        }
    }
}

package dev.semdex.cli;

import dev.semdex.Semdex;
import dev.semdex.settings.AppDirs;
import java.nio.file.Path;

/** What every subcommand shares: where the data lives and the services, opened on first use. */
final class CliContext implements AutoCloseable {

    private final Path dataDir;
    private Semdex semdex;

    CliContext(Path dataDir) {
        this.dataDir = dataDir;
    }

    AppDirs dirs() {
        return dataDir == null ? AppDirs.forThisUser() : AppDirs.under(dataDir);
    }

    Semdex semdex() {
        if (semdex == null) {
            semdex = Semdex.open(dirs(), Runtime.getRuntime().availableProcessors());
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

package dev.semdex.cli;

import dev.semdex.search.SearchFilter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --folder} and {@code --type}: narrow results to one indexed folder or one file type. */
public final class FilterOptions {

    @Option(names = "--folder", paramLabel = "DIR", description = "Only files under this folder.")
    Path folder;

    @Option(names = "--type", paramLabel = "EXT", description = "Only files with this extension, e.g. pdf.")
    String type;

    public SearchFilter filter() {
        return new SearchFilter(folder == null ? null : folder.toAbsolutePath().normalize(), type);
    }
}

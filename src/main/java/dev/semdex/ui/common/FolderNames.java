package dev.semdex.ui.common;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * How the folder filter names a folder: by its own name, which is what a user recognises, followed by as much of
 * its path as tells it apart from another indexed folder of the same name ("notes · work" and "notes · home").
 */
public final class FolderNames {

    private FolderNames() {}

    /**
     * The label of {@code folder} among {@code all} (absolute paths as strings; other entries, such as "All
     * folders", are shown as they are and ignored as rivals).
     */
    public static String label(String folder, Collection<String> all) {
        if (folder == null || !Path.of(folder).isAbsolute() || Path.of(folder).getNameCount() == 0) {
            return folder;
        }
        Path path = Path.of(folder);
        List<Path> others = all.stream().filter(o -> !o.equals(folder) && Path.of(o).isAbsolute())
                .map(Path::of).toList();
        int parts = path.getNameCount();
        for (int n = 1; n <= parts; n++) {
            String tail = tail(path, n);
            int size = n;
            if (others.stream().noneMatch(o -> tail(o, size).equals(tail))) {
                return n == 1 ? tail : path.getFileName() + " · " + path.subpath(parts - n, parts - 1);
            }
        }
        return folder;
    }

    private static String tail(Path path, int n) {
        int parts = path.getNameCount();
        return n > parts ? path.toString() : path.subpath(parts - n, parts).toString();
    }
}

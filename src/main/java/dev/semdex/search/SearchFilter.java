package dev.semdex.search;

import dev.semdex.store.StoredDocument;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Narrows results to one indexed folder and/or one file type (by extension, e.g. "pdf"). Null means "any".
 */
public record SearchFilter(Path folder, String extension) {

    public static final SearchFilter NONE = new SearchFilter(null, null);

    public SearchFilter {
        extension = extension == null || extension.isBlank() ? null
                : extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
    }

    public boolean isNone() {
        return folder == null && extension == null;
    }

    public boolean accepts(String path) {
        if (folder != null && !Path.of(path).startsWith(folder)) {
            return false;
        }
        return extension == null || extension.equals(StoredDocument.extensionOf(path));
    }
}

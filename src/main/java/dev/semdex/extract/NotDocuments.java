package dev.semdex.extract;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Tells site and build assets from documents. A static site ships its fonts, icons, stylesheets, minified scripts and
 * a search index next to its pages; indexed, the search index alone (every page's words in one line of JavaScript)
 * outnumbers the real passages, takes most of the indexing time and comes first for any query. None of these was
 * written to be read, so they are left out quietly, by name where the name says it and by content where it does not.
 */
public final class NotDocuments {

    /** Images below this size in a site's asset folder are icons, bullets and buttons, not pictures. */
    static final long ICON_BYTES = 16 * 1024;
    private static final Set<String> ASSET_FOLDERS = Set.of("_static", "static", "assets", "icons", "img", "css", "js",
            "fonts", "theme");

    private static final Set<String> FONT_EXTENSIONS = Set.of("woff", "woff2", "ttf", "otf", "eot");
    private static final Set<String> STYLE_EXTENSIONS = Set.of("css", "scss", "sass", "less");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "gif", "jpg", "jpeg", "webp", "bmp", "ico", "svg");
    private static final Set<String> LOCK_FILES = Set.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml",
            "cargo.lock", "poetry.lock", "gemfile.lock", "composer.lock", "go.sum", "pipfile.lock", "flake.lock");
    /** Client-side search indexes of site generators (Sphinx, mdBook, MkDocs, Docusaurus, Hugo themes). */
    private static final Set<String> SEARCH_INDEX_FILES = Set.of("searchindex.js", "searchindex.json",
            "search-index.js", "search-index.json", "search_index.js", "search_index.json", "searchindex.min.js",
            "elasticlunr.min.js", "lunr.min.js");
    /** Openings that only generated files have: a Sphinx or mdBook index, a source-map reference, a bundle banner. */
    private static final String[] GENERATOR_MARKERS = {"Search.setIndex(", "window.search = ", "sourceMappingURL=",
            "webpackChunk", "/*! For license information"};

    /** Lines longer than this on average are machine output (minified code, serialised data), not prose or code. */
    private static final int MACHINE_LINE_LENGTH = 400;
    /** One line longer than this holding most of the text is a blob, however the rest of the file looks. */
    private static final int BLOB_LINE_LENGTH = 2_000;
    /** Words longer than this on average are code or data run together, not prose, however technical. */
    private static final double MACHINE_WORD_LENGTH = 12;

    private NotDocuments() {
    }

    /** Why the file is an asset judging by its name and size alone, or null; never reads the file. */
    public static String byName(Path file, long size) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        String extension = FileTypes.extension(file);
        if (FONT_EXTENSIONS.contains(extension)) {
            return SkipReasons.NOT_A_DOCUMENT + " (font)";
        }
        if (name.startsWith("favicon.") || extension.equals("ico") || extension.equals("svg")
                || (IMAGE_EXTENSIONS.contains(extension) && size < ICON_BYTES && inAssetFolder(file))) {
            return SkipReasons.NOT_A_DOCUMENT + " (icon)";
        }
        if (STYLE_EXTENSIONS.contains(extension)) {
            return SkipReasons.NOT_A_DOCUMENT + " (stylesheet)";
        }
        if (extension.equals("map") || name.endsWith(".min.js") || name.endsWith(".min.css")
                || name.endsWith(".min.mjs") || name.endsWith(".bundle.js")) {
            return SkipReasons.NOT_A_DOCUMENT + " (minified)";
        }
        if (LOCK_FILES.contains(name) || extension.equals("lock")) {
            return SkipReasons.NOT_A_DOCUMENT + " (lock file)";
        }
        if (inFolder(file, "_static")) {
            return SkipReasons.NOT_A_DOCUMENT + " (site asset)";
        }
        if (SEARCH_INDEX_FILES.contains(name)) {
            return SkipReasons.NOT_A_DOCUMENT + " (search index)";
        }
        return null;
    }

    /** Sphinx's folder for a theme's scripts, styles and search data; pages never live there. */
    private static boolean inFolder(Path file, String folder) {
        for (Path part : file) {
            if (part.toString().equals(folder)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAssetFolder(Path file) {
        Path parent = file.getParent();
        return parent != null && parent.getFileName() != null
                && ASSET_FOLDERS.contains(parent.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Why decoded plain text is machine output, or null: a generator's marker near the start, lines far longer than
     * anyone writes, or one enormous line holding most of the text.
     */
    public static String byContent(CharSequence text) {
        int head = Math.min(text.length(), 4096);
        String start = text.subSequence(0, head).toString();
        for (String marker : GENERATOR_MARKERS) {
            if (start.contains(marker)) {
                return SkipReasons.NOT_A_DOCUMENT + " (generated)";
            }
        }
        int lines = 0;
        int longest = 0;
        int lineStart = 0;
        int nonBlank = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int length = i - lineStart;
                if (length > 0) {
                    lines++;
                    nonBlank += length;
                }
                longest = Math.max(longest, length);
                lineStart = i + 1;
            }
        }
        if (lines == 0) {
            return null;
        }
        boolean longLines = nonBlank / lines > MACHINE_LINE_LENGTH;
        boolean blob = longest > BLOB_LINE_LENGTH && longest * 2L > text.length();
        // Prose typed without line breaks (one line per paragraph) has long lines too, but short words between spaces.
        return (longLines || blob) && meanWordLength(text) > MACHINE_WORD_LENGTH
                ? SkipReasons.NOT_A_DOCUMENT + " (minified or generated)" : null;
    }

    /** Characters per space-separated word in (the start of) the text: short in any prose, long in minified code. */
    private static double meanWordLength(CharSequence text) {
        int length = Math.min(text.length(), 200_000);
        int spaces = 0;
        for (int i = 0; i < length; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                spaces++;
            }
        }
        return (double) length / (spaces + 1);
    }
}

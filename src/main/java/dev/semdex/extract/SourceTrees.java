package dev.semdex.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tika.mime.MediaType;

/**
 * Tells a source checkout (a repository clone, a project with its build files) and its code from the prose in it. A
 * desktop search is asked about what people wrote to be read; a project dropped into the index should bring its
 * README, its docs and its PDFs, not thousands of source files whose passages crowd every result list. So, unless
 * the user opts in ({@link ScanOptions#indexSourceCode()}), code in a source tree is counted as "not a document
 * (source code)" rather than indexed or listed as a problem; and the folders of other people's code a project
 * downloads (vendored dependencies) are left out even then, as {@code node_modules} and build outputs are everywhere.
 */
final class SourceTrees {

    /** What a source tree holds at its top: version control, a build's manifest, an interpreter's droppings. */
    private static final Set<String> MARKERS = Set.of(".git", ".hg", ".svn", ".bzr", "_darcs", "node_modules",
            "__pycache__", ".venv", "venv", ".tox", "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
            "package.json", "cargo.toml", "go.mod", "pyproject.toml", "setup.py", "setup.cfg", "cmakelists.txt",
            "meson.build", "configure.ac", "gemfile", "composer.json", "mix.exs", "stack.yaml", "build.sbt");

    /**
     * Other people's code that a project keeps in its tree; never indexed. Only inside a source tree: a "vendor"
     * folder of invoices in someone's documents is theirs to search.
     */
    private static final Set<String> VENDORED = Set.of("vendor", "third_party", "thirdparty", "site-packages",
            "bower_components", "jspm_packages", "pods", "carthage", "elm-stuff", "deps", "_deps");

    /** Folders of a project that hold its documentation, where web pages and XML are prose, not templates. */
    private static final Set<String> DOC_FOLDERS = Set.of("doc", "docs", "documentation", "manual", "manuals",
            "guide", "guides", "wiki", "handbook");

    /** Written to be read in any folder. */
    private static final Set<String> PROSE_EXTENSIONS = Set.of("md", "markdown", "mdown", "mkd", "rst", "txt",
            "text", "adoc", "asciidoc", "asc", "org", "tex", "rtf");
    /** Markup that is a page in a docs folder and a template or configuration anywhere else in a project. */
    private static final Set<String> DOC_MARKUP_EXTENSIONS = Set.of("html", "htm", "xhtml", "xml", "dbk");
    /** The files a project writes for people, whatever their extension (or none): README, LICENSE, NEWS … */
    private static final List<String> PROSE_NAMES = List.of("readme", "license", "licence", "copying", "changelog",
            "changes", "news", "history", "authors", "contributors", "contributing", "install", "notice", "todo",
            "faq", "thanks", "credits", "code_of_conduct", "security", "hacking", "releasenotes", "release-notes");

    /** Build files that borrow a prose extension. */
    private static final Pattern BUILD_FILE = Pattern.compile("cmakelists\\.txt|(.*[-_])?requirements([-_.].*)?\\.txt"
            + "|constraints\\.txt");

    private SourceTrees() {}

    /** Whether a folder with these entries is the top of a source tree (or a package of one). */
    static boolean isSourceTree(List<String> names) {
        for (String name : names) {
            if (MARKERS.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static boolean isVendored(String folderName) {
        return VENDORED.contains(folderName.toLowerCase(Locale.ROOT));
    }

    static boolean isDocsFolder(String folderName) {
        return DOC_FOLDERS.contains(folderName.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a file of a source tree is code (or configuration, or data) rather than prose: text that is not
     * Markdown, reStructuredText, plain text and the like, nor a README-like file, nor a page of the docs. Documents
     * that are not text (PDF, Word, EPUB, images) are prose wherever they are.
     *
     * @param inDocs whether the file is under one of the project's documentation folders
     */
    static boolean isCode(Path file, MediaType type, boolean inDocs) {
        if (!FileTypes.isText(type)) {
            return false;
        }
        String extension = FileTypes.extension(file);
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (BUILD_FILE.matcher(name).matches()) {
            return true;
        }
        if (PROSE_EXTENSIONS.contains(extension) || inDocs && DOC_MARKUP_EXTENSIONS.contains(extension)) {
            return false;
        }
        // README, LICENSE-MIT, NEWS.Debian: a prose name with no extension or one Tika does not know; install.sh
        // and history.js are code.
        if (extension.isEmpty() || MediaType.TEXT_PLAIN.equals(type.getBaseType())) {
            for (String prose : PROSE_NAMES) {
                if (name.startsWith(prose)) {
                    return false;
                }
            }
        }
        return true;
    }
}

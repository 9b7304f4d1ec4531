package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real source tree nobody here wrote, as a user would drop it in: packages of the Python standard library as Debian
 * installs it ({@code /usr/lib/python3.*}: {@code email} with its {@code architecture.rst} and {@code mime}
 * subpackage, {@code json}, their {@code __pycache__}, the library's {@code LICENSE.txt}), made a git checkout, with a
 * page of the Python manual in {@code docs/}, and a project's dependency folders.
 */
class SourceTreesTest {

    @TempDir
    Path tmp;

    private Path checkout;
    private final Map<String, String> found = new TreeMap<>();
    private final Map<String, String> skipped = new TreeMap<>();

    @BeforeEach
    void copyTheStandardLibrary() throws Exception {
        Path lib = pythonLib();
        assumeThat(lib).as("Debian's python3 standard library under /usr/lib/python3.*").isNotNull();
        checkout = Files.createDirectories(tmp.resolve("cpython"));
        copyTree(lib.resolve("email"), checkout.resolve("Lib/email"));
        copyTree(lib.resolve("json"), checkout.resolve("Lib/json"));
        Files.copy(lib.resolve("LICENSE.txt"), checkout.resolve("LICENSE.txt"));
        try (Git git = Git.init().setDirectory(checkout.toFile()).call()) {
            assertThat(checkout.resolve(".git/HEAD")).exists();
        }
        try (InputStream page = getClass().getResourceAsStream("/realworld/python-docs/venv.html")) {
            Files.createDirectories(checkout.resolve("Doc/html"));
            Files.write(checkout.resolve("Doc/html/venv.html"), page.readAllBytes());
        }
        // What a project downloads: other people's code and docs, never searched.
        Path module = Files.createDirectories(checkout.resolve("node_modules/left-pad"));
        Files.copy(lib.resolve("LICENSE.txt"), module.resolve("README.md"));
        Files.copy(lib.resolve("json/tool.py"), module.resolve("index.js"));
        Path vendored = Files.createDirectories(checkout.resolve("vendor/six"));
        Files.copy(lib.resolve("json/scanner.py"), vendored.resolve("six.py"));
        Files.copy(lib.resolve("LICENSE.txt"), vendored.resolve("LICENSE.txt"));
        Path venv = Files.createDirectories(checkout.resolve(".venv/lib"));
        Files.copy(lib.resolve("json/decoder.py"), venv.resolve("decoder.py"));
    }

    @Test
    void byDefaultACheckoutGivesItsProseAndCountsItsCodeAsNotDocuments() throws IOException {
        scan(ScanOptions.defaults());

        assertThat(found.keySet()).containsExactlyInAnyOrder("Doc/html/venv.html", "LICENSE.txt",
                "Lib/email/architecture.rst");
        assertThat(skipped).isNotEmpty().allSatisfy((path, reason) -> {
            assertThat(path).endsWith(".py");
            assertThat(SkipReasons.isNotADocument(reason)).as("counted, not listed as a problem").isTrue();
        });
        assertThat(skipped).containsEntry("Lib/json/decoder.py", SkipReasons.SOURCE_CODE)
                .containsEntry("Lib/email/mime/__init__.py", "not a document (empty file)");
        assertThat(skipped).containsKeys("Lib/email/message.py", "Lib/email/mime/text.py", "Lib/json/decoder.py");
        assertNoDependencyOrBuildFiles();
    }

    @Test
    void withTheOptInItsCodeIsIndexedTooButNeverItsDependencies() throws IOException {
        scan(ScanOptions.defaults().withSourceCode(true));

        assertThat(skipped).as("only the empty package marker, quietly")
                .containsOnly(Map.entry("Lib/email/mime/__init__.py", "not a document (empty file)"));
        assertThat(found).containsKeys("LICENSE.txt", "Lib/email/architecture.rst", "Lib/email/message.py",
                "Lib/email/mime/text.py", "Lib/json/decoder.py", "Lib/json/__init__.py");
        try (Stream<Path> files = Files.walk(checkout.resolve("Lib"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".py")).count()).as("every module")
                    .isEqualTo(found.keySet().stream().filter(f -> f.endsWith(".py")).count() + 1);
        }
        assertNoDependencyOrBuildFiles();
    }

    @Test
    void aFolderThatIsNoProjectKeepsItsScripts() throws IOException {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("budget.md"), "# Budget\n\nRent, food and the train pass.\n");
        Files.copy(pythonLib().resolve("json/tool.py"), notes.resolve("convert.py"));
        Files.writeString(notes.resolve("index.html"), "<html><body><p>My reading list.</p></body></html>");

        scan(notes, ScanOptions.defaults());

        assertThat(found.keySet()).containsExactly("budget.md", "convert.py", "index.html");
        assertThat(skipped).isEmpty();
    }

    @Test
    void tellsProseFromCodeInAProject() {
        assertThat(code("README")).isFalse();
        assertThat(code("LICENSE-MIT")).isFalse();
        assertThat(code("NEWS.Debian")).isFalse();
        assertThat(code("docs/guide.md")).isFalse();
        assertThat(code("CHANGES.rst")).isFalse();
        assertThat(code("paper.pdf")).isFalse();
        assertThat(code("Makefile")).isTrue();
        assertThat(code("install.sh")).isTrue();
        assertThat(code("history.js")).isTrue();
        assertThat(code("CMakeLists.txt")).isTrue();
        assertThat(code("requirements-dev.txt")).isTrue();
        assertThat(code("config.yaml")).isTrue();
        assertThat(code("templates/base.html")).isTrue();
        assertThat(SourceTrees.isCode(Path.of("docs/api.html"), FileTypes.classify(Path.of("api.html")).mediaType(),
                true)).as("a page of the docs").isFalse();
    }

    private static boolean code(String file) {
        Path path = Path.of(file);
        return SourceTrees.isCode(path, FileTypes.detectByName(path).equals(org.apache.tika.mime.MediaType.OCTET_STREAM)
                ? org.apache.tika.mime.MediaType.TEXT_PLAIN : FileTypes.detectByName(path), false);
    }

    private void assertNoDependencyOrBuildFiles() {
        List<String> all = new ArrayList<>(found.keySet());
        all.addAll(skipped.keySet());
        assertThat(all).noneMatch(p -> p.startsWith("node_modules") || p.startsWith("vendor")
                || p.contains("__pycache__") || p.startsWith(".venv") || p.startsWith(".git"));
    }

    private void scan(ScanOptions options) {
        scan(checkout, options);
    }

    private void scan(Path root, ScanOptions options) {
        new FolderScanner().scan(root, options,
                file -> found.put(root.relativize(file.path()).toString(), ""),
                skip -> skipped.put(root.relativize(skip.path()).toString(), skip.reason()));
    }

    private static Path pythonLib() throws IOException {
        Path usrLib = Path.of("/usr/lib");
        if (!Files.isDirectory(usrLib)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(usrLib)) {
            return dirs.filter(d -> d.getFileName().toString().matches("python3\\.\\d+"))
                    .filter(d -> Files.isRegularFile(d.resolve("email/architecture.rst"))
                            && Files.isRegularFile(d.resolve("LICENSE.txt")))
                    .findFirst().orElse(null);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

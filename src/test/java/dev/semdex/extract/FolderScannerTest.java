package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.semdex.SemdexException;

class FolderScannerTest {

    @TempDir
    Path root;

    private final List<String> found = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    @Test
    void walksNestedFoldersInNameOrderAndLeavesOutHiddenAndGeneratedFolders() throws IOException {
        write("b/d/e.txt");
        write("b/c.md");
        write("a.txt");
        write("B.txt");
        write(".hidden/x.txt");
        write(".secret.txt");
        write(".git/config.txt");
        write("node_modules/lib/m.js");
        write("target/classes/out.txt");
        write("sub/build/gen.txt");
        write("sub/__pycache__/x.py");

        scan(ScanOptions.defaults());

        assertThat(found).containsExactly("B.txt", "a.txt", "b/c.md", "b/d/e.txt");
        assertThat(skipped).isEmpty();
    }

    @Test
    void followsGitignoreRulesIncludingNegationDirectoryOnlyPatternsAndNestedFiles() throws IOException {
        write(".gitignore", "*.log\n!keep.log\nsecret/\n");
        write("app.log");
        write("keep.log");
        write("notes.txt");
        write("secret/s.txt");
        write("sub/secret", "a file, so the folder-only pattern does not apply");
        write("sub/other.log");
        write("sub/deep.log");
        write("sub/.gitignore", "!deep.log\n");

        scan(ScanOptions.defaults());

        assertThat(found).containsExactly("keep.log", "notes.txt", "sub/deep.log", "sub/secret");
    }

    @Test
    void appliesSemdexignoreAndTheUserPatternsRelativeToTheRoot() throws IOException {
        write(".gitignore", "generated/\n");
        write("docs/.semdexignore", "drafts/\n");
        write("docs/drafts/wip.md");
        write("docs/final.md");
        write("docs/scratch.tmp.txt");
        write("generated/api.md");
        write("notes/todo.txt");
        write("top.txt");

        scan(ScanOptions.defaults().withExclusionPatterns(List.of("*.tmp.txt", "/notes/", "!generated/")));

        assertThat(found).containsExactly("docs/final.md", "generated/api.md", "top.txt");
    }

    @Test
    void survivesAMalformedIgnorePattern() throws IOException {
        write(".gitignore", "[\n*.log\n");
        write("a.log");
        write("b.txt");

        scan(ScanOptions.defaults());

        assertThat(found).containsExactly("b.txt");
    }

    @Test
    void reportsFilesOverTheSizeLimitAndEmptyFiles() throws IOException {
        write("small.txt", "x".repeat(100));
        write("large.txt", "x".repeat(1_500));
        write("empty.txt", "");

        scan(ScanOptions.defaults().withMaxFileBytes(1_024));

        assertThat(found).containsExactly("small.txt");
        assertThat(skipped).containsExactly("empty.txt: empty file", "large.txt: larger than 1 KB (1.5 KB)");
    }

    @Test
    void reportsArchivesAndUnknownBinariesAsUnsupported() throws IOException {
        Files.write(root.resolve("drawing.psd"), new byte[]{'8', 'B', 'P', 'S', 0, 1, 0, 0});
        Files.write(root.resolve("bundle.zip"), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0});
        Files.write(root.resolve("blob.unknownext"), new byte[]{1, 2, 0, 4});
        write("plain.unknownext", "text with an extension nobody knows");
        write("README", "no extension at all");
        write("report.pdf", "%PDF-1.4 (not parsed by the scanner)");

        scan(ScanOptions.defaults());

        assertThat(found).containsExactly("README", "plain.unknownext", "report.pdf");
        assertThat(skipped).containsExactly(
                "blob.unknownext: unsupported file type (unknown binary format)",
                "bundle.zip: unsupported file type (application/zip)",
                "drawing.psd: unsupported file type (image/vnd.adobe.photoshop)");
    }

    @Test
    void letsImagesInForOcrOrSkipsThemWithTheReasonOcrCannotRun() throws IOException {
        Files.write(root.resolve("photo.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        write("scan.tif", "II*");

        scan(ScanOptions.defaults());
        assertThat(found).containsExactly("photo.png", "scan.tif");

        found.clear();
        scan(ScanOptions.defaults().withImageSkipReason(SkipReasons.OCR_MISSING));
        assertThat(found).isEmpty();
        assertThat(skipped).containsExactly("photo.png: " + SkipReasons.OCR_MISSING,
                "scan.tif: " + SkipReasons.OCR_MISSING);
    }

    @Test
    void followsLinksButStopsAtALoop() throws IOException {
        write("a/file.txt");
        Files.createSymbolicLink(root.resolve("a/loop"), root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/up"), root);
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("a/file.txt"));
        Files.createSymbolicLink(root.resolve("dangling.txt"), root.resolve("nowhere.txt"));

        scan(ScanOptions.defaults());

        assertThat(found).containsExactly("a/file.txt", "link.txt");
        assertThat(skipped).containsExactly(
                "a/loop: symbolic link loop (points to a folder that contains it)",
                "a/up: symbolic link loop (points to a folder that contains it)",
                "dangling.txt: broken symbolic link");
    }

    @Test
    void scansAFolderReachedThroughTwoLinksOnlyOnce() throws IOException {
        write("shared/doc.txt");
        Files.createDirectories(root.resolve("x"));
        Files.createSymbolicLink(root.resolve("x/shared-link"), root.resolve("shared"));

        scan(ScanOptions.defaults());

        assertThat(found).containsExactly("shared/doc.txt");
        assertThat(skipped).containsExactly("x/shared-link: same folder as one already scanned through another link");
    }

    @Test
    void reportsUnreadableFilesAndFolders() throws IOException {
        Path file = write("locked.txt");
        Path folder = write("closed/inner.txt").getParent();
        write("open.txt");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(file)).as("permissions are enforced (not running as root)").isFalse();

            scan(ScanOptions.defaults());

            assertThat(found).containsExactly("open.txt");
            assertThat(skipped).containsExactly("closed: permission denied", "locked.txt: permission denied");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void interruptStopsTheScanAndKeepsTheFlag() throws IOException {
        for (int i = 0; i < 20; i++) {
            write("f" + i + ".txt");
        }
        List<String> seen = new ArrayList<>();
        try {
            assertThatThrownBy(() -> new FolderScanner().scan(root, ScanOptions.defaults(), file -> {
                seen.add(file.path().getFileName().toString());
                if (seen.size() == 3) {
                    Thread.currentThread().interrupt();
                }
            }, skip -> { }))
                    .isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(seen).hasSize(3);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesAMissingRootOrAFile() throws IOException {
        Path file = write("plain.txt");
        FolderScanner scanner = new FolderScanner();

        assertThatThrownBy(() -> scanner.scan(root.resolve("missing"), ScanOptions.defaults(), f -> { }, s -> { }))
                .isInstanceOf(SemdexException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> scanner.scan(file, ScanOptions.defaults(), f -> { }, s -> { }))
                .isInstanceOf(SemdexException.class)
                .hasMessageContaining("is not a folder");
    }

    @Test
    void reportsSizeAndModificationTimeOfEachFile() throws IOException {
        Path file = write("sized.txt", "12345");
        List<ScannedFile> files = new ArrayList<>();

        new FolderScanner().scan(root, ScanOptions.defaults(), files::add, s -> { });

        assertThat(files).containsExactly(new ScannedFile(file.toAbsolutePath(), 5,
                Files.getLastModifiedTime(file).toMillis()));
    }

    private void scan(ScanOptions options) {
        new FolderScanner().scan(root, options,
                file -> found.add(relative(file.path())),
                skip -> skipped.add(relative(skip.path()) + ": " + skip.reason()));
    }

    private String relative(Path path) {
        assertThat(path.isAbsolute() && path.startsWith(root.toAbsolutePath())).as("%s is under the root", path).isTrue();
        return root.toAbsolutePath().relativize(path).toString().replace('\\', '/');
    }

    private Path write(String relative) throws IOException {
        return write(relative, "content of " + relative);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}

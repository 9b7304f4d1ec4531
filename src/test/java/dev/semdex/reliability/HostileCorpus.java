package dev.semdex.reliability;

import dev.semdex.index.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a folder of files that break indexers: corrupt and truncated documents, a zip bomb, a sparse 1 GB file,
 * binary junk with a text name, broken encodings, a 10 MB line, deep nesting, a symlink loop, odd file names; next
 * to ordinary files that must still be indexed. Everything is generated here, so no binary comes from elsewhere.
 */
final class HostileCorpus {

    /** Files that must be indexed whatever their neighbours do. */
    final List<Path> good = new ArrayList<>();
    /** Files that may be indexed or skipped, but never silently: skipped ones need a reason. */
    final List<Path> hostile = new ArrayList<>();
    final Path oddNames;
    final Path vanishing;
    final Path changing;
    final Path doomedFolder;

    private HostileCorpus(Path root) {
        this.oddNames = root.resolve("odd-names");
        this.vanishing = root.resolve("vanishing.txt");
        this.changing = root.resolve("changing.txt");
        this.doomedFolder = root.resolve("doomed");
    }

    static HostileCorpus write(Path root) throws IOException {
        HostileCorpus c = new HostileCorpus(Files.createDirectories(root));
        c.writeGood(root);
        c.writeBroken(root);
        c.writeOddNames();
        Files.writeString(c.vanishing, "This file is deleted between the scan and its extraction.");
        Files.writeString(c.changing, "This file is rewritten between the scan and its extraction.");
        Files.createDirectories(c.doomedFolder.resolve("inner"));
        Files.writeString(c.doomedFolder.resolve("inner/gone.txt"), "The folder holding this file is removed.");
        Files.createDirectories(root.resolve("empty-folder"));
        return c;
    }

    private void writeGood(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("good"));
        good(dir.resolve("whales.txt"), "Blue whales feed on krill in cold oceans.");
        good(dir.resolve("recipe.md"), "# Onion soup\n\nSimmer the onions slowly, then add stock and thyme.");
        Fixtures.pdf(dir.resolve("report.pdf"), "Quarterly revenue grew by twelve percent.", "Costs fell.");
        good.add(dir.resolve("report.pdf"));
        Fixtures.docx(dir.resolve("letter.docx"), "Dear tenant, the rent rises in May.", "Kind regards");
        good.add(dir.resolve("letter.docx"));
        Path deep = dir;
        for (int i = 0; i < 60; i++) {
            deep = deep.resolve("d" + i);
        }
        Files.createDirectories(deep);
        good(deep.resolve("deep.txt"), "A note sixty folders down about mountain hiking.");
    }

    private void good(Path file, String text) throws IOException {
        Files.writeString(file, text);
        good.add(file);
    }

    private void writeBroken(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("broken"));
        Random random = new Random(1);
        byte[] junk = new byte[64 * 1024];
        random.nextBytes(junk);

        byte[] pdfHeader = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        hostile(dir.resolve("corrupt.pdf"), concat(pdfHeader, junk));
        Path pdf = dir.resolve("truncated.pdf");
        Fixtures.pdf(pdf, "This PDF loses its second half.", "Page two.");
        byte[] whole = Files.readAllBytes(pdf);
        hostile(pdf, Arrays.copyOf(whole, whole.length / 2));

        hostile(dir.resolve("corrupt.docx"), concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), junk));
        Path docx = dir.resolve("truncated.docx");
        Fixtures.docx(docx, "This document loses its end.");
        byte[] doc = Files.readAllBytes(docx);
        hostile(docx, Arrays.copyOf(doc, doc.length * 2 / 3));
        hostile(dir.resolve("bomb.docx"), zipBomb());
        hostile(dir.resolve("archive.zip"), concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), junk));
        hostile(dir.resolve("noise.txt"), junk);

        Path sparse = dir.resolve("sparse-1gb.txt");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(1L << 30);
        }
        hostile.add(sparse);

        byte[] nul = "text with\u0000NUL bytes\u0000inside it about gardening".getBytes(StandardCharsets.UTF_8);
        hostile(dir.resolve("nul-bytes.txt"), nul);
        hostile(dir.resolve("bad-utf8.txt"), concat("Caf".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, " au lait".getBytes(StandardCharsets.UTF_8)));
        hostile(dir.resolve("utf16-no-bom.txt"), "Tea in the garden at five".getBytes(StandardCharsets.UTF_16LE));
        hostile(dir.resolve("one-line-10mb.txt"), "data ".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));

        Path loop = dir.resolve("loop");
        Files.createDirectories(loop);
        Files.createSymbolicLink(loop.resolve("back-to-broken"), dir);
    }

    private void hostile(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        hostile.add(file);
    }

    private void writeOddNames() throws IOException {
        Files.createDirectories(oddNames);
        Files.writeString(oddNames.resolve("🐋 whale notes.txt"), "Whale song carries for miles under water.");
        Files.writeString(oddNames.resolve("line\nbreak.txt"), "A name with a line break in it.");
        Files.writeString(oddNames.resolve(" leading space.md"), "Spaces at the start of a name.");
        // A name that is not valid UTF-8 cannot be made from a Java string: the shell writes its raw bytes.
        try {
            Process p = new ProcessBuilder("bash", "-c", "printf 'latin-1 name' > $'caf\\xe9.txt'")
                    .directory(oddNames.toFile()).start();
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many entries the odd-names folder holds, as the OS counts them (names the JVM may not render). */
    long oddNameCount() throws IOException {
        try (var files = Files.list(oddNames)) {
            return files.count();
        }
    }

    /** A .docx whose document part inflates from a few hundred KB to 300 MB. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType="
                    + "\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http"
                    + "://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            OutputStream out = zip;
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document xmlns:w=\"http://schemas."
                    + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 300; i++) {
                out.write(spaces);
            }
            out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

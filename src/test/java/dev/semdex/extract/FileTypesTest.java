package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileTypesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "report.pdf, true, pdf",
            "letter.docx, true, docx",
            "old.doc, true, doc",
            "slides.pptx, true, pptx",
            "sheet.xlsx, true, xlsx",
            "novel.epub, true, epub",
            "text.odt, true, odt",
            "mail.eml, true, email",
            "notes.md, true, markdown",
            "page.html, true, html",
            "data.csv, true, csv",
            "config.json, true, json",
            "pom.xml, true, xml",
            "Main.java, true, java",
            "script.py, true, py",
            "lib.rs, true, rs",
            "doc.rtf, true, rtf",
            "plain.txt, true, text",
            "photo.jpg, true, image",
            "scan.tiff, true, image",
            "drawing.svg, false, image",
            "song.mp3, false, audio",
            "clip.mp4, false, video",
            "archive.zip, false, zip",
            "setup.exe, false, x-dosexec",
            "font.ttf, false, x-font-ttf",
    })
    void decidesByNameWithoutReadingTheFile(String name, boolean supported, String label) {
        Path missing = dir.resolve(name); // never created: proves no content is read

        assertThat(FileTypes.isSupported(missing)).isEqualTo(supported);
        assertThat(FileTypes.describe(missing)).isEqualTo(label);
    }

    @Test
    void sniffsUnknownNamesForText() throws IOException {
        Path typescript = Files.writeString(dir.resolve("app.ts"), "export const x: number = 1;\n");
        Path binary = Files.write(dir.resolve("data.unknownext"), new byte[]{'a', 0, 'b'});
        Path sqlite = Files.writeString(dir.resolve("cache.sqlite"), "looks like text but the extension says no");

        assertThat(FileTypes.isSupported(typescript)).isTrue();
        assertThat(FileTypes.describe(typescript)).isEqualTo("ts");
        assertThat(FileTypes.isSupported(binary)).isFalse();
        assertThat(FileTypes.isSupported(sqlite)).isFalse();
    }

    @Test
    void acceptsUtf8CutInTheMiddleOfACharacterAtTheSniffWindow() throws IOException {
        byte[] bytes = new byte[FileTypes.SNIFF_BYTES + 10];
        Arrays.fill(bytes, (byte) 'a');
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // three bytes, straddling the window's end
        System.arraycopy(euro, 0, bytes, FileTypes.SNIFF_BYTES - 1, euro.length);
        Path file = Files.write(dir.resolve("long.unknownext"), bytes);

        assertThat(FileTypes.isSupported(file)).isTrue();
    }

    @Test
    void rejectsInvalidUtf8WithoutAKnownExtension() throws IOException {
        Path file = Files.write(dir.resolve("latin1.unknownext"), new byte[]{'c', 'a', 'f', (byte) 0xE9, ' ', 'x'});

        assertThat(FileTypes.isSupported(file)).isFalse();
    }

    @Test
    void formatsSizesForPeople() {
        assertThat(ByteSizes.format(0)).isEqualTo("0 bytes");
        assertThat(ByteSizes.format(1)).isEqualTo("1 byte");
        assertThat(ByteSizes.format(1_536)).isEqualTo("1.5 KB");
        assertThat(ByteSizes.format(ScanOptions.DEFAULT_MAX_FILE_BYTES)).isEqualTo("50 MB");
        assertThat(ByteSizes.format(76_755_763)).isEqualTo("73.2 MB");
    }
}

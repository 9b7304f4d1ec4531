package dev.semdex.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileKindTest {

    @Test
    void eachFamilyGetsItsOwnIconWhateverTheCaseOfTheExtension() {
        assertThat(FileKind.of("Report.PDF")).isEqualTo(FileKind.PDF);
        assertThat(FileKind.of("letter.docx")).isEqualTo(FileKind.DOC);
        assertThat(FileKind.of("notes.txt")).isEqualTo(FileKind.TEXT);
        assertThat(FileKind.of("README.md")).isEqualTo(FileKind.MARKDOWN);
        assertThat(FileKind.of("Main.java")).isEqualTo(FileKind.CODE);
        assertThat(FileKind.of("index.htm")).isEqualTo(FileKind.HTML);
        assertThat(FileKind.of("budget.xlsx")).isEqualTo(FileKind.SHEET);
        assertThat(FileKind.of("talk.pptx")).isEqualTo(FileKind.SLIDES);
        assertThat(FileKind.of("novel.epub")).isEqualTo(FileKind.EBOOK);
        assertThat(FileKind.of("Makefile")).isEqualTo(FileKind.OTHER);
        assertThat(FileKind.of(".bashrc")).isEqualTo(FileKind.OTHER);
        assertThat(FileKind.values()).extracting(FileKind::icon).doesNotHaveDuplicates();
    }

    @Test
    void theLabelUnderTheIconIsTheShortExtension() {
        assertThat(FileKind.label("a.pdf")).isEqualTo("PDF");
        assertThat(FileKind.label("Makefile")).isEqualTo("FILE");
        assertThat(FileKind.label("x.properties")).isEqualTo("PROPE");
    }
}

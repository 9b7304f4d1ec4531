package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReflowTest {

    @Test
    void aSentenceBrokenByTheHtmlSourceReadsAsOneLine() {
        String source = "Cargo is the Rust package manager. Cargo downloads your\nRust package's dependencies, "
                + "compiles your packages,\nmakes distributable packages, and uploads them to crates.io.";
        String flowed = Reflow.paragraphs(source);
        assertThat(flowed).doesNotContain("\n").contains("downloads your Rust package's")
                .contains("packages, makes distributable");
        assertThat(flowed).as("same length, so offsets into it stay valid").hasSameSizeAs(source);
    }

    @Test
    void paragraphsListsAndIndentedLinesKeepTheirBreaks() {
        String source = "First paragraph ends here.\n\nSecond one starts:\n- an item\n- another item\n"
                + "1. numbered\n    indented code\nplain line after code";
        String flowed = Reflow.paragraphs(source);
        assertThat(flowed).contains("here.\n\nSecond").contains("starts:\n- an item\n- another item\n1. numbered\n"
                + "    indented code");
    }
}

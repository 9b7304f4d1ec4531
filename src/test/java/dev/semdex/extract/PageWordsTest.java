package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.lab.bench.ScannedDocuments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a passage's words on a picture, with the Tesseract installed here reading a page drawn by the test. */
class PageWordsTest {

    private static final String FIRST = "Grey herons wade through the shallow marsh at dawn.";
    private static final String SECOND = "Glaciers carve deep valleys into the northern mountains.";
    private static final String THIRD = "Copper kettles hang above the old farmhouse stove.";

    @TempDir
    static Path dir;

    private static PageWords page;

    @BeforeAll
    static void readPage() throws Exception {
        OcrReader ocr = OcrReader.open(OcrOptions.defaults());
        assumeThat(ocr.available()).as("Tesseract installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
                .isTrue();
        Path image = dir.resolve("notes.png");
        ScannedDocuments.write(image, "png", "Notes", FIRST + " " + SECOND + " " + THIRD,
                new ScannedDocuments.Scan(200, 0, 0), 1);
        page = ocr.words(image);
    }

    private static List<String> texts(List<PageWords.Word> words) {
        return words.stream().map(w -> w.text().replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase()).toList();
    }

    @Test
    void theBoxesCoverThePassagesWordsAndNoOthers() {
        List<PageWords.Word> found = page.find(SECOND);

        assertThat(texts(found)).containsExactly("glaciers", "carve", "deep", "valleys", "into", "the", "northern",
                "mountains");
        for (PageWords.Word word : found) {
            assertThat(word.left()).isBetween(0, page.width() - word.width());
            assertThat(word.top()).isBetween(0, page.height() - word.height());
            assertThat(word.width()).isPositive();
        }
        List<PageWords.Word> herons = page.find(FIRST);
        List<PageWords.Word> kettles = page.find(THIRD);
        assertThat(found).doesNotContainAnyElementsOf(herons).doesNotContainAnyElementsOf(kettles);
        assertThat(kettles.get(0).top()).as("the third sentence stands below the second")
                .isGreaterThanOrEqualTo(found.get(0).top());
    }

    @Test
    void aPassageWithTextAroundItLightsUpItsLongestRunOnThePicture() {
        List<PageWords.Word> found = page.find("Nothing here matches. \"Copper KETTLES, hang above\" the old farmhouse"
                + " range, and more words besides");

        assertThat(texts(found)).containsExactly("copper", "kettles", "hang", "above", "the", "old", "farmhouse");
    }

    @Test
    void wordsThatAreNotOnThePictureLightUpNothing() {
        assertThat(page.width()).isPositive();
        assertThat(page.find("submarine periscope")).isEmpty();
    }
}

package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.lab.bench.ScannedDocuments;
import dev.semdex.lab.bench.ScannedDocuments.Scan;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Photos stored turned, with the EXIF tag that says how to show them, as phones write them. */
class ExifOrientationTest {

    private static final String RECEIPT = "Fresh basil and ripe tomatoes from the market";

    @TempDir
    Path dir;

    private static BufferedImage turnedLeft(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getHeight(), page.getWidth(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        AffineTransform t = new AffineTransform();
        t.translate(0, page.getWidth());
        t.rotate(-Math.PI / 2);
        g.drawImage(page, t, null);
        g.dispose();
        return out;
    }

    /**
     * Where stored pixel (x, y) of a w × h picture shows, after the turn the tag asks for (the EXIF specification's
     * table: 2 mirrors, 3 turns half round, 4 flips, 5 transposes, 6 turns right, 7 transverses, 8 turns left).
     */
    private static int[] shown(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 1 -> new int[] {x, y};
            case 2 -> new int[] {w - 1 - x, y};
            case 3 -> new int[] {w - 1 - x, h - 1 - y};
            case 4 -> new int[] {x, h - 1 - y};
            case 5 -> new int[] {y, x};
            case 6 -> new int[] {h - 1 - y, x};
            case 7 -> new int[] {h - 1 - y, w - 1 - x};
            default -> new int[] {y, w - 1 - x};
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyPixelLandsWhereTheTagSays(int orientation) {
        int w = 3;
        int h = 2;
        BufferedImage stored = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                stored.setRGB(x, y, 0x100000 * (x + 1) + 0x1000 * (y + 1));
            }
        }

        BufferedImage upright = ExifOrientation.upright(stored, orientation);

        assertThat(upright.getWidth()).isEqualTo(orientation >= 5 ? h : w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] at = shown(orientation, x, y, w, h);
                assertThat(upright.getRGB(at[0], at[1]) & 0xFFFFFF).as("stored (%d, %d)", x, y)
                        .isEqualTo(stored.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void readsTheTagAndTakesAFileWithoutOneAsUpright() throws IOException {
        BufferedImage small = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        Path tagged = Files.write(dir.resolve("tagged.jpg"), ExifJpeg.of(small, 6));
        Path plain = dir.resolve("plain.png");
        ImageIO.write(small, "png", plain.toFile());
        Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a picture");

        assertThat(ExifOrientation.of(tagged)).isEqualTo(6);
        assertThat(ExifOrientation.of(plain)).isEqualTo(ExifOrientation.UPRIGHT);
        assertThat(ExifOrientation.of(broken)).isEqualTo(ExifOrientation.UPRIGHT);
    }

    @Test
    void aPhotoStoredSidewaysShowsUprightAndItsTextIsRead() throws IOException {
        BufferedImage page = ScannedDocuments.render("Receipt", RECEIPT + ".", new Scan(200, 0, 0), 1).get(0);
        Path photo = Files.write(dir.resolve("receipt.jpg"), ExifJpeg.of(turnedLeft(page), 6));

        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(PageThumbnails.png(photo, 0, 200)));
        assertThat(page.getWidth()).as("a page wider than high").isGreaterThan(page.getHeight() * 3 / 2);
        assertThat(thumb.getWidth()).as("shown as the page is, not as stored").isGreaterThan(thumb.getHeight());

        OcrReader ocr = OcrReader.open(OcrOptions.defaults());
        assumeThat(ocr.available()).as("Tesseract installed").isTrue();
        try (TextExtractor extractor = new TextExtractor()) {
            String text = ocr.read(photo, extractor.read(photo), OcrReader.PageListener.NONE).text().text();
            assertThat(text.replaceAll("\\s+", " ")).contains(RECEIPT);
        }
    }
}

package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.lab.bench.ScannedDocuments;
import dev.semdex.lab.bench.ScannedDocuments.Scan;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures shown beside image results and in the preview of scanned pages. */
class PageThumbnailsTest {

    private static final Scan CLEAN = new Scan(150, 0, 0);

    @TempDir
    Path dir;

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).as("a picture").isNotNull();
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static BufferedImage filled(Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    @Test
    void anImageIsScaledToFitKeepingItsShape() throws IOException {
        Path png = dir.resolve("wide.png");
        ImageIO.write(filled(Color.RED, 3000, 1500), "png", png.toFile());

        BufferedImage thumb = decode(PageThumbnails.png(png, 0, 64));

        assertThat(thumb.getWidth()).isEqualTo(64);
        assertThat(thumb.getHeight()).isEqualTo(32);
        assertThat(new Color(thumb.getRGB(10, 10))).isEqualTo(Color.RED);
    }

    @Test
    void eachPageOfAMultiPageTiffHasItsOwnPicture() throws IOException {
        Path tiff = dir.resolve("pages.tiff");
        ScannedDocuments.writeTiff(tiff, List.of(filled(Color.BLUE, 400, 600), filled(Color.GREEN, 400, 600)));

        assertThat(new Color(decode(PageThumbnails.png(tiff, 1, 100)).getRGB(5, 5))).isEqualTo(Color.BLUE);
        assertThat(new Color(decode(PageThumbnails.png(tiff, 2, 100)).getRGB(5, 5))).isEqualTo(Color.GREEN);
    }

    @Test
    void aScannedPdfPageIsRenderedAndATypedOneIsNot() throws IOException {
        Path pdf = dir.resolve("mixed.pdf");
        List<BufferedImage> scan = ScannedDocuments.render("", "Grey herons wade through the shallow marsh.", CLEAN,
                1);
        ScannedDocuments.writePdf(pdf, scan, CLEAN.dpi());
        BufferedImage page = decode(PageThumbnails.png(pdf, 1, 300));
        assertThat(Math.max(page.getWidth(), page.getHeight())).isEqualTo(300);
        assertThat(darkPixels(page)).as("the scanned words show").isPositive();

        Path typed = dir.resolve("typed.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.LETTER);
            doc.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(doc, first)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                content.newLineAtOffset(50, 700);
                content.showText("This page was typed and keeps its own text layer, so it needs no picture.");
                content.endText();
            }
            doc.save(typed.toFile());
        }
        assertThat(PageThumbnails.png(typed, 1, 300)).as("a page with a text layer").isNull();
        assertThat(PageThumbnails.png(pdf, 7, 300)).as("no such page").isNull();
    }

    @Test
    void otherFilesHaveNoneAndACorruptImageIsAnError() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "plain text");
        assertThat(PageThumbnails.png(text, 0, 64)).isNull();

        Path broken = dir.resolve("broken.png");
        Files.write(broken, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThatThrownBy(() -> PageThumbnails.png(broken, 0, 64)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PageThumbnails.png(dir.resolve("gone.jpg"), 0, 64))
                .isInstanceOf(IOException.class);
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 180) {
                    dark++;
                }
            }
        }
        return dark;
    }
}

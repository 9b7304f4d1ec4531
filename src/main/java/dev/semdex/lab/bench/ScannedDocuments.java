package dev.semdex.lab.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes documents as a scanner or a phone would: the text printed on a page, then the page as a picture, slightly
 * turned, with specks of noise, at the resolution asked (with that resolution in the file, as scanners record it).
 * OCR benchmarks and tests read them back, so the text they should find is known exactly.
 */
public final class ScannedDocuments {

    /** The formats {@link #write} knows: images, and a PDF whose pages are only pictures. */
    public static final List<String> FORMATS = List.of("png", "jpg", "pdf");

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final double PAGE_WIDTH_INCHES = 8.5;
    private static final double MARGIN_INCHES = 0.75;
    private static final int LINES_PER_PAGE = 44;

    private ScannedDocuments() {}

    /** How one document is scanned. */
    public record Scan(int dpi, double degrees, double noise) {
        /** A resolution from 150 to 300 dpi, a turn of up to ±1.5° and up to 0.5 % specks, chosen by {@code seed}. */
        public static Scan varied(long seed) {
            Random random = new Random(seed);
            int[] dpis = {150, 200, 300};
            return new Scan(dpis[random.nextInt(dpis.length)], (random.nextDouble() * 3 - 1.5),
                    random.nextDouble() * 0.005);
        }
    }

    /** Writes one document as {@code format} (png, jpg, pdf, tiff, bmp, gif), the title first. */
    public static void write(Path file, String format, String title, String text, Scan scan, long seed)
            throws IOException {
        List<BufferedImage> pages = render(title, text, scan, seed);
        switch (format) {
            case "png", "bmp", "gif" -> writeImage(file, format, pages.get(0), scan.dpi(), 0f);
            case "jpg" -> writeImage(file, "jpeg", pages.get(0), scan.dpi(), 0.8f);
            case "tiff" -> writeTiff(file, pages);
            case "pdf" -> writePdf(file, pages, scan.dpi());
            default -> throw new IllegalArgumentException("Unknown scan format " + format);
        }
    }

    /** The document's pages as pictures: 44 lines of 11-point text a page, turned and speckled as {@code scan} says. */
    public static List<BufferedImage> render(String title, String text, Scan scan, long seed) {
        Font body = font().deriveFont((float) (11 * scan.dpi() / 72.0));
        int width = (int) Math.round(PAGE_WIDTH_INCHES * scan.dpi());
        int margin = (int) Math.round(MARGIN_INCHES * scan.dpi());
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        FontMetrics metrics = probe.createGraphics().getFontMetrics(body);
        List<String> lines = new ArrayList<>(wrap(title, metrics, width - 2 * margin));
        lines.add("");
        lines.addAll(wrap(text, metrics, width - 2 * margin));
        List<BufferedImage> pages = new ArrayList<>();
        Random random = new Random(seed);
        for (int from = 0; from < lines.size(); from += LINES_PER_PAGE) {
            List<String> pageLines = lines.subList(from, Math.min(lines.size(), from + LINES_PER_PAGE));
            int height = 2 * margin + pageLines.size() * metrics.getHeight();
            BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = page.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(scan.degrees()), width / 2.0, height / 2.0);
            g.setColor(new Color(25, 25, 25));
            g.setFont(body);
            int y = margin + metrics.getAscent();
            for (String line : pageLines) {
                g.drawString(line, margin, y);
                y += metrics.getHeight();
            }
            g.dispose();
            speckle(page, scan.noise(), random);
            pages.add(page);
        }
        return pages;
    }

    private static void speckle(BufferedImage page, double share, Random random) {
        long specks = Math.round(share * page.getWidth() * page.getHeight());
        for (long i = 0; i < specks; i++) {
            int x = random.nextInt(page.getWidth());
            int y = random.nextInt(page.getHeight());
            int grey = random.nextBoolean() ? random.nextInt(90) : 160 + random.nextInt(96);
            page.getRaster().setSample(x, y, 0, grey);
        }
    }

    private static void writeImage(Path file, String format, BufferedImage image, int dpi, float jpegQuality)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (jpegQuality > 0) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        if (format.equals("png") || format.equals("jpeg")) {
            withResolution(metadata, dpi); // other writers' plugins (BMP's from jai-imageio) fail on a standard tree
        }
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** Records the resolution as scanners do, so OCR knows the size of the letters. */
    private static void withResolution(IIOMetadata metadata, int dpi) throws IOException {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported() || metadata.isReadOnly()) {
            return;
        }
        double millimetresPerPixel = 25.4 / dpi;
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", Double.toString(millimetresPerPixel));
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", Double.toString(millimetresPerPixel));
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        try {
            metadata.mergeTree("javax_imageio_1.0", root);
        } catch (IIOInvalidTreeException e) {
            throw new IOException("Cannot record the resolution", e);
        }
    }

    /** Several pictures as the pages of one TIFF, as a fax or a multi-page scan keeps them. */
    public static void writeTiff(Path file, List<BufferedImage> pages) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        ImageWriter writer = writers.next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Each page a JPEG picture filling a Letter page's width, and no text layer: what a scanner's PDF holds. */
    public static void writePdf(Path file, List<BufferedImage> pages, int dpi) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image : pages) {
                float width = image.getWidth() * 72f / dpi;
                float height = image.getHeight() * 72f / dpi;
                PDPage page = new PDPage(new PDRectangle(width, Math.max(height, PDRectangle.LETTER.getHeight())));
                doc.addPage(page);
                PDImageXObject picture = JPEGFactory.createFromImage(doc, image, 0.8f);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(picture, 0, page.getMediaBox().getHeight() - height, width, height);
                }
            }
            doc.save(file.toFile());
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(candidate) > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static Font font() {
        try (InputStream ttf = ScannedDocuments.class.getResourceAsStream(FONT)) {
            return Font.createFont(Font.TRUETYPE_FONT, ttf);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("The font PDFBox ships is missing: " + FONT, e);
        }
    }
}

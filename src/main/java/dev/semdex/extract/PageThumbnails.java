package dev.semdex.extract;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Small pictures of what OCR read: an image file (one page of a multi-page TIFF) or a scanned PDF page, scaled to fit
 * a square, as PNG. A result that came from a picture is recognised faster by its picture than by its name, and a
 * reader checking OCR's text wants to see what it was read from.
 *
 * <p>Large images are decoded with subsampling, so a photo of tens of megapixels costs about what its thumbnail does.
 * A PDF page that has a text layer gives no picture: its text is the document, and rendering it would only slow the
 * preview down.
 */
public final class PageThumbnails {

    private static final String[] IMAGE_EXTENSIONS = {"png", "jpg", "jpeg", "tif", "tiff", "webp", "bmp", "gif"};

    private PageThumbnails() {}

    /** Whether the file is of a type whose results are pictures (an image file OCR reads). */
    public static boolean isImage(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (String ext : IMAGE_EXTENSIONS) {
            if (name.endsWith("." + ext)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The picture of {@code page} (1-based; 0 means the first) of an image or a scanned PDF, at most {@code maxSide}
     * pixels wide and high, as PNG bytes; null when there is none to show: a PDF page with a text layer, another type
     * of file, or an image format Java cannot decode (WebP).
     *
     * @throws IOException when the file cannot be read (gone, corrupt)
     */
    public static byte[] png(Path file, int page, int maxSide) throws IOException {
        if (maxSide <= 0) {
            throw new IllegalArgumentException("maxSide must be positive");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        BufferedImage picture;
        if (name.endsWith(".pdf")) {
            picture = scannedPdfPage(file, Math.max(1, page), maxSide);
        } else if (isImage(name)) {
            picture = image(file, Math.max(1, page), maxSide);
        } else {
            return null;
        }
        if (picture == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(fitted(picture, maxSide), "png", out);
        return out.toByteArray();
    }

    private static BufferedImage image(Path file, int page, int maxSide) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("file not found: " + file);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int index = page - 1;
                int count = reader.getNumImages(true);
                if (index >= count) {
                    index = 0;
                }
                int longest = Math.max(reader.getWidth(index), reader.getHeight(index));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longest / (maxSide * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage read = reader.read(index, param);
                return count == 1 ? ExifOrientation.upright(read, ExifOrientation.of(file)) : read;
            } catch (RuntimeException e) {
                throw new IOException("corrupt or unreadable image", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scannedPdfPage(Path file, int page, int maxSide) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (page > doc.getNumberOfPages()) {
                return null;
            }
            PDPage pdPage = doc.getPage(page - 1);
            if (!OcrReader.drawsImages(pdPage.getResources(), 0) || hasTextLayer(doc, page)) {
                return null;
            }
            float longestPoints = Math.max(pdPage.getMediaBox().getWidth(), pdPage.getMediaBox().getHeight());
            float scale = maxSide / Math.max(1f, longestPoints);
            return new PDFRenderer(doc).renderImage(page - 1, scale, ImageType.RGB);
        }
    }

    private static boolean hasTextLayer(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(doc);
        int letters = 0;
        for (int i = 0; i < text.length() && letters < TextExtractor.MIN_PAGE_TEXT; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                letters++;
            }
        }
        return letters >= TextExtractor.MIN_PAGE_TEXT;
    }

    private static BufferedImage fitted(BufferedImage source, int maxSide) {
        int longest = Math.max(source.getWidth(), source.getHeight());
        double scale = Math.min(1.0, (double) maxSide / longest);
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}

package dev.semdex.extract;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The way up of a photo. Phones and cameras store the pixels as the sensor saw them and say in the EXIF
 * {@code Orientation} tag how to turn them for showing; Java's image readers ignore the tag. Without this, a photo of
 * a receipt taken upright shows on its side in the results and the preview, Tesseract reads sideways lines as
 * nothing, and an image model sees the picture turned.
 */
public final class ExifOrientation {

    /** The tag's value when the pixels are already upright (and when there is no tag). */
    public static final int UPRIGHT = 1;

    private ExifOrientation() {}

    /** The file's EXIF orientation, 1 to 8; {@link #UPRIGHT} without a tag or when the file's metadata is unreadable. */
    public static int of(Path file) {
        try {
            ExifIFD0Directory exif = ImageMetadataReader.readMetadata(file.toFile())
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return UPRIGHT;
            }
            int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return value >= 1 && value <= 8 ? value : UPRIGHT;
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            return UPRIGHT;
        }
    }

    /** {@code image} turned and mirrored as {@code orientation} says, so that it shows as the photographer saw it. */
    public static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5; // 5 to 8 swap width and height
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(-Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(-Math.PI / 2); } // 8
        }
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }
}

package dev.semdex.embed.hub;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** The tiny two-tower fixture (src/test/resources/clip-tiny) and pictures to search with it, for tests. */
public final class ClipFixture {

    private ClipFixture() {}

    /** One file of the fixture, by its path in the repository layout (e.g. {@code onnx/text_model.onnx}). */
    public static byte[] file(String name) throws IOException {
        try (InputStream in = ClipFixture.class.getResourceAsStream(ClipFixtureTest.FIXTURE + name)) {
            if (in == null) {
                throw new IOException("fixture file missing: " + name);
            }
            return in.readAllBytes();
        }
    }

    /** The fixture as a local model folder in jina-clip-v1's layout, for {@code models add}. */
    public static Path modelFolder(Path dir) throws IOException {
        for (String name : ClipFixtureTest.REPOSITORY_FILES) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, file(name));
        }
        return dir;
    }

    /**
     * Photos as a camera leaves them: a main colour with some noise and a darker band, PNG and JPEG, and one white
     * receipt whose printed words only OCR can read.
     */
    public static Path photos(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(19);
        noisy(dir.resolve("red.png"), new Color(200, 30, 35), random, "png");
        noisy(dir.resolve("blue.jpg"), new Color(30, 50, 210), random, "jpg");
        noisy(dir.resolve("green.png"), new Color(35, 170, 60), random, "png");
        noisy(dir.resolve("yellow.png"), new Color(235, 220, 40), random, "png");
        noisy(dir.resolve("black.jpg"), new Color(15, 15, 20), random, "jpg");
        BufferedImage receipt = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = receipt.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 500);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString("INVOICE 2291", 60, 120);
        g.drawString("Invoice total: 4,210 euros", 60, 220);
        g.drawString("Paid by bank transfer", 60, 320);
        g.dispose();
        ImageIO.write(receipt, "png", dir.resolve("receipt.png").toFile());
        return dir;
    }

    private static void noisy(Path file, Color colour, Random random, String format) throws IOException {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 480; x++) {
                double shade = y > 240 ? 0.8 : 1.0;
                int r = clamp(colour.getRed() * shade + random.nextGaussian() * 12);
                int gr = clamp(colour.getGreen() * shade + random.nextGaussian() * 12);
                int b = clamp(colour.getBlue() * shade + random.nextGaussian() * 12);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        ImageIO.write(image, format, file.toFile());
    }

    static Path solid(Path file, Color colour, int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

}

package dev.semdex.embed.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import dev.semdex.extract.ExifOrientation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an image file into the {@code pixel_values} an image tower reads, exactly as its
 * {@code preprocessor_config.json} says. Two dialects of that file exist and both are read:
 * <ul>
 * <li>Hugging Face's CLIPImageProcessor (OpenAI CLIP and its ONNX exports, e.g. Xenova/clip-vit-base-patch32):
 * {@code size} (a number, {@code {"shortest_edge": n}} or {@code {"height", "width"}}), {@code resample} (3 =
 * bicubic), {@code crop_size}, {@code do_center_crop}, {@code do_rescale}/{@code rescale_factor},
 * {@code do_normalize}/{@code image_mean}/{@code image_std};</li>
 * <li>open_clip's, which jina-clip-v1 and v2 use: {@code size}, {@code interpolation} ("bicubic"),
 * {@code resize_mode} ("shortest": shorter side to size, then a centre crop; "squash": straight to size × size),
 * {@code mean}/{@code std}.</li>
 * </ul>
 * Steps: decode, drop alpha (as PIL's {@code convert("RGB")}), resize the shorter side with Pillow's bicubic
 * ({@link PilBicubic}), crop the centre (Hugging Face floors the offset, torchvision rounds it half to even, and each
 * dialect keeps its own), scale to 0–1, normalise per channel, lay out channel by channel (CHW).
 *
 * @param resizeShortest target of the shorter side, or -1 to resize to {@code resizeWidth} × {@code resizeHeight}
 * @param cropWidth      crop width, or -1 for no crop
 * @param roundCrop      torchvision's rounding of the crop offset (open_clip) rather than Hugging Face's floor
 */
public record ImagePreprocessor(int resizeShortest, int resizeWidth, int resizeHeight, int cropWidth, int cropHeight,
        boolean roundCrop, float rescale, float[] mean, float[] std) {

    /** Pictures larger than this are refused before they are decoded, as OCR refuses them. */
    public static final long MAX_PIXELS = 150_000_000L;
    private static final int PIL_BICUBIC = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The two numbers of {@code pixel_values}' height and width. */
    public int outputWidth() {
        return cropWidth > 0 ? cropWidth : resizeShortest > 0 ? resizeShortest : resizeWidth;
    }

    public int outputHeight() {
        return cropHeight > 0 ? cropHeight : resizeShortest > 0 ? resizeShortest : resizeHeight;
    }

    /** Reads a model's {@code preprocessor_config.json}; a setting Semdex cannot follow is refused with its name. */
    public static ImagePreprocessor read(Path config) {
        JsonNode c;
        try {
            c = JSON.readTree(config.toFile());
        } catch (IOException e) {
            throw new SemdexException("Cannot read the image preprocessing of the model, " + config + ": "
                    + e.getMessage(), e);
        }
        return c.has("resize_mode") || c.has("interpolation") || (c.has("mean") && !c.has("image_mean"))
                ? openClip(c, config) : huggingFace(c, config);
    }

    private static ImagePreprocessor openClip(JsonNode c, Path config) {
        int size = c.path("size").isArray() ? c.path("size").get(0).asInt() : c.path("size").asInt(224);
        String interpolation = c.path("interpolation").asText("bicubic");
        if (!interpolation.equals("bicubic")) {
            throw unsupported(config, "interpolation \"" + interpolation + "\"");
        }
        String mode = c.path("resize_mode").asText("shortest");
        float[] mean = floats(c.path("mean"), config, "mean");
        float[] std = floats(c.path("std"), config, "std");
        return switch (mode) {
            case "shortest" -> new ImagePreprocessor(size, -1, -1, size, size, true, 1f / 255, mean, std);
            case "squash" -> new ImagePreprocessor(-1, size, size, -1, -1, true, 1f / 255, mean, std);
            default -> throw unsupported(config, "resize_mode \"" + mode + "\"");
        };
    }

    private static ImagePreprocessor huggingFace(JsonNode c, Path config) {
        if (c.path("resample").asInt(PIL_BICUBIC) != PIL_BICUBIC) {
            throw unsupported(config, "resample " + c.path("resample").asInt() + " (Semdex resizes bicubic, 3)");
        }
        int shortest = -1;
        int width = -1;
        int height = -1;
        if (c.path("do_resize").asBoolean(true)) {
            JsonNode size = c.path("size");
            if (size.isNumber()) {
                shortest = size.asInt();
            } else if (size.has("shortest_edge")) {
                shortest = size.path("shortest_edge").asInt();
            } else if (size.has("height") && size.has("width")) {
                width = size.path("width").asInt();
                height = size.path("height").asInt();
            } else {
                throw unsupported(config, "size " + size);
            }
        }
        int cropWidth = -1;
        int cropHeight = -1;
        if (c.path("do_center_crop").asBoolean(true) && !c.path("crop_size").isMissingNode()) {
            JsonNode crop = c.path("crop_size");
            cropWidth = crop.isNumber() ? crop.asInt() : crop.path("width").asInt();
            cropHeight = crop.isNumber() ? crop.asInt() : crop.path("height").asInt();
        }
        float rescale = c.path("do_rescale").asBoolean(true) ? (float) c.path("rescale_factor").asDouble(1.0 / 255)
                : 1f;
        boolean normalise = c.path("do_normalize").asBoolean(true);
        float[] mean = normalise ? floats(c.path("image_mean"), config, "image_mean") : new float[]{0, 0, 0};
        float[] std = normalise ? floats(c.path("image_std"), config, "image_std") : new float[]{1, 1, 1};
        if (shortest <= 0 && (width <= 0 || height <= 0) && cropWidth <= 0) {
            throw unsupported(config, "no size");
        }
        return new ImagePreprocessor(shortest, width, height, cropWidth, cropHeight, false, rescale, mean, std);
    }

    private static float[] floats(JsonNode array, Path config, String name) {
        if (!array.isArray() || array.size() != 3) {
            throw unsupported(config, name + " " + array + " (three numbers expected, one per colour channel)");
        }
        return new float[]{(float) array.get(0).asDouble(), (float) array.get(1).asDouble(),
                (float) array.get(2).asDouble()};
    }

    private static SemdexException unsupported(Path config, String what) {
        return new SemdexException("The model's image preprocessing (" + config + ") asks for " + what
                + ", which Semdex does not support.");
    }

    /** The {@code pixel_values} of an image file: 3 × height × width floats, channel by channel. */
    public float[] pixelValues(Path image) {
        BufferedImage decoded = decode(image);
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        return pixelValues(decoded.getRGB(0, 0, w, h, null, 0, w), w, h);
    }

    /** The resized and cropped picture as {@code 0xRRGGBB} pixels, before scaling and normalising (for checks). */
    public int[] croppedPixels(int[] rgb, int width, int height) {
        int newWidth;
        int newHeight;
        if (resizeShortest > 0) {
            boolean portrait = width <= height;
            int shortSide = portrait ? width : height;
            int longSide = portrait ? height : width;
            int newLong = (int) ((long) resizeShortest * longSide / shortSide);
            newWidth = portrait ? resizeShortest : newLong;
            newHeight = portrait ? newLong : resizeShortest;
        } else if (resizeWidth > 0) {
            newWidth = resizeWidth;
            newHeight = resizeHeight;
        } else {
            newWidth = width;
            newHeight = height;
        }
        int[] resized = PilBicubic.resize(rgb, width, height, newWidth, newHeight);
        if (cropWidth <= 0) {
            return resized;
        }
        int left = offset(newWidth - cropWidth);
        int top = offset(newHeight - cropHeight);
        int[] out = new int[cropWidth * cropHeight];
        for (int y = 0; y < cropHeight; y++) {
            for (int x = 0; x < cropWidth; x++) {
                int sx = x + left;
                int sy = y + top;
                boolean inside = sx >= 0 && sy >= 0 && sx < newWidth && sy < newHeight;
                out[y * cropWidth + x] = inside ? resized[sy * newWidth + sx] : 0;
            }
        }
        return out;
    }

    /** Where a crop starts: Hugging Face floors half the excess, torchvision rounds it half to even. */
    int offset(int excess) {
        return roundCrop ? (int) Math.rint(excess / 2.0) : Math.floorDiv(excess, 2);
    }

    float[] pixelValues(int[] rgb, int width, int height) {
        int[] pixels = croppedPixels(rgb, width, height);
        int plane = outputWidth() * outputHeight();
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            out[i] = (((p >> 16) & 0xFF) * rescale - mean[0]) / std[0];
            out[plane + i] = (((p >> 8) & 0xFF) * rescale - mean[1]) / std[1];
            out[2 * plane + i] = ((p & 0xFF) * rescale - mean[2]) / std[2];
        }
        return out;
    }

    /** Decodes the first picture of the file; its size is checked from the header first. */
    private static BufferedImage decode(Path image) {
        if (!Files.isRegularFile(image)) {
            throw new SemdexException("Picture not found: " + image);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new SemdexException("cannot read the picture: Java reads no " + extension(image)
                        + " images");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new SemdexException(String.format(Locale.ROOT, "picture too large to embed (%,d × %,d "
                            + "pixels)", reader.getWidth(0), reader.getHeight(0)));
                }
                return ExifOrientation.upright(reader.read(0), ExifOrientation.of(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SemdexException se) {
                throw se;
            }
            throw new SemdexException("cannot read the picture: corrupt or unreadable image", e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "such" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
    }
}

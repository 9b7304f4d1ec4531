package dev.semdex.embed.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picture a CLIP image tower is fed must be the one Python's preprocessing makes: the fixture's reference
 * (src/test/fixtures/clip/make_tiny_clip.py) was resized by Pillow's bicubic and centre-cropped as open_clip does.
 */
class ImagePreprocessorTest {

    private static final String FIXTURE = "/clip-tiny/";

    @TempDir
    Path tmp;

    @Test
    void resizesAndCropsPixelForPixelAsPillowAndTorchvisionDo() throws IOException {
        JsonNode reference = new ObjectMapper().readTree(bytes("reference.json")).get("preprocess");
        ImagePreprocessor jinaClip = ImagePreprocessor.read(copy("preprocessor_config.json"));
        BufferedImage input = ImageIO.read(copy("preprocess-input.png").toFile());
        BufferedImage expected = ImageIO.read(copy("preprocess-expected.png").toFile());
        int w = input.getWidth();
        int h = input.getHeight();

        int[] mine = jinaClip.croppedPixels(input.getRGB(0, 0, w, h, null, 0, w), w, h);

        assertThat(jinaClip.offset(reference.get("resized").get(0).asInt() - 224))
                .isEqualTo(reference.get("left").asInt()).isEqualTo(58);
        int[] python = expected.getRGB(0, 0, 224, 224, null, 0, 224);
        int worst = 0;
        for (int i = 0; i < python.length; i++) {
            for (int shift : new int[]{16, 8, 0}) {
                worst = Math.max(worst, Math.abs(((mine[i] >> shift) & 0xFF) - ((python[i] >> shift) & 0xFF)));
            }
        }
        assertThat(worst).as("largest difference of a channel from Pillow's, in 8-bit steps").isZero();
    }

    @Test
    void aPhotoStoredTurnedIsFedUprightAsItsExifTagSays() throws IOException {
        ImagePreprocessor jinaClip = ImagePreprocessor.read(copy("preprocessor_config.json"));
        BufferedImage stored = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                stored.setRGB(x, y, x < 32 ? 0xFF0000 : 0x0000FF); // red left, blue right, as stored
            }
        }
        Path photo = Files.write(tmp.resolve("photo.jpg"), dev.semdex.extract.ExifJpeg.of(stored, 6));

        float[] values = jinaClip.pixelValues(photo);

        float red = (1f - 0.48145466f) / 0.26862954f;
        float none = -0.48145466f / 0.26862954f;
        org.assertj.core.data.Offset<Float> jpeg = org.assertj.core.data.Offset.offset(0.3f);
        assertThat(values[20 * 224 + 112]).as("red on top once turned right").isCloseTo(red, jpeg);
        assertThat(values[200 * 224 + 112]).as("blue below").isCloseTo(none, jpeg);
    }

    @Test
    void normalisesChannelByChannelWithTheModelsMeanAndStd() throws IOException {
        ImagePreprocessor jinaClip = ImagePreprocessor.read(copy("preprocessor_config.json"));
        int[] red = new int[64 * 48];
        java.util.Arrays.fill(red, 0xFF0000);

        float[] values = jinaClip.pixelValues(red, 64, 48);

        assertThat(values).hasSize(3 * 224 * 224);
        assertThat(values[0]).isCloseTo((1f - 0.48145466f) / 0.26862954f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(values[224 * 224]).isCloseTo(-0.4578275f / 0.26130258f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(values[2 * 224 * 224 + 5]).isCloseTo(-0.40821073f / 0.27577711f,
                org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void readsHuggingFacesClipImageProcessorAsXenovasExportShipsIt() throws IOException {
        // Xenova/clip-vit-base-patch32's preprocessor_config.json, as on the hub
        Path config = Files.writeString(tmp.resolve("preprocessor_config.json"), """
                {"crop_size": {"height": 224, "width": 224}, "do_center_crop": true, "do_convert_rgb": true,
                 "do_normalize": true, "do_rescale": true, "do_resize": true,
                 "feature_extractor_type": "CLIPFeatureExtractor",
                 "image_mean": [0.48145466, 0.4578275, 0.40821073], "image_processor_type": "CLIPFeatureExtractor",
                 "image_std": [0.26862954, 0.26130258, 0.27577711], "resample": 3,
                 "rescale_factor": 0.00392156862745098, "size": {"shortest_edge": 224}}""");
        ImagePreprocessor clip = ImagePreprocessor.read(config);

        assertThat(clip.resizeShortest()).isEqualTo(224);
        assertThat(clip.cropWidth()).isEqualTo(224);
        assertThat(clip.offset(115)).as("Hugging Face floors half the excess").isEqualTo(57);
        BufferedImage input = ImageIO.read(copy("preprocess-input.png").toFile());
        int[] pixels = clip.croppedPixels(input.getRGB(0, 0, 303, 200, null, 0, 303), 303, 200);
        BufferedImage expected = ImageIO.read(copy("preprocess-expected.png").toFile());
        // one column to the left of open_clip's crop: the same resized picture, the other rounding
        assertThat(pixels[1]).isEqualTo(expected.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void aSettingItCannotFollowIsRefusedByName() throws IOException {
        Path bilinear = Files.writeString(tmp.resolve("bilinear.json"), """
                {"size": 224, "crop_size": 224, "resample": 2, "image_mean": [0.5, 0.5, 0.5],
                 "image_std": [0.5, 0.5, 0.5]}""");
        assertThatThrownBy(() -> ImagePreprocessor.read(bilinear)).isInstanceOf(SemdexException.class)
                .hasMessageContaining("resample 2");
        Path longest = Files.writeString(tmp.resolve("longest.json"), """
                {"size": 224, "interpolation": "bicubic", "resize_mode": "longest", "mean": [0.5, 0.5, 0.5],
                 "std": [0.5, 0.5, 0.5]}""");
        assertThatThrownBy(() -> ImagePreprocessor.read(longest)).isInstanceOf(SemdexException.class)
                .hasMessageContaining("resize_mode \"longest\"");
    }

    @Test
    void aFileThatIsNoPictureGivesOneClearLine() throws IOException {
        ImagePreprocessor jinaClip = ImagePreprocessor.read(copy("preprocessor_config.json"));
        Path broken = Files.write(tmp.resolve("broken.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertThatThrownBy(() -> jinaClip.pixelValues(broken)).isInstanceOf(SemdexException.class)
                .hasMessageStartingWith("cannot read the picture")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path copy(String name) throws IOException {
        Path target = tmp.resolve(name);
        Files.write(target, bytes(name));
        return target;
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = ImagePreprocessorTest.class.getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}

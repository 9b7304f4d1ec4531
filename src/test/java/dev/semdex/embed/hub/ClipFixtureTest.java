package dev.semdex.embed.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.TestModels;
import dev.semdex.cli.CliRunner;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.DownloadListener;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.PictureEmbedder;
import dev.semdex.embed.Vectors;
import dev.semdex.models.EmbedderFactory;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image search end to end on a tiny two-tower model (src/test/fixtures/clip/make_tiny_clip.py) whose towers map
 * colour words and a picture's colour into one space, served file for file like jinaai/jina-clip-v1 by a local hub:
 * pulled, a folder of coloured photos (PNG and JPEG, one with text for OCR) indexed, and asked for in words.
 */
class ClipFixtureTest {

    static final String FIXTURE = "/clip-tiny/";
    static final String JINA_CLIP = "jinaai/jina-clip-v1";
    static final String XENOVA_CLIP = "Xenova/clip-vit-base-patch32";
    /** The files of jinaai/jina-clip-v1 that Semdex reads, in the repository's own layout. */
    static final List<String> REPOSITORY_FILES = List.of("config.json", "preprocessor_config.json", "tokenizer.json",
            "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "onnx/text_model.onnx",
            "onnx/vision_model.onnx");
    /** Xenova/clip-vit-base-patch32's preprocessor_config.json, as on the hub (Hugging Face's dialect). */
    static final String XENOVA_PREPROCESSOR = """
            {"crop_size": {"height": 224, "width": 224}, "do_center_crop": true, "do_convert_rgb": true,
             "do_normalize": true, "do_rescale": true, "do_resize": true,
             "feature_extractor_type": "CLIPFeatureExtractor", "image_mean": [0.48145466, 0.4578275, 0.40821073],
             "image_processor_type": "CLIPFeatureExtractor", "image_std": [0.26862954, 0.26130258, 0.27577711],
             "resample": 3, "rescale_factor": 0.00392156862745098, "size": {"shortest_edge": 224}}""";

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static FakeHub hub;
    private static JsonNode reference;

    @BeforeAll
    static void serveTheFixture() throws IOException {
        TestModels.minilm(); // configures DJL's cache folders for this test JVM
        hub = new FakeHub();
        for (String file : REPOSITORY_FILES) {
            hub.file(JINA_CLIP, file, fixture(file), file.endsWith(".onnx"));
            byte[] xenova = file.equals("preprocessor_config.json") ? XENOVA_PREPROCESSOR.getBytes() : fixture(file);
            hub.file(XENOVA_CLIP, file, xenova, file.endsWith(".onnx"));
        }
        // Xenova's repository also holds the two towers joined in one graph, which Semdex must not take for a model
        hub.file(XENOVA_CLIP, "onnx/model.onnx", new byte[]{1, 2, 3}, true);
        reference = new ObjectMapper().readTree(fixture("reference.json"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static byte[] fixture(String file) throws IOException {
        return ClipFixture.file(file);
    }

    @Test
    void pulledFromTheHubAPhotoIsFoundByWhatItShows() throws IOException {
        Path data = dataFolder();
        Path photos = ClipFixture.photos(tmp.resolve("photos"));

        CliRunner.Result pull = cli(data, "models", "pull", "jina-clip-v1");
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(Files.exists(tmp.resolve("data/cache"))).isTrue();
        CliRunner.Result index = cli(data, "index", photos.toString(), "--model", "jina-clip-v1");
        assertThat(index.exitCode()).as(index.err()).isZero();
        assertThat(index.err()).contains("Indexed 6 files").contains("0 skipped");
        JsonNode status = new ObjectMapper().readTree(cli(data, "status", "--json").out());
        assertThat(status.get("models").get("jina-clip-v1").get("pictures").asInt()).isEqualTo(6);

        for (String colour : List.of("red", "blue", "green", "yellow")) {
            assertThat(firstPath(data, colour, "--model", "jina-clip-v1")).as(colour).matches(".*/" + colour
                    + "\\.(png|jpg)");
        }
        // a search by meaning alone (Semantic in the window) finds the photos too
        for (String colour : List.of("red", "blue")) {
            assertThat(firstPath(data, colour, "--model", "jina-clip-v1", "--mode", "vector")).as(colour + ", by "
                    + "meaning only").matches(".*/" + colour + "\\.(png|jpg)");
        }
        // its OCR text takes part too: the words on the receipt find it
        assertThat(firstPath(data, "invoice total", "--model", "jina-clip-v1")).endsWith("receipt.png");

        CliRunner.Result again = cli(data, "index", photos.toString(), "--model", "jina-clip-v1");
        assertThat(again.err()).contains("Indexed 0 files").contains("6 unchanged");
    }

    @Test
    void aTextIndexGainsPicturesWhenTheTwoTowerModelIsAdded() throws IOException {
        Path data = dataFolder();
        Path photos = ClipFixture.photos(tmp.resolve("photos"));
        Files.writeString(photos.resolve("notes.txt"), "Shopping list: flour, eggs, milk and a red onion.");
        assertThat(cli(data, "models", "pull", XENOVA_CLIP).exitCode()).isZero();
        try (Stream<Path> files = Files.walk(tmp.resolve("data"))) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith("onnx/model.onnx"));
        }

        CliRunner.Result text = cli(data, "index", photos.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err()).contains("5 skipped"); // the photos without text: nothing to read yet
        CliRunner.Result added = cli(data, "index", "--model", XENOVA_CLIP);
        assertThat(added.exitCode()).as(added.err()).isZero();

        // searched with the index's text model (the default): its passages, and the pictures by the added model
        assertThat(firstPath(data, "blue")).endsWith("blue.jpg");
        assertThat(firstPath(data, "yellow")).endsWith("yellow.png");
        assertThat(firstPath(data, "shopping list")).endsWith("notes.txt");
        // the text model's next run keeps the photos as pictures (one empty passage each) instead of skipping them
        CliRunner.Result rerun = cli(data, "index", photos.toString());
        assertThat(rerun.err()).contains("Indexed 5 files").contains("0 skipped").contains("0 passages embedded");
        assertThat(cli(data, "index", photos.toString()).err()).contains("Indexed 0 files").contains("7 unchanged");
        // a note that says "red" in words and the red photo: both lead, before the other photos
        assertThat(paths(data, "red").subList(0, 2)).anyMatch(p -> p.endsWith("red.png"))
                .anyMatch(p -> p.endsWith("notes.txt"));
    }

    @Test
    void bothTowersGiveWhatThePythonForwardPassGave() throws IOException {
        ModelCatalog catalog = new ModelCatalog();
        UserModels user = UserModels.load(tmp.resolve("data"));
        ModelManager manager = new ModelManager(catalog, user, new HubClient(hub.url(), null, 1),
                tmp.resolve("data/hub"));
        ModelManager.Result pulled = manager.pull("jina-clip-v1", null, DownloadListener.NONE);
        assertThat(pulled.model().twoTower()).isTrue();
        assertThat(pulled.model().dimension()).isEqualTo(32);
        assertThat(pulled.warnings()).anyMatch(w -> w.contains("768") && w.contains("32"));

        EmbedderFactory factory = new EmbedderFactory(catalog, new BundledModelFiles(shared.resolve("bundled")), 1);
        factory.userModels(user);
        List<String> figures = new ArrayList<>();
        try (Embedder opened = factory.open("jina-clip-v1")) {
            PictureEmbedder clip = (PictureEmbedder) opened;
            float worst = 1;
            for (JsonNode query : reference.get("queries")) {
                float cos = Vectors.dot(clip.embedQuery(query.get("text").asText()),
                        Vectors.normalize(floats(query.get("text_embeds"))));
                worst = Math.min(worst, cos);
            }
            figures.add(String.format(Locale.ROOT, "text 1-cos %.1e", 1 - worst));
            assertThat(worst).isGreaterThanOrEqualTo(0.9999f);
            worst = 1;
            for (JsonNode picture : reference.get("pictures")) {
                JsonNode rgb = picture.get("rgb255");
                Path file = ClipFixture.solid(tmp.resolve(picture.get("colour").asText() + ".png"), new Color(rgb.get(0).asInt(),
                        rgb.get(1).asInt(), rgb.get(2).asInt()), picture.get("width").asInt(),
                        picture.get("height").asInt(), "png");
                float cos = Vectors.dot(clip.embedPicture(file), Vectors.normalize(floats(picture.get("image_embeds"))));
                worst = Math.min(worst, cos);
            }
            Path pattern = Files.write(tmp.resolve("pattern.png"), fixture("preprocess-input.png"));
            float patternCos = Vectors.dot(clip.embedPicture(pattern),
                    Vectors.normalize(floats(reference.get("preprocess").get("image_embeds"))));
            figures.add(String.format(Locale.ROOT, "pictures 1-cos %.1e, pattern %.1e", 1 - worst, 1 - patternCos));
            assertThat(worst).isGreaterThanOrEqualTo(0.9999f);
            assertThat(patternCos).isGreaterThanOrEqualTo(0.9999f);
        }
        System.out.println("clip-parity: " + String.join("; ", figures));
    }

    private Path dataFolder() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("settings.json"), "{\"hubUrl\": \"" + hub.url() + "\"}");
        return data;
    }

    private static CliRunner.Result cli(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private static List<String> paths(Path data, String query) throws IOException {
        CliRunner.Result search = cli(data, "search", query, "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(search.out()).forEach(r -> out.add(r.get("path").asText()));
        return out;
    }

    private static String firstPath(Path data, String query, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("search", query, "--json"));
        args.addAll(List.of(more));
        CliRunner.Result search = cli(data, args.toArray(String[]::new));
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(search.out());
        assertThat(results.size()).as("results for " + query).isPositive();
        return results.get(0).get("path").asText();
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}

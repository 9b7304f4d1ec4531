package dev.semdex.embed.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.semdex.SemdexException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A two-tower (CLIP-style) model folder in the layout of the hub's ONNX exports: {@code onnx/text_model.onnx},
 * {@code onnx/vision_model.onnx}, {@code preprocessor_config.json} and {@code tokenizer.json} (jinaai/jina-clip-v1,
 * Xenova/clip-vit-base-patch32). Such a repository often also holds {@code onnx/model.onnx}, the two towers joined
 * in one graph that wants a picture and a text at every call; Semdex runs the towers apart instead.
 *
 * @param maxTokens       the text tower's length: {@code text_config.max_position_embeddings} (77 for OpenAI CLIP),
 *                        else {@code tokenizer_config.json}'s {@code model_max_length}, else 77
 * @param configDimension the shared space's size the config claims ({@code projection_dim}), or -1
 */
public record TwoTowerFolder(Path dir, Path textModel, Path visionModel, Path tokenizer, Path preprocessor,
        int maxTokens, int configDimension) {

    public static final String TEXT_MODEL = "onnx/text_model.onnx";
    public static final String VISION_MODEL = "onnx/vision_model.onnx";
    public static final String PREPROCESSOR = "preprocessor_config.json";
    /** The files that make a repository a two-tower model, besides tokenizer.json. */
    public static final List<String> TOWER_FILES = List.of(TEXT_MODEL, VISION_MODEL, PREPROCESSOR);
    /** CLIP's text length, where a folder does not say. */
    static final int CLIP_TOKENS = 77;

    /** Whether the folder holds both towers and the picture preprocessing. */
    public static boolean recognises(Path dir) {
        return TOWER_FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    public static TwoTowerFolder inspect(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        for (String file : List.of("tokenizer.json", TEXT_MODEL, VISION_MODEL, PREPROCESSOR)) {
            if (!Files.isRegularFile(root.resolve(file))) {
                throw new SemdexException("The two-tower model folder " + root + " has no " + file + ".");
            }
        }
        JsonNode config = ModelFolder.read(root.resolve("config.json"));
        JsonNode text = config == null ? null : config.path("text_config");
        int maxTokens = text == null ? -1 : text.path("max_position_embeddings").asInt(-1);
        if (maxTokens <= 0) {
            JsonNode tokenizer = ModelFolder.read(root.resolve("tokenizer_config.json"));
            long modelMax = tokenizer == null ? -1 : tokenizer.path("model_max_length").asLong(-1);
            maxTokens = modelMax > 0 && modelMax <= 1_000_000 ? (int) modelMax : CLIP_TOKENS;
        }
        int dimension = config == null ? -1 : config.path("projection_dim").asInt(-1);
        return new TwoTowerFolder(root, root.resolve(TEXT_MODEL), root.resolve(VISION_MODEL),
                root.resolve("tokenizer.json"), root.resolve(PREPROCESSOR), maxTokens, dimension);
    }
}

package dev.semdex.embed.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import dev.semdex.embed.Pooling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model folder in Hugging Face layout: {@code tokenizer.json} plus {@code model.onnx}, {@code onnx/model.onnx} or a
 * TorchScript {@code model.pt}. Pooling, length and the claimed dimension are read from the sentence-transformers
 * and transformers config files when they are there.
 *
 * @param modelFile       the file the engine loads; its suffix picks the engine
 * @param pooling         from {@code 1_Pooling/config.json}, else mean
 * @param maxTokens       from {@code sentence_bert_config.json}, {@code config.json} or {@code tokenizer_config.json}
 * @param configDimension what the config files claim ({@code hidden_size} or the pooling dimension), or -1
 * @param notes           what was assumed because a file was missing
 */
public record ModelFolder(Path dir, Path modelFile, Path tokenizer, Pooling pooling, int maxTokens,
        int configDimension, List<String> notes) {

    /** Files a downloader should fetch besides the model and tokenizer, when the repository has them. */
    public static final List<String> CONFIG_FILES = List.of("config.json", "sentence_bert_config.json",
            "1_Pooling/config.json", "tokenizer_config.json");
    /** Where a model file is looked for, in order. */
    public static final List<String> MODEL_FILES = List.of("model.onnx", "onnx/model.onnx", "model.pt");

    private static final int DEFAULT_MAX_TOKENS = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    public String engine() {
        return modelFile.getFileName().toString().endsWith(".pt") ? "PyTorch" : "OnnxRuntime";
    }

    public static ModelFolder inspect(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new SemdexException("Model folder not found: " + root);
        }
        Path tokenizer = root.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new SemdexException("The model folder " + root + " has no tokenizer.json. Save the tokenizer in "
                    + "the fast format (tokenizer.save_pretrained(...) writes it) next to the model.");
        }
        Path model = findModel(root);
        List<String> notes = new ArrayList<>();
        Pooling pooling = readPooling(root, notes);
        int maxTokens = readMaxTokens(root, notes);
        int dimension = readDimension(root);
        return new ModelFolder(root, model, tokenizer, pooling, maxTokens, dimension, List.copyOf(notes));
    }

    private static Path findModel(Path root) {
        for (String name : MODEL_FILES) {
            Path p = root.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            files.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".onnx") || p.toString().endsWith(".pt")))
                    .forEach(candidates::add);
        } catch (IOException e) {
            throw new SemdexException("Cannot read the model folder " + root + ": " + e.getMessage(), e);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.size() > 1) {
            throw new SemdexException("The model folder " + root + " holds several model files ("
                    + candidates.stream().map(p -> p.getFileName().toString()).sorted().toList()
                    + "); keep one, or name the one to use model.onnx or model.pt.");
        }
        boolean weightsOnly = Files.exists(root.resolve("model.safetensors"))
                || Files.exists(root.resolve("pytorch_model.bin"));
        throw new SemdexException("The model folder " + root + " has no model.onnx, onnx/model.onnx or model.pt"
                + (weightsOnly ? ". It only has PyTorch weights (model.safetensors / pytorch_model.bin), which "
                        + "Semdex cannot run: export the model to ONNX (optimum-cli export onnx) or TorchScript "
                        + "(torch.jit.trace) first." : "."));
    }

    private static Pooling readPooling(Path root, List<String> notes) {
        JsonNode cfg = read(root.resolve("1_Pooling/config.json"));
        if (cfg == null) {
            notes.add("no 1_Pooling/config.json: using mean pooling");
            return Pooling.MEAN;
        }
        if (cfg.path("pooling_mode_cls_token").asBoolean(false)) {
            return Pooling.CLS;
        }
        if (cfg.path("pooling_mode_mean_tokens").asBoolean(false)) {
            return Pooling.MEAN;
        }
        for (String mode : List.of("pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens",
                "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken")) {
            if (cfg.path(mode).asBoolean(false)) {
                throw new SemdexException("The model in " + root + " uses " + mode.replace("pooling_mode_", "")
                        + " pooling, which Semdex does not support (mean and cls only). Use --pooling to override "
                        + "if you know better.");
            }
        }
        notes.add("1_Pooling/config.json names no pooling mode: using mean pooling");
        return Pooling.MEAN;
    }

    private static int readMaxTokens(Path root, List<String> notes) {
        int st = read(root.resolve("sentence_bert_config.json")) == null ? -1
                : read(root.resolve("sentence_bert_config.json")).path("max_seq_length").asInt(-1);
        if (st > 0) {
            return st;
        }
        JsonNode config = read(root.resolve("config.json"));
        int positions = config == null ? -1 : config.path("max_position_embeddings").asInt(-1);
        if (positions > 0) {
            return positions;
        }
        JsonNode tok = read(root.resolve("tokenizer_config.json"));
        long modelMax = tok == null ? -1 : tok.path("model_max_length").asLong(-1);
        if (modelMax > 0 && modelMax <= 1_000_000) {
            return (int) modelMax;
        }
        notes.add("no maximum length in the config files: using " + DEFAULT_MAX_TOKENS + " tokens");
        return DEFAULT_MAX_TOKENS;
    }

    private static int readDimension(Path root) {
        JsonNode config = read(root.resolve("config.json"));
        int hidden = config == null ? -1 : config.path("hidden_size").asInt(config.path("dim").asInt(-1));
        if (hidden > 0) {
            return hidden;
        }
        JsonNode pooling = read(root.resolve("1_Pooling/config.json"));
        return pooling == null ? -1 : pooling.path("word_embedding_dimension").asInt(-1);
    }

    /** A JSON file of a model folder, or null when it is absent; invalid JSON is an error the user can act on. */
    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new SemdexException("Cannot read " + file + ": it is not valid JSON (" + e.getMessage() + ").", e);
        }
    }
}

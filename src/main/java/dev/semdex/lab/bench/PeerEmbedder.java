package dev.semdex.lab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.semdex.SemdexException;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Pooling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer that {@code bench embed} measures in the same run: langchain4j's in-process ONNX model, the runtime behind
 * {@code AllMiniLmL6V2EmbeddingModel} and its int8 twin, given the same model file and texts as Semdex. As shipped,
 * those classes read the tokenizer.json in their jar, which truncates at 128 tokens, so they would do half the work
 * and not be comparable; the peer gets a copy of the tokenizer that truncates at the model's own length instead.
 */
final class PeerEmbedder {

    static final String NAME = "langchain4j-onnx";

    private final OnnxEmbeddingModel model;
    private final String passagePrefix;

    private PeerEmbedder(OnnxEmbeddingModel model, String passagePrefix) {
        this.model = model;
        this.passagePrefix = passagePrefix;
    }

    static PeerEmbedder open(ModelSpec spec, BundledModelFiles.ModelFiles files, Path workDir) {
        Path tokenizer = tokenizerTruncatedAt(files.tokenizer(), spec.maxTokens(), workDir);
        PoolingMode pooling = spec.pooling() == Pooling.CLS ? PoolingMode.CLS : PoolingMode.MEAN;
        return new PeerEmbedder(new OnnxEmbeddingModel(files.model().toString(), tokenizer.toString(), pooling),
                spec.passagePrefix());
    }

    List<float[]> embed(List<String> passages) {
        List<TextSegment> segments = passages.stream().map(p -> TextSegment.from(passagePrefix + p)).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private static Path tokenizerTruncatedAt(Path tokenizerJson, int maxTokens, Path workDir) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode root = (ObjectNode) json.readTree(tokenizerJson.toFile());
            ObjectNode truncation = json.createObjectNode();
            truncation.put("direction", "Right");
            truncation.put("max_length", maxTokens);
            truncation.put("strategy", "LongestFirst");
            truncation.put("stride", 0);
            root.set("truncation", truncation);
            root.putNull("padding");
            Path copy = workDir.resolve("peer-tokenizer-" + maxTokens + ".json");
            json.writeValue(copy.toFile(), root);
            return copy;
        } catch (IOException | ClassCastException e) {
            throw new SemdexException("Cannot prepare the peer's tokenizer from " + tokenizerJson + ": "
                    + e.getMessage(), e);
        }
    }
}

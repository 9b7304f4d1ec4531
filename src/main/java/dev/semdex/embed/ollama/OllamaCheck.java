package dev.semdex.embed.ollama;

import dev.semdex.SemdexException;
import dev.semdex.embed.OllamaModels;
import java.util.List;

/**
 * "Check connection" for the settings window and {@code semdex ollama check}: reaches the server, looks for the
 * model, asks what it is and embeds one text to learn the real dimension. Every outcome ends with the next step
 * for the user; nothing here throws for a problem on the server's side.
 *
 * @param version     the server's version, null when it could not be reached
 * @param present     whether the server has the model
 * @param dimension   probed vector length, 0 when not probed
 * @param context     the model's context length from {@code /api/show}, 0 when unknown
 * @param chunkTokens the chunk size Semdex would use with this server, 0 when not probed
 * @param nextStep    what to do now (or how to index when all is well)
 */
public record OllamaCheck(boolean ok, String server, String version, String model, boolean present,
        List<String> capabilities, int dimension, int context, int chunkTokens, List<String> modelsOnServer,
        String nextStep) {

    /** Runs the check; blocking, interruptible between requests. */
    public static OllamaCheck run(OllamaConfig config, String modelName) {
        String name = modelName == null ? "" : modelName.strip();
        if (OllamaModels.isOllamaId(name)) {
            name = OllamaModels.modelName(name);
        }
        OllamaClient client = new OllamaClient(config);
        String version;
        List<String> models;
        try {
            version = client.version();
            models = client.models();
        } catch (SemdexException e) {
            return failed(config, name, null, List.of(), e.getMessage());
        }
        if (name.isEmpty()) {
            return new OllamaCheck(false, config.baseUrl(), version, name, false, List.of(), 0, 0, 0, models,
                    "Pick an embedding model, e.g. nomic-embed-text, all-minilm or jina/jina-embeddings-v2-small-en.");
        }
        String wanted = OllamaClient.withTag(name);
        if (models.stream().noneMatch(m -> OllamaClient.withTag(m).equals(wanted))) {
            return new OllamaCheck(false, config.baseUrl(), version, name, false, List.of(), 0, 0, 0, models,
                    "Model not found — run `ollama pull " + name + "` on the server, or pull it from here.");
        }
        OllamaClient.ModelInfo info;
        try {
            info = client.show(name);
        } catch (SemdexException e) {
            return failed(config, name, version, models, e.getMessage());
        }
        if (!info.embeds()) {
            return new OllamaCheck(false, config.baseUrl(), version, name, true, info.capabilities(), 0,
                    info.contextLength(), 0, models, "'" + name + "' is not an embedding model (it can: "
                            + String.join(", ", info.capabilities()) + "); pick one such as nomic-embed-text.");
        }
        try (OllamaEmbedder embedder = OllamaEmbedder.open(config, OllamaModels.spec(OllamaModels.PREFIX + name))) {
            return new OllamaCheck(true, config.baseUrl(), version, name, true, info.capabilities(),
                    embedder.dimension(), info.contextLength(), embedder.model().chunkTokens(), models,
                    "Ready. Choose ollama:" + name + " as the model for new indexing.");
        } catch (SemdexException e) {
            return new OllamaCheck(false, config.baseUrl(), version, name, true, info.capabilities(), 0,
                    info.contextLength(), 0, models, e.getMessage());
        }
    }

    private static OllamaCheck failed(OllamaConfig config, String name, String version, List<String> models,
            String message) {
        return new OllamaCheck(false, config.baseUrl(), version, name, false, List.of(), 0, 0, 0, models, message);
    }

    /** Several lines for a label or the terminal. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Server: ").append(server).append(version == null ? " — not reachable" : " (Ollama " + version + ")");
        if (!model.isEmpty() && version != null) {
            sb.append("\nModel: ").append(model).append(present ? " — present" : " — not on the server");
            if (dimension > 0) {
                sb.append("\nDimension: ").append(dimension);
            }
            if (context > 0) {
                sb.append("\nContext: ").append(context).append(" tokens");
                if (chunkTokens > 0) {
                    sb.append("; chunks of up to ").append(chunkTokens).append(" tokens");
                }
            }
        }
        sb.append("\nNext step: ").append(nextStep);
        return sb.toString();
    }
}

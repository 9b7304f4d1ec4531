package dev.semdex.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.OllamaModels;
import dev.semdex.embed.PooledVectors;
import dev.semdex.models.EmbedderLease;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Prints the vectors a model gives for texts: for scripts that need embeddings, and for checking that a model runs
 * here as it does in its reference implementation ({@code --raw} shows the pooled vector those print).
 */
@Command(name = "embed", description = "Print the vector of each text (one text per line on stdin when none are "
        + "given): model id, dimension and vector.")
final class EmbedCommand implements Callable<Integer> {

    /** Fewer texts than this finish before a progress line would help. */
    static final int PROGRESS_FROM = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    SemdexCommand root;

    @picocli.CommandLine.Mixin
    OllamaCommand.Options ollama = new OllamaCommand.Options();

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "Texts to embed (default: one per stdin line).")
    List<String> texts = new ArrayList<>();

    @Option(names = "--model", paramLabel = "ID", description = "Embedding model, local or ollama:<model> "
            + "(default: the model the index was built with, else the default model).")
    String model;

    @Option(names = "--query", description = "Embed as search queries (the model's query prefix or instruction); "
            + "default: as passages.")
    boolean query;

    @Option(names = "--raw", description = "Print the pooled vector before normalisation (local models only).")
    boolean raw;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "Print one JSON array of {model, dimension, kind, normalized, text, "
                + "vector}.")
        boolean json;

        @Option(names = "--jsonl", description = "Print one such JSON object per line.")
        boolean jsonl;
    }

    @Override
    public Integer call() {
        List<String> inputs = texts.isEmpty() ? readStdin() : texts;
        if (inputs.isEmpty()) {
            throw new SemdexException("Nothing to embed: give texts as arguments or one per line on stdin.");
        }
        var semdex = root.context().semdex();
        String id = ollama.apply(root.context(), model != null ? model : semdex.models().defaultModel());
        ModelSpec spec = semdex.catalog().require(id);
        if (raw && spec.source() == ModelSource.OLLAMA) {
            throw new SemdexException("--raw needs a model that runs here: Ollama's /api/embed returns normalised "
                    + "vectors only, so the pooled vector of " + OllamaModels.PREFIX + OllamaModels.modelName(id)
                    + " cannot be shown. Leave out --raw, or use a local model.");
        }
        try (EmbedderLease lease = semdex.models().lease(id)) {
            Embedder embedder = lease.embedder();
            if (raw && !(embedder instanceof PooledVectors)) {
                throw new SemdexException("Model '" + id + "' cannot show its vectors before normalisation.");
            }
            noteCutTexts(embedder, inputs);
            print(embedder, inputs);
            embedder.warnings().forEach(w -> System.err.println("warning: " + w));
        }
        return 0;
    }

    private void print(Embedder embedder, List<String> inputs) {
        PrintStream out = System.out;
        ProgressPrinter progress = inputs.size() >= PROGRESS_FROM ? new ProgressPrinter(System.err) : null;
        int step = query ? 1 : Math.max(1, embedder.passagesPerCall());
        long start = System.nanoTime();
        if (format.json) {
            out.println("[");
        }
        for (int from = 0; from < inputs.size(); from += step) {
            List<String> part = inputs.subList(from, Math.min(inputs.size(), from + step));
            List<float[]> vectors = embed(embedder, part);
            for (int i = 0; i < part.size(); i++) {
                boolean last = from + i == inputs.size() - 1;
                out.println(render(embedder, part.get(i), vectors.get(i)) + (format.json && !last ? "," : ""));
            }
            if (progress != null) {
                progress.counted("texts", from + part.size(), inputs.size(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
        }
        if (format.json) {
            out.println("]");
        }
        out.flush();
    }

    private List<float[]> embed(Embedder embedder, List<String> part) {
        if (query) {
            return part.stream().map(t -> raw ? ((PooledVectors) embedder).pooledQuery(t) : embedder.embedQuery(t))
                    .toList();
        }
        return raw ? ((PooledVectors) embedder).pooledPassages(part) : embedder.embedPassages(part);
    }

    private String render(Embedder embedder, String text, float[] vector) {
        String id = embedder.model().id();
        if (format.json || format.jsonl) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", id);
            row.put("dimension", vector.length);
            row.put("kind", query ? "query" : "passage");
            row.put("normalized", !raw);
            row.put("text", text);
            row.put("vector", vector);
            try {
                return JSON.writeValueAsString(row);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder line = new StringBuilder();
        line.append(id).append('\t').append(vector.length).append('\t').append('[');
        for (int i = 0; i < vector.length; i++) {
            line.append(i == 0 ? "" : ", ").append((double) vector[i]);
        }
        return line.append(']').toString();
    }

    /**
     * A local model reads at most its input length and drops the rest without a word, which matters when a text
     * from a script is longer than the model was made for; an Ollama server's cuts are reported by its embedder.
     */
    private void noteCutTexts(Embedder embedder, List<String> inputs) {
        ModelSpec spec = embedder.model();
        if (spec.source() == ModelSource.OLLAMA) {
            return;
        }
        String prefix = query ? spec.queryPrefix() : spec.passagePrefix();
        int readable = spec.maxTokens() - 2;
        for (int i = 0; i < inputs.size(); i++) {
            int tokens = embedder.tokenizer().count(prefix + inputs.get(i));
            if (tokens > readable) {
                System.err.printf(Locale.ROOT, "note: text %d has %,d tokens; %s reads only the first %,d.%n",
                        i + 1, tokens, spec.id(), readable);
            }
        }
    }

    private static List<String> readStdin() {
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new SemdexException("Cannot read the texts from stdin: " + e.getMessage(), e);
        }
        return lines;
    }
}

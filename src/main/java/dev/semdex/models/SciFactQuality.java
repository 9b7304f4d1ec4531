package dev.semdex.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quality figures the app ships: nDCG@10 per model on SciFact, as measured for the README's table, so that
 * choosing a model to add is not a guess. Read from a resource next to this class.
 */
public final class SciFactQuality {

    /** nDCG@10 of one model in each search mode. */
    public record Figures(String modelId, double vector, double keyword, double hybrid) {}

    private static final Map<String, Figures> TABLE = load();

    private SciFactQuality() {}

    public static Optional<Figures> of(String modelId) {
        return Optional.ofNullable(TABLE.get(modelId));
    }

    private static Map<String, Figures> load() {
        Map<String, Figures> out = new LinkedHashMap<>();
        try (InputStream in = SciFactQuality.class.getResourceAsStream("scifact-quality.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 4 || f[0].equals("model")) {
                    continue;
                }
                out.put(f[0], new Figures(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}

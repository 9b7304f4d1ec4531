package dev.semdex.similar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A folder of real abstracts (SciFact, written by the papers' authors) where one abstract is cut into two files:
 * more-like-this from one half must find the other half first.
 */
public final class SplitDocuments {

    public static final Path SCIFACT = Path.of("..", "shared", "datasets", "scifact", "corpus.jsonl");
    /** Abstracts in the folder besides the split one. */
    private static final int OTHERS = 40;

    public final Path folder;
    public final Path firstHalf;
    public final Path secondHalf;
    public final String secondHalfText;

    private SplitDocuments(Path folder, Path firstHalf, Path secondHalf, String secondHalfText) {
        this.folder = folder;
        this.firstHalf = firstHalf;
        this.secondHalf = secondHalf;
        this.secondHalfText = secondHalfText;
    }

    /** Writes the folder: the longest of the first abstracts split in two, and {@value #OTHERS} others whole. */
    public static SplitDocuments write(Path folder) {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(SCIFACT),
                "SciFact at " + SCIFACT.toAbsolutePath());
        try {
            Files.createDirectories(folder);
            List<JsonNode> docs = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader in = Files.newBufferedReader(SCIFACT)) {
                String line;
                while ((line = in.readLine()) != null && docs.size() < OTHERS + 1) {
                    JsonNode doc = json.readTree(line);
                    if (doc.get("text").asText().length() > 600) {
                        docs.add(doc);
                    }
                }
            }
            JsonNode split = docs.stream().max(Comparator.comparingInt(d -> d.get("text").asText().length())).get();
            for (JsonNode doc : docs) {
                if (doc != split) {
                    Files.writeString(folder.resolve("abstract-" + doc.get("_id").asText() + ".txt"),
                            doc.get("title").asText() + "\n\n" + doc.get("text").asText());
                }
            }
            String[] halves = halves(split.get("text").asText());
            Path first = folder.resolve("part-1.txt");
            Path second = folder.resolve("part-2.txt");
            Files.writeString(first, split.get("title").asText() + "\n\n" + halves[0]);
            Files.writeString(second, halves[1]);
            return new SplitDocuments(folder, first, second, halves[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cut at the sentence end nearest the middle. */
    private static String[] halves(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int best = -1;
        for (int end = sentences.first(); end != BreakIterator.DONE; end = sentences.next()) {
            if (best < 0 || Math.abs(end - text.length() / 2) < Math.abs(best - text.length() / 2)) {
                best = end;
            }
        }
        return new String[] {text.substring(0, best).trim(), text.substring(best).trim()};
    }
}

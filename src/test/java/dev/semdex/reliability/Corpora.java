package dev.semdex.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Realistic text files for load and crash tests: SciFact abstracts when the dataset is there, else made-up prose. */
final class Corpora {

    private static final Path SCIFACT = Path.of("..", "shared", "datasets", "scifact", "corpus.jsonl");
    private static final String[] WORDS = ("protein cell gene expression tumour patient study results increased "
            + "reduced risk treatment mice model analysis clinical response immune levels associated effect "
            + "significant data human disease therapy signalling pathway receptor activity cancer blood brain")
            .split(" ");

    private Corpora() {}

    /** Writes {@code count} text files into nested folders of 100; returns how many. */
    static int write(Path root, int count) throws IOException {
        int written = 0;
        if (Files.isRegularFile(SCIFACT)) {
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader in = Files.newBufferedReader(SCIFACT, StandardCharsets.UTF_8)) {
                String line;
                while (written < count && (line = in.readLine()) != null) {
                    JsonNode doc = json.readTree(line);
                    writeFile(root, written++, doc.path("title").asText() + "\n\n" + doc.path("text").asText());
                }
            }
        }
        Random random = new Random(11);
        while (written < count) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 120 + random.nextInt(200); w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(w % 17 == 16 ? ". " : " ");
            }
            writeFile(root, written++, text.toString());
        }
        return written;
    }

    private static void writeFile(Path root, int n, String text) throws IOException {
        Path dir = Files.createDirectories(root.resolve(String.format("part-%03d", n / 100)));
        Files.writeString(dir.resolve(String.format("doc-%05d.txt", n)), text);
    }
}

package dev.semdex.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.lab.bench.DocumentFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder of mixed documents a user might drop on the window: SciFact abstracts written as .txt, .md, .html, .docx
 * and .pdf files in a few sub-folders, named after their titles, plus two files Semdex must skip. The
 * documents judged relevant for the first SciFact test queries are always in, so a search has a known answer.
 * Run {@code main(dir, count)} to make one by hand for a walk-through.
 */
public final class MixedCorpus {

    public static final Path SCIFACT = Path.of("..", "shared", "datasets", "scifact");
    private static final String[] SUBFOLDERS = {"papers", "notes", "reading-list", "archive/2023"};

    /** A SciFact query and the file written for a document judged relevant to it. */
    public record Judged(String query, Path file) {}

    private final List<Judged> judged = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        MixedCorpus corpus = write(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println(corpus.files.size() + " files; queries with a known answer:");
        corpus.judged.stream().limit(10).forEach(j -> System.out.println("  " + j.query() + " -> " + j.file()));
    }

    public static MixedCorpus write(Path dir, int count) throws IOException {
        Map<String, String> queries = readQueries();
        Map<String, String> relevantFor = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SCIFACT.resolve("qrels/test.tsv")).subList(1, 61)) {
            String[] cols = line.split("\t");
            relevantFor.putIfAbsent(cols[1], cols[0]);
        }
        Set<String> wanted = new LinkedHashSet<>(relevantFor.keySet());
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(SCIFACT.resolve("corpus.jsonl"))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode doc = json.readTree(line);
                String id = doc.get("_id").asText();
                if (wanted.contains(id) || docs.size() < count) {
                    docs.put(id, doc);
                }
            }
        }
        List<JsonNode> chosen = new ArrayList<>();
        docs.values().stream().filter(d -> wanted.contains(d.get("_id").asText())).forEach(chosen::add);
        docs.values().stream().filter(d -> !wanted.contains(d.get("_id").asText()))
                .limit(Math.max(0, count - chosen.size())).forEach(chosen::add);

        MixedCorpus corpus = new MixedCorpus();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            JsonNode doc = chosen.get(i);
            String title = doc.get("title").asText();
            String format = DocumentFiles.FORMATS.get(i % DocumentFiles.FORMATS.size());
            Path folder = Files.createDirectories(dir.resolve(SUBFOLDERS[i % SUBFOLDERS.length]));
            String name = DocumentFiles.slug(title);
            while (!names.add(folder + "/" + name)) {
                name = name + "-" + i;
            }
            Path file = folder.resolve(name + "." + format);
            corpus.write(file, format, title, doc.get("text").asText());
            String query = relevantFor.get(doc.get("_id").asText());
            if (query != null && queries.containsKey(query)) {
                corpus.judged.add(new Judged(queries.get(query), file));
            }
        }
        Files.writeString(dir.resolve("archive/scan-broken.pdf"), "%PDF-1.7 this is not really a PDF");
        Files.write(dir.resolve("notes/photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        return corpus;
    }

    public List<Judged> judged() {
        return judged;
    }

    public List<Path> files() {
        return files;
    }

    private void write(Path file, String format, String title, String text) throws IOException {
        DocumentFiles.write(file, format, title, text);
        files.add(file);
    }

    private static Map<String, String> readQueries() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SCIFACT.resolve("queries.jsonl"))) {
            JsonNode q = json.readTree(line);
            out.put(q.get("_id").asText(), q.get("text").asText());
        }
        return out;
    }
}

package dev.semdex.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A retrieval benchmark in BEIR layout: {@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels/test.tsv}. */
public record BeirDataset(Path dir, List<Doc> corpus, Map<String, String> queries,
        Map<String, Map<String, Integer>> qrels) {

    public record Doc(String id, String title, String text) {
        /** What is embedded and indexed for a document, as MTEB does it. */
        public String content() {
            return title.isEmpty() ? text : title + " " + text;
        }
    }

    public String name() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    public static BeirDataset load(Path dir) {
        Path corpus = dir.resolve("corpus.jsonl");
        Path queries = dir.resolve("queries.jsonl");
        Path qrels = dir.resolve("qrels/test.tsv");
        for (Path p : List.of(corpus, queries, qrels)) {
            if (!Files.isRegularFile(p)) {
                throw new SemdexException("Not a BEIR dataset folder: " + p + " is missing.");
            }
        }
        ObjectMapper json = new ObjectMapper();
        try {
            List<Doc> docs = new ArrayList<>();
            forEachJson(json, corpus, n -> docs.add(new Doc(n.path("_id").asText(), n.path("title").asText(""),
                    n.path("text").asText(""))));
            Map<String, String> allQueries = new LinkedHashMap<>();
            forEachJson(json, queries, n -> allQueries.put(n.path("_id").asText(), n.path("text").asText("")));
            Map<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
            try (BufferedReader in = Files.newBufferedReader(qrels, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                for (line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split("\t");
                    if (f.length >= 3) {
                        judgements.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].trim()));
                    }
                }
            }
            return new BeirDataset(dir, docs, allQueries, judgements);
        } catch (IOException | RuntimeException e) {
            throw new SemdexException("Cannot read the BEIR dataset in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void forEachJson(ObjectMapper json, Path file, java.util.function.Consumer<JsonNode> action)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    action.accept(json.readTree(line));
                }
            }
        }
    }

    /** A copy holding only the first {@code n} documents plus every judged one, and the queries judged on them. */
    public BeirDataset sample(int n) {
        java.util.Set<String> judged = new java.util.HashSet<>();
        qrels.values().forEach(m -> judged.addAll(m.keySet()));
        List<Doc> docs = new ArrayList<>();
        for (Doc d : corpus) {
            if (docs.size() < n || judged.contains(d.id())) {
                docs.add(d);
            }
        }
        return new BeirDataset(dir, docs, queries, qrels);
    }
}

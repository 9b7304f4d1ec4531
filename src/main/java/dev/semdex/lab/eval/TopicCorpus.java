package dev.semdex.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import dev.semdex.labels.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A corpus with known categories made from real documents: SciFact abstracts (written by the papers' authors) whose
 * title names exactly one of a few diseases or subjects and whose text mentions none of the others, so the
 * category is plain from the text and nobody here chose it.
 */
public record TopicCorpus(List<Label> labels, List<Doc> docs) {

    /** One abstract and the label its title gives it. */
    public record Doc(String id, String text, String label) {}

    /** Each topic: the word its title must hold, and the label a user would make for it. */
    private static final Map<String, Label> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("hiv", new Label("HIV", "HIV infection, AIDS, antiretroviral therapy"));
        TOPICS.put("malaria", new Label("malaria", "Plasmodium parasites, mosquitoes, antimalarial drugs"));
        TOPICS.put("tuberculosis", new Label("tuberculosis", "Mycobacterium tuberculosis, TB, lung infection"));
        TOPICS.put("breast cancer", new Label("breast cancer", "breast tumours, mammary carcinoma"));
        TOPICS.put("stem cell", new Label("stem cells", "pluripotent stem cells, differentiation, self-renewal"));
        TOPICS.put("insulin", new Label("insulin", "insulin resistance, glucose, diabetes"));
    }

    /** Reads SciFact's corpus.jsonl, keeping at most {@code perTopic} abstracts of each topic, in file order. */
    public static TopicCorpus read(Path corpusJsonl, int perTopic) {
        List<Doc> docs = new ArrayList<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(corpusJsonl)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode doc = json.readTree(line);
                String title = doc.get("title").asText();
                String text = title + "\n\n" + doc.get("text").asText();
                String lower = text.toLowerCase(Locale.ROOT);
                List<String> mentioned = TOPICS.keySet().stream().filter(lower::contains).toList();
                if (mentioned.size() == 1 && title.toLowerCase(Locale.ROOT).contains(mentioned.get(0))
                        && taken.merge(mentioned.get(0), 1, Integer::sum) <= perTopic) {
                    docs.add(new Doc(doc.get("_id").asText(), text, TOPICS.get(mentioned.get(0)).name()));
                }
            }
        } catch (IOException e) {
            throw new SemdexException("Cannot read " + corpusJsonl + ": " + e.getMessage(), e);
        }
        return new TopicCorpus(List.copyOf(TOPICS.values()), docs);
    }
}

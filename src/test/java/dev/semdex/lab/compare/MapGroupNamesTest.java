package dev.semdex.lab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.search.VectorIndex;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The corpus map's group names on real abstracts (SciFact) about three diseases, picked by their titles: each
 * group is named by its disease, and its most central file is about it.
 */
class MapGroupNamesTest {

    private static final Path SCIFACT = Path.of("..", "shared", "datasets", "scifact", "corpus.jsonl");
    private static final List<String> TOPICS = List.of("HIV", "malaria", "tuberculosis");
    private static final int PER_TOPIC = 12;

    @Test
    void eachGroupIsNamedByWhatSetsItApart() throws Exception {
        Map<String, String> topicOf = new LinkedHashMap<>();
        Map<String, String> textOf = new LinkedHashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(SCIFACT), "SciFact at " + SCIFACT.toAbsolutePath());
        try (BufferedReader in = Files.newBufferedReader(SCIFACT)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode doc = json.readTree(line);
                String title = doc.get("title").asText();
                String all = title + "\n\n" + doc.get("text").asText();
                List<String> mentioned = TOPICS.stream().filter(t -> all.toLowerCase(Locale.ROOT)
                        .contains(t.toLowerCase(Locale.ROOT))).toList();
                if (mentioned.size() == 1 && title.contains(mentioned.get(0))
                        && taken.merge(mentioned.get(0), 1, Integer::sum) <= PER_TOPIC) {
                    String path = "/scifact/" + doc.get("_id").asText() + ".txt";
                    topicOf.put(path, mentioned.get(0));
                    textOf.put(path, all);
                }
            }
        }
        assertThat(topicOf).hasSize(TOPICS.size() * PER_TOPIC);
        Embedder embedder = TestModels.minilm();
        List<String> paths = new ArrayList<>(textOf.keySet());
        List<float[]> vectors = embedder.embedPassages(paths.stream().map(textOf::get).toList());
        int d = embedder.dimension();
        float[] data = new float[paths.size() * d];
        long[] ids = new long[paths.size()];
        Map<Long, String> pathById = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            System.arraycopy(vectors.get(i), 0, data, i * d, d);
            ids[i] = i + 1;
            pathById.put(ids[i], paths.get(i));
        }
        VectorIndex index = new VectorIndex(d, data, ids, ids);

        CorpusMap map = CorpusMap.build("minilm", index, pathById, p -> "/scifact", 3, 42,
                id -> textOf.get(pathById.get(id)));

        assertThat(map.groups()).hasSize(3);
        for (MapGroup group : map.groups()) {
            Map<String, Long> topics = map.points().stream().filter(p -> p.cluster() == group.cluster())
                    .collect(Collectors.groupingBy(p -> topicOf.get(p.path()), Collectors.counting()));
            String majority = topics.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(group.terms()).as("group %s of %s", group.name(), topics)
                    .contains(majority.toLowerCase(Locale.ROOT));
            assertThat(group.terms()).noneMatch(GroupTerms::isStopWord);
            assertThat(group.name()).contains(majority.toLowerCase(Locale.ROOT));
            assertThat(topicOf.get(group.centralPath())).isEqualTo(majority);
            assertThat(group.files()).isEqualTo(topics.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void aWordOnlyOneFileOfAGroupUsesDoesNotNameIt() {
        Function<String, List<String>> file = text -> List.of(text);
        List<List<String>> terms = GroupTerms.top(List.of(
                List.of(file.apply("The orchestra tuned before the concert."),
                        file.apply("A concert of the orchestra, with a zebrafish in the programme notes.")),
                List.of(file.apply("Glaciers retreat as the climate warms."),
                        file.apply("The climate record in glaciers and ice cores."))), 3);

        assertThat(terms.get(0)).contains("orchestra", "concert").doesNotContain("zebrafish", "the", "with");
        assertThat(terms.get(1)).contains("glaciers", "climate");
    }
}

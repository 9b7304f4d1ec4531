package dev.semdex.lab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.TestModels;
import dev.semdex.cli.CliRunner;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.ModelCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comparing models on an indexed folder through the command line: a second model (a tiny 16-dimension encoder
 * from the test fixtures) is added to the folder's index, then both rank the same query side by side, the user's
 * judgements are kept across runs and score each model, and the corpus map groups the files.
 */
class CompareCliTest {

    @TempDir
    static Path tmp;

    private static String data;
    private static Path docs;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void indexWithTwoModels() throws IOException {
        data = tmp.resolve("data").toString();
        docs = Files.createDirectories(tmp.resolve("docs"));
        String[][] files = {
            {"whales.txt", "Blue whales are the largest animals that ever lived; they feed on krill in cold oceans."},
            {"dolphins.txt", "Dolphins hunt fish in pods and talk to each other with clicks and whistles."},
            {"sharks.md", "Sharks have swum the seas for 400 million years and sense electric fields of prey."},
            {"soup.txt", "Simmer the onions slowly, then add stock and thyme for a rich French onion soup."},
            {"bread.md", "Knead the dough for ten minutes, let it rise twice and bake the loaf until golden."},
            {"curry.txt", "Fry cumin and mustard seeds, add onions, tomatoes and lentils for a spicy dal curry."},
            {"rust.md", "The borrow checker in Rust prevents data races at compile time."},
            {"java.txt", "The Java garbage collector frees memory that no live object refers to any more."},
            {"python.md", "Python's list comprehensions build lists from iterables in one readable line."}};
        for (String[] f : files) {
            Files.writeString(docs.resolve(f[0]), f[1]);
        }
        run("index", "--model", "all-minilm-l6-v2", docs.toString());
        run("models", "add", tinyModelFolder().toString(), "--id", "tiny-bert");
        // No folder given: the new model embeds every indexed folder, next to the default model's vectors.
        run("index", "--model", "tiny-bert");
    }

    private static Path tinyModelFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tiny-bert"));
        for (String file : List.of("model.onnx", "config.json")) {
            try (InputStream in = CompareCliTest.class.getResourceAsStream("/tiny-bert/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        TestModels.minilm();
        Path tokenizer = new BundledModelFiles(tmp.resolve("bundled"))
                .materialize(new ModelCatalog().require(ModelCatalog.DEFAULT_MODEL)).tokenizer();
        Files.copy(tokenizer, dir.resolve("tokenizer.json"));
        return dir;
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data));
        all.addAll(List.of(args));
        CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    @Test
    void compareShowsEachModelsRankingWithItsRealVectorSize() throws IOException {
        JsonNode c = json.readTree(run("compare", "giant sea mammals", "--models", "all-minilm-l6-v2,tiny-bert",
                "-k", "3", "--json").out());
        JsonNode minilm = c.get("models").get(0);
        JsonNode tiny = c.get("models").get(1);
        assertThat(minilm.get("modelId").asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(minilm.get("dimension").asInt()).isEqualTo(384);
        assertThat(minilm.get("bytesPerVector").asInt()).isEqualTo(1536);
        assertThat(tiny.get("dimension").asInt()).isEqualTo(16);
        assertThat(tiny.get("vectors").asInt()).isEqualTo(9);
        assertThat(tiny.get("vectorBytes").asLong()).isEqualTo(9 * 16 * 4);
        assertThat(minilm.get("results")).hasSize(3);
        assertThat(minilm.get("results").get(0).get("path").asText()).endsWith("whales.txt");
        assertThat(minilm.get("embedMillis").asDouble()).isPositive();
        JsonNode pair = c.get("pairs").get(0);
        assertThat(pair.get("modelA").asText()).isEqualTo("all-minilm-l6-v2");
        assertThat(pair.get("overlap").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void compareMeasuresCheaperVectorsAgainstTheFullOnes() throws IOException {
        JsonNode c = json.readTree(run("compare", "baking bread", "--models", "all-minilm-l6-v2", "-k", "9",
                "--dims", "384,128", "--precision", "f32,int8,binary", "--json").out());
        JsonNode variants = c.get("variants");
        // 384·f32 is the full model itself; the other five forms are measured.
        assertThat(variants).hasSize(5);
        for (JsonNode v : variants) {
            // All nine files are ranked by every form, so they keep the whole top 9.
            assertThat(v.get("overlap").asDouble()).as(v.toString()).isEqualTo(1.0);
            assertThat(v.get("storageSaved").asDouble()).isPositive();
        }
        JsonNode int8 = variants.get(0);
        assertThat(int8.get("variant").get("precision").asText()).isEqualTo("INT8");
        assertThat(int8.get("indexBytes").asLong()).isEqualTo(9 * 384);
        assertThat(variants.get(2).get("exact").asBoolean()).isFalse();
    }

    @Test
    void textOutputLinksFilesThatSeveralModelsRank() {
        String out = run("compare", "onion soup", "--models", "all-minilm-l6-v2,tiny-bert", "-k", "9").out();
        assertThat(out).contains("A  all-minilm-l6-v2: 384 dimensions").contains("B  tiny-bert: 16 dimensions")
                .contains("A–B  overlap 1.00");
        // With k = 9 both models list every file, so each line of A names B's rank of the same file.
        assertThat(out.lines().filter(l -> l.contains("soup.txt")).findFirst().orElseThrow()).containsPattern(
                "\\[B\\d]");
    }

    @Test
    void judgementsPersistAndScoreEachModel() throws IOException {
        String whales = docs.resolve("whales.txt").toString();
        run("judge", "huge animals of the ocean", "--relevant", whales + "," + docs.resolve("sharks.md"),
                "--not-relevant", docs.resolve("bread.md").toString());
        run("judge", "cooking dinner", "--relevant", docs.resolve("curry.txt").toString());
        // Another process (a new run) sees them.
        JsonNode listed = json.readTree(run("judge", "--json").out());
        assertThat(listed).hasSize(4);

        JsonNode rows = json.readTree(run("eval", "--judged", "--models", "all-minilm-l6-v2,tiny-bert",
                "--precision", "int8", "--json").out());
        assertThat(rows).hasSize(4);
        JsonNode minilm = rows.get(0);
        assertThat(minilm.get("queries").asInt()).isEqualTo(2);
        assertThat(minilm.get("recallDepth").asInt()).isEqualTo(10);
        assertThat(minilm.get("ndcg10").asDouble()).isGreaterThan(0.9);
        assertThat(rows.get(1).get("precision").asText()).isEqualTo("int8");
        assertThat(rows.get(2).get("model").asText()).isEqualTo("tiny-bert");
        // A random tiny encoder cannot rank as well as MiniLM.
        assertThat(rows.get(2).get("ndcg10").asDouble()).isLessThan(minilm.get("ndcg10").asDouble());

        String markdown = run("eval", "--judged", "--format", "markdown").out();
        assertThat(markdown).startsWith("| model | dims | precision |").contains("| all-minilm-l6-v2 | 384 | f32 |");
    }

    @Test
    void removingAModelFromTheIndexKeepsTheOthers() throws IOException {
        run("index", "--model", "all-minilm-l6-v2-q");
        assertThat(json.readTree(run("status", "--json").out()).get("models").has("all-minilm-l6-v2-q")).isTrue();
        assertThat(run("index", "--remove-model", "all-minilm-l6-v2-q").err()).contains("Removed 9 vectors");
        JsonNode models = json.readTree(run("status", "--json").out()).get("models");
        assertThat(models.has("all-minilm-l6-v2-q")).isFalse();
        assertThat(models.has("all-minilm-l6-v2")).isTrue();
        assertThat(run("search", "whales", "--mode", "vector").out()).contains("whales.txt");
    }

    @Test
    void judgingAFileOutsideTheIndexIsRefusedWithAReason() {
        CliRunner.Result r = CliRunner.run("--data-dir", data, "judge", "q", "--relevant",
                tmp.resolve("nowhere.txt").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("does not exist");
    }

    @Test
    void mapGroupsFilesByTopic() throws IOException {
        JsonNode map = json.readTree(run("map", "--clusters", "3", "--json").out());
        assertThat(map.get("points")).hasSize(9);
        assertThat(map.get("clusters").asInt()).isEqualTo(3);
        java.util.Map<String, Integer> cluster = new java.util.HashMap<>();
        for (JsonNode p : map.get("points")) {
            cluster.put(Path.of(p.get("path").asText()).getFileName().toString(), p.get("cluster").asInt());
            assertThat(p.get("folder").asText()).isEqualTo(docs.toString());
        }
        assertThat(cluster.get("whales.txt")).isEqualTo(cluster.get("dolphins.txt")).isEqualTo(cluster.get("sharks.md"));
        assertThat(cluster.get("soup.txt")).isEqualTo(cluster.get("bread.md")).isEqualTo(cluster.get("curry.txt"));
        assertThat(cluster.get("rust.md")).isEqualTo(cluster.get("java.txt")).isEqualTo(cluster.get("python.md"));
        assertThat(cluster.get("whales.txt")).isNotEqualTo(cluster.get("soup.txt"));
        assertThat(cluster.get("soup.txt")).isNotEqualTo(cluster.get("rust.md"));
    }
}

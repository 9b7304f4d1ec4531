package dev.semdex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.embed.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    static Path tmp;

    private static Path data;
    private static Path docs;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void indexAFolder() throws Exception {
        data = tmp.resolve("data");
        docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "Blue whales are the largest animals that ever lived; they "
                + "feed on krill in cold oceans.");
        Files.writeString(docs.resolve("rust.md"), "The borrow checker in Rust prevents data races at compile time.");
        Files.writeString(docs.resolve("soup.txt"), "Simmer the onions slowly, then add stock and thyme for a rich "
                + "French onion soup.");
        Files.write(docs.resolve("blob.bin"), new byte[] {0, 1, 2, 3, 0, (byte) 0xff, 0, 9});
        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "index", docs.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Indexed 3 files").contains("blob.bin");
    }

    @Test
    void searchPrintsJsonResultsBestFirst() throws Exception {
        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "search", "enormous", "sea", "mammal",
                "--json", "-k", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode results = json.readTree(r.out());
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("path").asText()).endsWith("whales.txt");
        assertThat(first.get("chunkText").asText()).contains("krill");
        assertThat(first.get("start").asInt()).isZero();
        assertThat(first.get("end").asInt()).isPositive();
        assertThat(first.has("score")).isTrue();
        assertThat(first.get("page").asInt()).isZero();
    }

    @Test
    void everyModeFindsTheObviousMatch() {
        for (String mode : new String[] {"vector", "keyword", "hybrid"}) {
            CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "search", "onion soup recipe",
                    "--mode", mode);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out().lines().findFirst().orElse("")).as(mode).contains("soup.txt");
        }
    }

    @Test
    void statusListsFoldersModelsAndSkippedFiles() throws Exception {
        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "status", "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode status = json.readTree(r.out());
        assertThat(status.get("files").asInt()).isEqualTo(3);
        assertThat(status.get("folders").get(0).get("path").asText()).isEqualTo(docs.toString());
        assertThat(status.get("models").get(ModelCatalog.DEFAULT_MODEL).get("dimension").asInt()).isEqualTo(384);
        assertThat(status.get("models").get(ModelCatalog.DEFAULT_MODEL).get("searchableByWords").asInt()).isEqualTo(3);
        assertThat(status.get("models").get(ModelCatalog.DEFAULT_MODEL).get("searchableByMeaning").asInt())
                .isEqualTo(3);
        assertThat(status.get("skipped").get(0).get("path").asText()).endsWith("blob.bin");
        assertThat(status.get("skipped").get(0).get("reason").asText()).isNotBlank();
    }

    @Test
    void modelsListsTheSixBundledModelsAsOffline() throws Exception {
        CliRunner.Result r = CliRunner.run("models", "--json");
        JsonNode models = json.readTree(r.out());
        assertThat(models.get(0).get("id").asText()).isEqualTo("all-minilm-l6-v2");
        long offline = 0;
        for (JsonNode m : models) {
            offline += m.get("offline").asBoolean() ? 1 : 0;
        }
        assertThat(offline).isEqualTo(6);
    }

    @Test
    void mistakesGiveOneClearLineAndNonZeroExit() {
        CliRunner.Result badMode = CliRunner.run("--data-dir", data.toString(), "search", "x", "--mode", "fuzzy");
        assertThat(badMode.exitCode()).isEqualTo(1);
        assertThat(badMode.err()).contains("Unknown mode 'fuzzy'").doesNotContain("Exception");

        CliRunner.Result badModel = CliRunner.run("--data-dir", data.toString(), "search", "x", "--model", "nope");
        assertThat(badModel.exitCode()).isEqualTo(1);
        assertThat(badModel.err()).contains("Unknown model 'nope'").doesNotContain("\tat ");

        CliRunner.Result missing = CliRunner.run("--data-dir", data.toString(), "index", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("Not a folder");

        CliRunner.Result usage = CliRunner.run("search");
        assertThat(usage.exitCode()).isEqualTo(2);

        CliRunner.Result empty = CliRunner.run("--data-dir", data.toString(), "search", "  ");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("The query is empty").doesNotContain("Index a folder");
        assertThat(empty.out()).doesNotContain("Index a folder");
    }

    @Test
    void benchSearchPrintsAKeyValueLineWithAndWithoutTheVectorApi() {
        CliRunner.Result r = CliRunner.run("bench", "search", "--vectors", "5000", "--queries", "5");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().strip().lines().filter(l -> l.startsWith("bench=search")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("bench=search vector_api=true vectors=5000 dim=384")
                .contains("search_p50_ms=").contains("exact_p99_ms=").contains("int8_recall_at_k=");
        assertThat(lines.get(1)).startsWith("bench=search vector_api=false vectors=5000 dim=384")
                .contains("search_path=exact");
    }

    @Test
    void anIndexBuiltWithTheFormerDefaultKeepsItsModelWhenNoneIsNamed() {
        String older = tmp.resolve("older-data").toString();
        CliRunner.Result first = CliRunner.run("--data-dir", older, "index", "--model", "all-minilm-l6-v2",
                docs.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();

        CliRunner.Result again = CliRunner.run("--data-dir", older, "index");
        assertThat(again.err()).contains("Indexed 0 files (3 unchanged").contains("0 passages embedded");
        CliRunner.Result search = CliRunner.run("--data-dir", older, "search", "enormous", "sea", "mammal");
        assertThat(search.out()).contains("whales.txt");
        assertThat(search.err()).doesNotContain("no vectors");

        CliRunner.Result other = CliRunner.run("--data-dir", older, "search", "--model", "all-minilm-l6-v2-q",
                "enormous", "sea", "mammal");
        assertThat(other.err()).contains("The index has no vectors of all-minilm-l6-v2-q (it has all-minilm-l6-v2)");

        CliRunner.Result status = CliRunner.run("--data-dir", data.toString(), "status");
        assertThat(status.out() + status.err()).contains("Model all-minilm-l6-v2-q:")
                .doesNotContain("Model all-minilm-l6-v2:")
                .contains("all-minilm-l6-v2-q: 3 files searchable by words · 3 by meaning");
    }

    @Test
    void benchEmbedMeasuresThePeerOnTheSameTextsInTheSameRun() {
        Path scifact = Path.of("..", "shared", "datasets", "scifact");
        assumeThat(Files.isDirectory(scifact)).as("SciFact at " + scifact.toAbsolutePath()).isTrue();
        CliRunner.Result r = CliRunner.run("--data-dir", tmp.resolve("bench-data").toString(), "bench", "embed",
                "--beir", scifact.toString(), "--docs", "12", "--slices", "2", "--sgemm-seconds", "0.3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, String> figures = keyValues(r.out().strip().lines().reduce((a, b) -> b).orElse(""));
        assertThat(figures).containsEntry("bench", "embed").containsEntry("model", ModelCatalog.DEFAULT_MODEL)
                .containsEntry("docs", "12").containsEntry("peer", "langchain4j-onnx");
        assertThat(Double.parseDouble(figures.get("peer_passages_per_s"))).isPositive();
        assertThat(Double.parseDouble(figures.get("ratio"))).isPositive();
        assertThat(Double.parseDouble(figures.get("sgemm_limit_pct"))).isBetween(1.0, 400.0);
        assertThat(Double.parseDouble(figures.get("min_cosine_vs_peer")))
                .as("the peer embeds the same tokens, so it gives the same vectors").isGreaterThan(0.9999);
    }

    private static Map<String, String> keyValues(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : line.split(" ")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    @Test
    void indexHonoursTheOcrSettingOfTheWindow() throws Exception {
        Path dataDir = tmp.resolve("ocr-off-data");
        Path folder = Files.createDirectories(tmp.resolve("ocr-off-docs"));
        Files.writeString(folder.resolve("note.txt"), "A note about the harbour lighthouse.");
        dev.semdex.lab.bench.ScannedDocuments.write(folder.resolve("sign.png"), "png", "Sign", "Lighthouse tours daily",
                new dev.semdex.lab.bench.ScannedDocuments.Scan(150, 0, 0), 1);
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("settings.json"), "{\"ocrEnabled\": false}");

        CliRunner.Result r = CliRunner.run("--data-dir", dataDir.toString(), "index", folder.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("sign.png: OCR is turned off in the settings");
    }
}

package dev.semdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.similar.SplitDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code semdex similar} on real abstracts, one cut into two files, indexed with the default model. */
class SimilarCommandTest {

    @TempDir
    static Path tmp;

    private static Path data;
    private static SplitDocuments docs;

    @BeforeAll
    static void indexAFolder() {
        data = tmp.resolve("data");
        docs = SplitDocuments.write(tmp.resolve("docs"));
        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "index", docs.folder.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void jsonNamesTheOtherHalfFirstWithItsClosestPassage() throws Exception {
        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "similar", docs.firstHalf.toString(),
                "-k", "3", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode answer = new ObjectMapper().readTree(r.out());
        assertThat(answer.get("sourceIndexed").asBoolean()).isTrue();
        JsonNode results = answer.get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("path").asText()).isEqualTo(docs.secondHalf.toString());
        JsonNode closest = results.get(0).get("closest");
        assertThat(docs.secondHalfText).contains(closest.get("text").asText().strip());
        assertThat(Files.readString(docs.firstHalf)).contains(closest.get("sourceText").asText());
    }

    @Test
    void textPrintsRankedFilesWithTheirClosestPassage() {
        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "similar", "--text",
                docs.secondHalfText, "-k", "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith(" 1. ").endsWith("part-2.txt");
        assertThat(r.out()).contains("this: ").contains("like: ");
    }

    @Test
    void neitherFileNorTextIsOneClearLine() {
        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "similar");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("semdex: Give either a FILE or --text TEXT to find files like it.");
    }
}

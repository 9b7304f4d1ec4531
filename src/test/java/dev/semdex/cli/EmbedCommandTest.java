package dev.semdex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code semdex embed}: the seed's own example reproduced, and the forms a script reads. */
class EmbedCommandTest {

    /**
     * LlamaIndex's HuggingFaceEmbedding (BAAI/bge-small-en-v1.5, CLS pooling) prints these for "Hello World!" before
     * normalising; the document Semdex grew from shows them.
     */
    private static final double[] SEED_FIRST_FIVE = {-0.030880315229296684, -0.11021008342504501,
            0.3917851448059082, -0.35962796211242676, 0.22797748446464539};

    @TempDir
    static Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    private CliRunner.Result embed(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--data-dir";
        all[1] = tmp.resolve("data").toString();
        all[2] = "embed";
        System.arraycopy(args, 0, all, 3, args.length);
        CliRunner.Result r = CliRunner.run(all);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static double[] vector(JsonNode row) {
        JsonNode v = row.get("vector");
        return IntStream.range(0, v.size()).mapToDouble(i -> v.get(i).asDouble()).toArray();
    }

    @Test
    void theSeedsHelloWorldComesOutRawAndItsNormalisedFormIsItDividedByItsNorm() throws Exception {
        JsonNode raw = json.readTree(embed("Hello World!", "--model", "bge-small-en-v1.5", "--raw", "--json").out())
                .get(0);
        assertThat(raw.get("model").asText()).isEqualTo("bge-small-en-v1.5");
        assertThat(raw.get("dimension").asInt()).isEqualTo(384);
        assertThat(raw.get("normalized").asBoolean()).isFalse();
        double[] pooled = vector(raw);
        assertThat(pooled).hasSize(384);
        for (int i = 0; i < SEED_FIRST_FIVE.length; i++) {
            assertThat(pooled[i]).as("value %d", i).isCloseTo(SEED_FIRST_FIVE[i], within(1e-4));
        }

        double[] unit = vector(json.readTree(embed("Hello World!", "--model", "bge-small-en-v1.5", "--json").out())
                .get(0));
        double norm = Math.sqrt(IntStream.range(0, pooled.length).mapToDouble(i -> pooled[i] * pooled[i]).sum());
        assertThat(norm).as("a raw vector is not of unit length").isGreaterThan(1.5);
        for (int i = 0; i < unit.length; i++) {
            assertThat(unit[i]).isCloseTo(pooled[i] / norm, within(1e-6));
        }
    }

    @Test
    void theTextFormPrintsModelDimensionAndVectorOnOneLine() {
        String out = embed("Hello World!", "--model", "bge-small-en-v1.5", "--raw").out().strip();
        assertThat(out).startsWith("bge-small-en-v1.5\t384\t[-0.0308");
        assertThat(out.lines()).hasSize(1);
        assertThat(out.substring(out.indexOf('[') + 1, out.length() - 1).split(", ")).hasSize(384);
    }

    @Test
    void stdinLinesAreEmbeddedInOrderWithProgressAndQueriesGetTheQueryInstruction() throws Exception {
        String lines = IntStream.range(0, 12).mapToObj(i -> "line number " + i).collect(Collectors.joining("\n"));
        CliRunner.Result r = CliRunner.runWithInput(lines + "\n", "--data-dir", tmp.resolve("data").toString(),
                "embed", "--model", "bge-small-en-v1.5", "--jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(12);
        JsonNode fifth = json.readTree(r.out().lines().toList().get(4));
        assertThat(fifth.get("text").asText()).isEqualTo("line number 4");
        assertThat(fifth.get("kind").asText()).isEqualTo("passage");
        assertThat(r.err()).contains("texts 12/12").contains("texts/s").contains("ETA");

        double[] passage = vector(fifth);
        JsonNode asQuery = json.readTree(embed("line number 4", "--model", "bge-small-en-v1.5", "--query", "--jsonl")
                .out().strip());
        assertThat(asQuery.get("kind").asText()).isEqualTo("query");
        double[] query = vector(asQuery);
        double cosine = IntStream.range(0, query.length).mapToDouble(i -> query[i] * passage[i]).sum();
        assertThat(cosine).as("bge's query instruction changes the vector").isLessThan(0.99);
    }

    @Test
    void aTextLongerThanTheModelReadsIsNoted() {
        CliRunner.Result r = embed("word ".repeat(600), "--model", "bge-small-en-v1.5", "--jsonl");
        assertThat(r.err()).contains("note: text 1 has 600 tokens; bge-small-en-v1.5 reads only the first 510.");
    }
}

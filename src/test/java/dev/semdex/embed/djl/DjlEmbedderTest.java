package dev.semdex.embed.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Vectors;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DjlEmbedderTest {

    /** ONNX Runtime kills the JVM if a session is freed mid-run; cancelling then closing must wait for the run. */
    @Test
    void closingRightAfterACancelledRunWaitsForTheRunningPassages() throws Exception {
        Embedder embedder = TestModels.fresh(ModelCatalog.DEFAULT_MODEL, 2);
        List<String> passages = IntStream.range(0, 64).mapToObj(i -> "Passage " + i + " about the long history "
                + "of bridges, rivers and the towns that grew beside them. ".repeat(8)).toList();
        Thread run = new Thread(() -> {
            try {
                embedder.embedPassages(passages);
            } catch (CancellationException expected) {
                // the point of the test
            }
        });
        run.start();
        Thread.sleep(150);
        run.interrupt();
        run.join(10_000);
        embedder.close();
        assertThatThrownBy(() -> embedder.embedQuery("after closing")).isInstanceOf(CancellationException.class);
    }

    @Test
    void minilmMatchesTheReferenceImplementation() {
        Embedder e = TestModels.minilm();
        float[] v = e.embedQuery("Hello World!");
        assertThat(e.dimension()).isEqualTo(384);
        assertThat(v).hasSize(384);
        // langchain4j's AllMiniLmL6V2EmbeddingModel gives these for the same text (shared/research/feasibility.md §4b)
        assertThat(v[0]).isCloseTo(-0.020386936f, within(1e-5f));
        assertThat(v[1]).isCloseTo(0.025280785f, within(1e-5f));
        assertThat(v[4]).isCloseTo(-0.03798833f, within(1e-5f));
        assertThat(Vectors.dot(v, v)).isCloseTo(1f, within(1e-4f));
    }

    @Test
    void relevantPassageScoresAboveUnrelatedOne() {
        Embedder e = TestModels.minilm();
        List<float[]> passages = e.embedPassages(List.of(
                "The cat sat on the warm windowsill and purred in the sun.",
                "Quarterly revenue grew by eight percent thanks to strong exports."));
        float[] q = e.embedQuery("where is the kitten sleeping");
        assertThat(Vectors.dot(q, passages.get(0))).isGreaterThan(Vectors.dot(q, passages.get(1)) + 0.1f);
    }

    @Test
    void tokensBeyondTheTokenizerFile128LimitStillCount() {
        Embedder e = TestModels.minilm();
        String head = "word ".repeat(150);
        List<float[]> v = e.embedPassages(List.of(head + "volcanoes erupt lava and ash over the island villages",
                head + "the stock market closed higher after the central bank decision"));
        assertThat(Vectors.dot(v.get(0), v.get(1))).isLessThan(0.999f);
    }

    @Test
    void parallelBatchGivesTheSameVectorsAsOneByOne() {
        Embedder e = TestModels.minilm();
        List<String> texts = List.of("alpha beta", "gamma delta epsilon", "zeta", "eta theta iota kappa", "lambda");
        List<float[]> batch = e.embedPassages(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = e.embedPassages(List.of(texts.get(i))).get(0);
            assertThat(Vectors.dot(batch.get(i), single)).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void tokenizerOffsetsPointIntoTheTextEvenWithEmoji() {
        Embedder e = TestModels.minilm();
        String text = "Smile 😀 please, café time";
        var spans = e.tokenizer().spans(text);
        assertThat(spans.size()).isGreaterThan(4);
        assertThat(text.substring(spans.starts()[0], spans.ends()[0])).isEqualToIgnoringCase("smile");
        int last = spans.size() - 1;
        assertThat(text.substring(spans.starts()[last], spans.ends()[last])).isEqualTo("time");
    }

    @Test
    void e5AndBgeLoadWithTheirPrefixes() {
        Embedder e5 = TestModels.embedder("e5-small-v2");
        assertThat(e5.dimension()).isEqualTo(384);
        assertThat(e5.maxPassageTokens()).isLessThan(510);
        float[] q = e5.embedQuery("how do plants make food");
        List<float[]> p = e5.embedPassages(List.of("Photosynthesis turns light, water and CO2 into sugar in leaves.",
                "The train to Berlin leaves at nine."));
        assertThat(Vectors.dot(q, p.get(0))).isGreaterThan(Vectors.dot(q, p.get(1)));
    }
}

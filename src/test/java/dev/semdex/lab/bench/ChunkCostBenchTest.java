package dev.semdex.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.cli.CliRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench chunk measures passages of exactly the asked length, and a short-input model at its own limit. */
class ChunkCostBenchTest {

    @TempDir
    Path data;

    @Test
    void measuresEachLengthAModelReads() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/jina-v2-tiny/model.onnx").toURI()).getParent();
        CliRunner.Result add = CliRunner.run("--data-dir", data.toString(), "models", "add", fixture.toString(),
                "--id", "jina-v2-tiny");
        assertThat(add.exitCode()).as(add.err()).isZero();

        CliRunner.Result r = CliRunner.run("--data-dir", data.toString(), "bench", "chunk", "--model",
                "jina-v2-tiny,all-minilm-l6-v2-q", "--tokens", "300,1000", "--runs", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("jina-v2-tiny@300=").contains("jina-v2-tiny@1000=")
                .contains("all-minilm-l6-v2-q@256=").doesNotContain("all-minilm-l6-v2-q@300");
        assertThat(r.out()).contains("reads at most 256");
    }
}

package dev.semdex.embed.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code semdex ollama check} and {@code ollama models} report on every server given with --ollama-url. */
class OllamaServersCommandTest {

    @TempDir
    Path tmp;

    private FakeOllama first;
    private FakeOllama second;

    @BeforeEach
    void start() throws Exception {
        first = new FakeOllama();
        second = new FakeOllama();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = tmp.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.run(all);
    }

    @Test
    void checkReportsEachServerAndTheIndexCommandForAll() {
        CliRunner.Result ok = run("ollama", "check", "--model", "all-minilm", "--ollama-url", first.url(),
                "--ollama-url", second.url());

        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("Server 1 of 2\nServer: " + first.url())
                .contains("Server 2 of 2\nServer: " + second.url())
                .contains("OK: 2 servers serve the same model")
                .contains("--ollama-url " + first.url() + " --ollama-url " + second.url());
    }

    @Test
    void aServerWithoutTheModelOrWithAnotherOneFailsTheCheck() {
        second.modelPresent = false;
        CliRunner.Result missing = run("ollama", "check", "--model", "all-minilm", "--ollama-url", first.url(),
                "--ollama-url", second.url());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("ollama pull all-minilm").contains("1 of 2 servers ready");

        second.modelPresent = true;
        first.hashSeed = "one model";
        second.hashSeed = "another model";
        CliRunner.Result other = run("ollama", "check", "--model", "all-minilm", "--ollama-url", first.url(),
                "--ollama-url", second.url());
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.out()).contains("serve different models");
    }

    @Test
    void modelsListsEveryServerAndSaysWhichIsDown() {
        second.close();
        CliRunner.Result listed = run("ollama", "models", "--ollama-url", first.url(), "--ollama-url",
                second.url());

        assertThat(listed.exitCode()).isEqualTo(1);
        assertThat(listed.out()).contains(first.url() + " (Ollama 0.9.0-fake)")
                .containsPattern("all-minilm:latest +.*embeds: use as ollama:all-minilm")
                .contains(second.url() + " — not reachable");
    }

    @Test
    void aFolderOfSmallFilesIsSpreadOverBothServers() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(tmp.resolve("notes"));
        for (int i = 0; i < 120; i++) {
            java.nio.file.Files.writeString(folder.resolve("note-" + i + ".txt"), "Note " + i + " is short.");
        }
        first.hashSeed = "same model";
        second.hashSeed = "same model";
        first.latencyMillis = 40;
        second.latencyMillis = 40;
        int before = first.textsAnswered.get() + second.textsAnswered.get();

        CliRunner.Result index = run("index", folder.toString(), "--model", "ollama:all-minilm", "--ollama-url",
                first.url(), "--ollama-url", second.url(), "--ollama-batch", "8");

        assertThat(index.exitCode()).as(index.err()).isZero();
        int embedded = first.textsAnswered.get() + second.textsAnswered.get() - before;
        assertThat(embedded).as("each passage once, plus the probes").isBetween(120, 130);
        assertThat(Math.min(first.textsAnswered.get(), second.textsAnswered.get()))
                .as("small files are not sent one batch at a time to the first server").isGreaterThan(30);
    }
}

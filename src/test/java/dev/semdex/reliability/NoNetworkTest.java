package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing and searching with a local model opens no socket at all: no telemetry, no model-hub check, no
 * "phone home". Run in a child JVM whose socket factories and NIO provider refuse and record every attempt.
 */
@Tag("reliability")
class NoNetworkTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String output) {}

    /** Runs Semdex command lines in one guarded JVM. */
    private Run guarded(List<List<String>> commands) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx1g", "--add-modules", "jdk.incubator.vector",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-Djava.nio.channels.spi.SelectorProvider=" + NoNetworkMain.Provider.class.getName(),
                "-cp", System.getProperty("java.class.path"), NoNetworkMain.class.getName()));
        commands.forEach(c -> command.add(String.join("\u001f", c)));
        Path log = Files.createTempFile(tmp, "child", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(child.exitValue(), Files.readString(log));
    }

    @Test
    void indexAndSearchWithTheBundledModelOpenNoSocket() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.txt"), "Blue whales feed on krill in cold oceans.");
        Files.writeString(docs.resolve("soup.md"), "Simmer onions slowly for a French onion soup.");
        String data = tmp.resolve("data").toString();
        Run run = guarded(List.of(List.of("--data-dir", data, "index", docs.toString()),
                List.of("--data-dir", data, "search", "sea", "mammals", "--mode", "hybrid"),
                List.of("--data-dir", data, "status"), List.of("--data-dir", data, "models")));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("no socket opened").contains("whales.txt");
    }

    @Test
    void theGuardCatchesAConnectionAttempt() throws Exception {
        // The user configured a server, so Semdex connects: the guard must notice, or the test above proves nothing.
        Run run = guarded(List.of(List.of("--data-dir", tmp.resolve("d").toString(), "ollama", "check",
                "--ollama-url", "http://127.0.0.1:9", "--model", "all-minilm")));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("NETWORK ATTEMPTS");
    }
}

package dev.semdex.embed.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.LogCapture;
import dev.semdex.Semdex;
import dev.semdex.cli.CliRunner;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.settings.SettingsStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token in an Ollama header (for a reverse proxy) goes to the server and nowhere else: not into any log line at
 * any level, not into what the command line prints, and not into an error the user sees, also when the server
 * fails, is down, refuses, when the header cannot be sent at all, and on the window's path through the settings.
 */
@Tag("reliability")
class OllamaSecretsTest {

    private static final String SECRET = "s3cretZq81xT";

    @TempDir
    Path tmp;

    private FakeOllama server;
    private Path docs;
    private String data;
    private final StringBuilder shown = new StringBuilder();

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeOllama();
        docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("volcano.txt"), "Volcanoes erupt when magma rises through the crust.");
        Files.writeString(docs.resolve("bread.md"), "Knead the dough and bake the bread in a hot oven.");
        data = tmp.resolve("data").toString();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** Runs the command line in this JVM and keeps everything it printed. */
    private CliRunner.Result cli(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        shown.append(r.out()).append(r.err());
        return r;
    }

    private CliRunner.Result index(String header) {
        return cli("--data-dir", data, "index", docs.toString(), "--model", "ollama:all-minilm", "--ollama-url",
                server.url(), "--ollama-header", header);
    }

    @Test
    void theHeaderReachesTheServerButNeverALogOrAMessage() throws Exception {
        String header = "Authorization: Bearer " + SECRET;
        try (LogCapture logs = new LogCapture()) {
            assertThat(index(header).exitCode()).isZero();

            // Fails twice (retried, with a warning each), then answers.
            Files.writeString(docs.resolve("orbit.txt"), "Satellites circle the Earth because of gravity.");
            server.fault(FakeOllama.Fault.SERVER_ERROR, 2);
            assertThat(index(header).exitCode()).isZero();

            // Refuses for good: the run stops with a message.
            Files.writeString(docs.resolve("chess.txt"), "The knight moves in an L shape across the board.");
            server.fault(FakeOllama.Fault.BAD_REQUEST, -1);
            CliRunner.Result refused = index(header);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("semdex: ");
            server.fault(FakeOllama.Fault.NONE, 0);

            // A value no request can carry (a line break pasted with the token): a clear error, the value unsaid.
            CliRunner.Result broken = index("Authorization: Bearer " + SECRET + "\nX-Extra: 1");
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.err()).contains("Authorization").contains("cannot be sent");

            CliRunner.Result search = cli("--data-dir", data, "search", "molten rock", "--model", "ollama:all-minilm",
                    "--ollama-url", server.url(), "--ollama-header", header);
            assertThat(search.exitCode()).as(search.err()).isZero();
            assertThat(search.out()).contains("volcano.txt");
            assertThat(cli("--data-dir", data, "ollama", "check", "--ollama-url", server.url(), "--model",
                    "all-minilm", "--ollama-header", header).exitCode()).isZero();
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            assertThat(cli("--data-dir", data, "ollama", "check", "--ollama-url", "http://127.0.0.1:" + closedPort,
                    "--model", "all-minilm", "--ollama-header", header).exitCode()).isNotZero();

            // The window's path: the header comes from the settings.
            AppDirs dirs = AppDirs.under(tmp.resolve("window"));
            new SettingsStore(dirs.create().settingsFile()).save(Settings.defaults()
                    .withOllama(server.url(), "all-minilm", Map.of("Authorization", "Bearer " + SECRET)));
            try (Semdex semdex = Semdex.open(dirs, new SettingsStore(dirs.settingsFile()).load())) {
                assertThat(semdex.embedder("ollama:all-minilm").embedPassages(List.of("lava"))).hasSize(1);
            }
            // A settings file broken by hand right at the token is ignored with a warning that does not quote it.
            Files.writeString(dirs.settingsFile(), "{\"ollamaHeaders\": {\"Authorization\": Bearer" + SECRET + "}}");
            assertThat(new SettingsStore(dirs.settingsFile()).load()).isEqualTo(Settings.defaults());

            assertThat(server.authorizations).contains("Bearer " + SECRET);
            assertThat(logs.eventCount()).as("something was logged to look at").isPositive();
            assertThat(logs.all() + shown).doesNotContain(SECRET);
        }
    }
}

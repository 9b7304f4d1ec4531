package dev.semdex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.settings.AppDirs;
import dev.semdex.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code semdex index --code}: the code of a git checkout (Python's {@code json/tool.py} as Debian installs it) is
 * searchable from then on, for later runs too, until {@code --no-code}.
 */
class IndexCodeOptionTest {

    @TempDir
    Path tmp;

    @Test
    void indexCodeIsRememberedUntilNoCode() throws Exception {
        Path tool;
        try (var dirs = Files.list(Path.of("/usr/lib"))) {
            tool = dirs.filter(d -> d.getFileName().toString().matches("python3\\.\\d+"))
                    .map(d -> d.resolve("json/tool.py")).filter(Files::isRegularFile).findFirst().orElse(null);
        }
        assumeThat(tool).as("Debian's python3 standard library under /usr/lib/python3.*").isNotNull();
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Git.init().setDirectory(checkout.toFile()).call().close();
        Files.copy(tool, checkout.resolve("tool.py"));
        Files.writeString(checkout.resolve("README.md"), "# json tool\n\nPretty-prints JSON from the command line.\n");
        String data = tmp.resolve("data").toString();

        CliRunner.Result prose = CliRunner.run("--data-dir", data, "index", checkout.toString());
        assertThat(prose.exitCode()).as(prose.err()).isZero();
        assertThat(prose.err()).contains("Indexed 1 files").doesNotContain("tool.py");
        assertThat(search(data)).doesNotContain("tool.py");

        CliRunner.Result code = CliRunner.run("--data-dir", data, "index", "--code", checkout.toString());
        assertThat(code.err()).as(code.err()).contains("Indexed 1 files");
        assertThat(search(data)).contains("tool.py");
        assertThat(new SettingsStore(AppDirs.under(Path.of(data)).settingsFile()).load().indexSourceCode()).isTrue();
        assertThat(CliRunner.run("--data-dir", data, "index").err()).as("kept for the next run")
                .contains("Indexed 0 files");
        assertThat(search(data)).contains("tool.py");

        CliRunner.Result off = CliRunner.run("--data-dir", data, "index", "--no-code");
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(search(data)).doesNotContain("tool.py");
    }

    private static String search(String data) {
        return CliRunner.run("--data-dir", data, "search", "sort_keys", "indent", "json.tool", "command", "line",
                "-k", "5").out();
    }
}

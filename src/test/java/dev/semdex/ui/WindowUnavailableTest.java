package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.semdex.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine that cannot show the window gets one line saying why and what to do, and exit code 1. */
class WindowUnavailableTest {

    private static final Path GTK = Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0");

    @TempDir
    Path tmp;

    record Outcome(int exitCode, List<String> lines) {}

    private Outcome startWindow(List<String> prefix, boolean withDisplay) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir",
                tmp.resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        if (!withDisplay) {
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
        }
        Process child = builder.start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("The window opened instead of failing");
        }
        return new Outcome(child.exitValue(), Files.readAllLines(tmp.resolve("out.txt"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void withoutADisplayTheWindowSaysSoInOneLineAndPointsToTheCommandLine() throws Exception {
        Outcome outcome = startWindow(List.of(), false);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.lines()).singleElement().asString()
                .startsWith("semdex: cannot open the window: there is no display")
                .contains("semdex --help");
    }

    @Test
    void withoutGtkTheWindowNamesThePackageToInstall() throws Exception {
        assumeTrue(Files.exists(GTK) && System.getenv("DISPLAY") != null && canHideFiles(),
                "needs GTK 3 to hide, a display and root's private mount namespaces (unshare)");
        // GTK is hidden from this one process only: a private mount namespace binds /dev/null over the library.
        Outcome outcome = startWindow(List.of("unshare", "-m", "sh", "-c",
                "mount --bind /dev/null " + GTK + " && exec \"$@\"", "sh"), true);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.lines()).singleElement().asString()
                .startsWith("semdex: cannot open the window: GTK 3 is missing; install libgtk-3-0")
                .contains("semdex --help");
    }

    @Test
    void otherFailuresAreNotExplainedAway() {
        assertThat(WindowUnavailable.explain(new IllegalStateException("Toolkit already initialized"))).isEmpty();
        assertThat(WindowUnavailable.explain(new RuntimeException("Exception in Application start method",
                new UnsupportedOperationException("Unable to open DISPLAY")))).isPresent();
    }

    private static boolean canHideFiles() {
        try {
            Process probe = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

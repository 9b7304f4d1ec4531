package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.Main.Launch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which arguments open the window and which go to the command line. */
class MainArgumentsTest {

    @Test
    void noArgumentsOrOnlyADataDirOpenTheWindow() {
        assertThat(Launch.of(new String[0])).isEqualTo(new Launch(true, null));
        assertThat(Launch.of(new String[] {"--data-dir", "x"})).isEqualTo(new Launch(true, Path.of("x")));
        assertThat(Launch.of(new String[] {"--data-dir=y"})).isEqualTo(new Launch(true, Path.of("y")));
    }

    @Test
    void everyCommandGoesToTheCommandLine() {
        for (String[] args : new String[][] {{"status"}, {"--data-dir", "x", "status"}, {"--help"}, {"--version"},
                {"--data-dir"}, {"--data-dir="}}) {
            assertThat(Launch.of(args).window()).as(String.join(" ", args)).isFalse();
        }
    }
}

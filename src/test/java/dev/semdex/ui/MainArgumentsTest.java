package dev.semdex.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.Main;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which arguments open the window and which go to the command line. */
class MainArgumentsTest {

    @Test
    void noArgumentsOrOnlyADataDirOpenTheWindow() {
        assertThat(Main.guiDataDir(new String[0])).isEqualTo(Optional.empty());
        assertThat(Main.guiDataDir(new String[] {"--data-dir", "x"})).contains(Path.of("x"));
        assertThat(Main.guiDataDir(new String[] {"--data-dir=y"})).contains(Path.of("y"));
    }

    @Test
    void everyCommandGoesToTheCommandLine() {
        assertThat(Main.guiDataDir(new String[] {"status"})).isNull();
        assertThat(Main.guiDataDir(new String[] {"--data-dir", "x", "status"})).isNull();
        assertThat(Main.guiDataDir(new String[] {"--help"})).isNull();
        assertThat(Main.guiDataDir(new String[] {"--version"})).isNull();
        assertThat(Main.guiDataDir(new String[] {"--data-dir"})).isNull();
        assertThat(Main.guiDataDir(new String[] {"--data-dir="})).isNull();
    }
}

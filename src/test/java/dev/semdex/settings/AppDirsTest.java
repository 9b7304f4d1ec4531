package dev.semdex.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirsTest {

    private final Path home = Path.of("/home/ann");

    @Test
    void linuxFollowsXdgWithItsDefaults() {
        AppDirs defaults = AppDirs.forOs("Linux", Map.of(), home);
        assertThat(defaults.database()).isEqualTo(Path.of("/home/ann/.local/share/semdex/index.db"));
        assertThat(defaults.settingsFile()).isEqualTo(Path.of("/home/ann/.config/semdex/settings.json"));
        assertThat(defaults.cache()).isEqualTo(Path.of("/home/ann/.cache/semdex"));
        AppDirs custom = AppDirs.forOs("Linux", Map.of("XDG_DATA_HOME", "/data", "XDG_CACHE_HOME", "/c"), home);
        assertThat(custom.data()).isEqualTo(Path.of("/data/semdex"));
        assertThat(custom.cache()).isEqualTo(Path.of("/c/semdex"));
    }

    @Test
    void windowsAndMacUseTheirUsualPlaces() {
        AppDirs win = AppDirs.forOs("Windows 11", Map.of("APPDATA", "C:/Users/ann/AppData/Roaming",
                "LOCALAPPDATA", "C:/Users/ann/AppData/Local"), home);
        assertThat(win.config().toString().replace('\\', '/')).isEqualTo("C:/Users/ann/AppData/Roaming/Semdex");
        assertThat(win.data().toString().replace('\\', '/')).isEqualTo("C:/Users/ann/AppData/Local/Semdex");
        AppDirs mac = AppDirs.forOs("Mac OS X", Map.of(), home);
        assertThat(mac.data()).isEqualTo(home.resolve("Library/Application Support/Semdex"));
        assertThat(mac.cache()).isEqualTo(home.resolve("Library/Caches/Semdex"));
    }

    @Test
    void dataDirHoldsEverythingAndIsPrivate(@TempDir Path tmp) throws Exception {
        AppDirs dirs = AppDirs.under(tmp.resolve("x")).create();
        assertThat(dirs.database().getParent()).isEqualTo(tmp.resolve("x"));
        assertThat(dirs.settingsFile().getParent()).isEqualTo(tmp.resolve("x"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dirs.data()))).isEqualTo("rwx------");
    }

    @Test
    void anExistingFolderLosesOnlyWhatOthersMayDoAndStaysReadOnlyIfItWas(@TempDir Path tmp) throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path readOnly = Files.createDirectories(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));

        new AppDirs(shared, readOnly, shared.resolve("cache")).create();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(readOnly))).isEqualTo("r-x------");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
    }
}

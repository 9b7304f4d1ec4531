package dev.semdex.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {

    @TempDir
    Path app;

    private Path put(String relative) throws Exception {
        Path file = app.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
        return file;
    }

    @Test
    void findsTheCopyTheBuildUnpackedForThisPlatformAndVersion() throws Exception {
        Path linux = put("native/sqlite-jdbc-3.51.3.0/Linux/x86_64/libsqlitejdbc.so");
        Path mac = put("native/sqlite-jdbc-3.51.3.0/Mac/aarch64/libsqlitejdbc.dylib");
        Path windows = put("native/sqlite-jdbc-3.51.3.0/Windows/x86_64/sqlitejdbc.dll");

        assertThat(SqliteLibrary.unpacked(app, "Linux", "amd64", "3.51.3.0")).contains(linux);
        assertThat(SqliteLibrary.unpacked(app, "Mac OS X", "aarch64", "3.51.3.0")).contains(mac);
        assertThat(SqliteLibrary.unpacked(app, "Windows 11", "amd64", "3.51.3.0")).contains(windows);
    }

    @Test
    void aCopyFromAnotherVersionOrPlatformIsNeverUsed() throws Exception {
        put("native/sqlite-jdbc-3.50.0.0/Linux/x86_64/libsqlitejdbc.so");
        put("native/sqlite-jdbc-3.51.3.0/Linux/aarch64/libsqlitejdbc.so");

        assertThat(SqliteLibrary.unpacked(app, "Linux", "amd64", "3.51.3.0")).as("left from an older build").isEmpty();
        assertThat(SqliteLibrary.unpacked(app, "FreeBSD", "amd64", "3.51.3.0")).isEmpty();
        assertThat(SqliteLibrary.unpacked(app, "Linux", "ppc64le", "3.51.3.0")).isEmpty();
        assertThat(SqliteLibrary.unpacked(app.resolve("elsewhere"), "Linux", "aarch64", "3.51.3.0")).isEmpty();
    }
}

package dev.semdex.embed.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeLibraryTest {

    @TempDir
    Path app;

    private void put(String relative) throws Exception {
        Path file = app.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }

    @Test
    void findsTheFolderTheBuildUnpackedForThisVersionOnLinuxX64() throws Exception {
        put("native/onnxruntime-1.21.1/linux-x64/libonnxruntime.so");
        put("native/onnxruntime-1.21.1/linux-x64/libonnxruntime4j_jni.so");

        assertThat(OnnxRuntimeLibrary.unpacked(app, "Linux", "amd64", "1.21.1"))
                .contains(app.resolve("native/onnxruntime-1.21.1/linux-x64"));
        assertThat(OnnxRuntimeLibrary.unpacked(app, "Linux", "amd64", "1.22.0")).as("another version's").isEmpty();
        assertThat(OnnxRuntimeLibrary.unpacked(app, "Linux", "aarch64", "1.21.1")).isEmpty();
        assertThat(OnnxRuntimeLibrary.unpacked(app, "Mac OS X", "x86_64", "1.21.1")).isEmpty();
        assertThat(OnnxRuntimeLibrary.unpacked(app, "Linux", "amd64", null)).isEmpty();
    }

    @Test
    void aFolderMissingOneOfTheTwoLibrariesIsNotUsed() throws Exception {
        put("native/onnxruntime-1.21.1/linux-x64/libonnxruntime.so");

        assertThat(OnnxRuntimeLibrary.unpacked(app, "Linux", "amd64", "1.21.1")).isEmpty();
    }
}

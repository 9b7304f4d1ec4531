package dev.semdex.embed.djl;

import dev.semdex.AppFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Points ONNX Runtime at the copy of its libraries the build unpacked beside {@code semdex.jar}
 * ({@code native/onnxruntime-VERSION/linux-x64/}, named as in its jar). Without it, every first model load copies
 * 20 MB out of the jar into a new folder in the temporary folder, deleted only when the JVM exits normally: a
 * killed or crashed Semdex left one behind each time. The folder carries ONNX Runtime's version, so a copy left
 * from another build is never loaded; without a copy ONNX Runtime does as it always did.
 */
final class OnnxRuntimeLibrary {

    static final String PATH_PROPERTY = "onnxruntime.native.path";

    private OnnxRuntimeLibrary() {}

    /** Sets ONNX Runtime's library folder, unless the user set one; call before ONNX Runtime loads. */
    static void preferUnpacked() {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        String version = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        AppFolder.of(OnnxRuntimeLibrary.class).flatMap(dir -> unpacked(dir, System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""), version))
                .ifPresent(folder -> System.setProperty(PATH_PROPERTY, folder.toString()));
    }

    /** The folder holding this platform's unpacked libraries for {@code version}, if the build made one. */
    static Optional<Path> unpacked(Path appDir, String osName, String osArch, String version) {
        boolean linuxX64 = osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && (osArch.equals("amd64") || osArch.equals("x86_64"));
        if (!linuxX64 || version == null || version.isBlank()) {
            return Optional.empty(); // the build unpacks Linux x86-64's only
        }
        Path folder = appDir.resolve("native").resolve("onnxruntime-" + version).resolve("linux-x64");
        return Files.isRegularFile(folder.resolve("libonnxruntime.so"))
                && Files.isRegularFile(folder.resolve("libonnxruntime4j_jni.so")) ? Optional.of(folder)
                : Optional.empty();
    }
}

package dev.semdex.embed.djl;

import java.nio.file.Path;

/**
 * Keeps DJL offline (no model zoo, no telemetry call home), puts the native libraries it unpacks in our cache
 * folder and has ONNX Runtime load the build's unpacked copy of its own. Must run before the first DJL class loads.
 */
public final class DjlRuntime {

    private DjlRuntime() {}

    public static void configure(Path cacheDir) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        // ONNX models need no second engine (pooling runs in plain Java); without these DJL would also start
        // PyTorch, unpacking its large native libraries on first use.
        System.setProperty("ai.djl.default_engine", "OnnxRuntime");
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
        System.setProperty("DJL_CACHE_DIR", cacheDir.resolve("djl").toString());
        System.setProperty("ENGINE_CACHE_DIR", cacheDir.resolve("engines").toString());
        OnnxRuntimeLibrary.preferUnpacked();
    }
}

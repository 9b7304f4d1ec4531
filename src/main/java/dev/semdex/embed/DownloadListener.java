package dev.semdex.embed;

/** Told how far a download has got; called from the downloading thread, so keep it quick. */
@FunctionalInterface
public interface DownloadListener {

    DownloadListener NONE = (file, done, total) -> { };

    /**
     * @param file  the file in the repository, e.g. {@code onnx/model.onnx}
     * @param done  bytes on disk so far, resumed bytes included
     * @param total the full size, or -1 when the server did not say
     */
    void progress(String file, long done, long total);
}

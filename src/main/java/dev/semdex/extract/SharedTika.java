package dev.semdex.extract;

import java.util.function.Supplier;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.Parser;

/**
 * The one set of Tika objects the whole app shares: loading them reads hundreds of resources and takes a second or
 * two, and once loaded they are thread-safe.
 *
 * <p>Not static-final fields on purpose: if a thread is interrupted while Tika loads (a cancelled scan), NIO closes
 * the jar channel and the load fails; a failed static initializer would break the class for the rest of the run.
 * Here the load runs with the interrupt flag held aside, and a failure is simply retried on the next call.
 */
final class SharedTika {

    private static volatile MimeTypes mimeTypes;
    private static volatile TikaConfig config;
    private static volatile Parser parser;

    private SharedTika() {
    }

    static MimeTypes mimeTypes() {
        MimeTypes loaded = mimeTypes;
        if (loaded == null) {
            synchronized (SharedTika.class) {
                if (mimeTypes == null) {
                    mimeTypes = loadUninterrupted(MimeTypes::getDefaultMimeTypes);
                }
                loaded = mimeTypes;
            }
        }
        return loaded;
    }

    static TikaConfig config() {
        TikaConfig loaded = config;
        if (loaded == null) {
            synchronized (SharedTika.class) {
                if (config == null) {
                    config = loadUninterrupted(TikaConfig::getDefaultConfig);
                }
                loaded = config;
            }
        }
        return loaded;
    }

    static Parser parser() {
        Parser loaded = parser;
        if (loaded == null) {
            TikaConfig tikaConfig = config();
            synchronized (SharedTika.class) {
                if (parser == null) {
                    parser = loadUninterrupted(() -> {
                        AutoDetectParser autoDetect = new AutoDetectParser(tikaConfig);
                        autoDetect.setDetector(new DetectedTypeHint(tikaConfig.getDetector()));
                        return autoDetect;
                    });
                }
                loaded = parser;
            }
        }
        return loaded;
    }

    private static <T> T loadUninterrupted(Supplier<T> loader) {
        boolean interrupted = Thread.interrupted();
        try {
            return loader.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

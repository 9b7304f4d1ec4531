package dev.semdex.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Tells Tika's auto-detecting parser the type {@link TextExtractor} already detected, so a file's content is sniffed
 * once rather than twice: detection (hundreds of magic patterns, a look inside every zip) took about as much CPU as
 * parsing the file itself. The hint is used once and removed; embedded documents carry no hint and are detected
 * as usual.
 */
final class DetectedTypeHint implements Detector {

    private static final String KEY = "X-Semdex-Detected-Type";

    private final Detector detector;

    DetectedTypeHint(Detector detector) {
        this.detector = detector;
    }

    static void set(Metadata metadata, MediaType type) {
        metadata.set(KEY, type.toString());
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        String hinted = metadata.get(KEY);
        if (hinted != null) {
            metadata.remove(KEY);
            MediaType type = MediaType.parse(hinted);
            if (type != null) {
                return type;
            }
        }
        return detector.detect(input, metadata);
    }
}

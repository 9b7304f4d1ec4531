package dev.semdex.lab.bench;

import dev.semdex.SemdexException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory as Linux reports it, native allocations included: ONNX Runtime and libtorch hold
 * their tensors outside the Java heap, where the JVM's own figures do not see them.
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    static long rss() {
        return kib("VmRSS:") * 1024;
    }

    /** The highest resident size since the last {@link #resetPeak()} (or the start). */
    static long peakRss() {
        return kib("VmHWM:") * 1024;
    }

    /** Sets the high-water mark back to the current size ({@code clear_refs} value 5, Linux 4.0 and later). */
    static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            throw new SemdexException("Cannot reset the peak memory figure (/proc/self/clear_refs): "
                    + e.getMessage() + ". This benchmark needs Linux.", e);
        }
    }

    private static long kib(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new SemdexException("Cannot read " + STATUS + ": " + e.getMessage() + ". This benchmark "
                    + "needs Linux.", e);
        }
        throw new SemdexException(STATUS + " has no " + key);
    }
}

package dev.semdex.models;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast each model embeds on this machine, in passages per second, remembered from the last indexing run that
 * embedded enough to tell (or from a short probe), so adding a model to the index can say how long it will take.
 * Kept in a small file in the data folder; losing it only loses the estimates.
 */
public final class ModelSpeeds {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSpeeds.class);
    /** Runs that embedded fewer passages, or ran shorter, say more about start-up than about speed. */
    static final long MIN_PASSAGES = 50;
    static final Duration MIN_TIME = Duration.ofSeconds(2);

    private final Path file;
    private Properties speeds;

    public ModelSpeeds(Path file) {
        this.file = file;
    }

    /** Remembers a run's speed if it embedded enough passages to measure it. */
    public synchronized void record(String modelId, long passages, Duration elapsed) {
        if (passages < MIN_PASSAGES || elapsed.compareTo(MIN_TIME) < 0) {
            return;
        }
        remember(modelId, passages / (elapsed.toNanos() / 1e9));
    }

    /** Remembers a measured speed as it is (from a probe). */
    public synchronized void remember(String modelId, double passagesPerSecond) {
        if (!(passagesPerSecond > 0) || Double.isInfinite(passagesPerSecond)) {
            return;
        }
        loaded().setProperty(modelId, Double.toString(passagesPerSecond));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                loaded().store(w, "passages embedded per second on this machine, by model");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not keep the model speeds in {}: {}", file, e.getMessage());
        }
    }

    public synchronized OptionalDouble passagesPerSecond(String modelId) {
        String value = loaded().getProperty(modelId);
        try {
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private Properties loaded() {
        if (speeds == null) {
            speeds = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    speeds.load(r);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("Model speeds in {} unreadable, measured again: {}", file, e.getMessage());
                }
            }
        }
        return speeds;
    }
}

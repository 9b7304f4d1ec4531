package dev.semdex;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Semdex's logging, set up in code rather than from a {@code logback.xml}: reading XML costs the window's start a
 * tenth of a second on two cores. Warnings and errors only, on stderr (the command line prints its own lines for
 * users), and one line per start of the window saying how long it took (the start-up figure in the README). A
 * configuration file named with {@code -Dlogback.configurationFile} still wins. Found by logback's service loader.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {

    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    private static final Map<String, Level> LEVELS = Map.of(
            "dev.semdex.ui.SemdexApp", Level.INFO,
            "ai.djl", Level.ERROR,
            "org.apache.tika", Level.ERROR,
            "org.apache.pdfbox", Level.ERROR,
            "org.apache.fontbox", Level.ERROR,
            "org.apache.poi", Level.ERROR,
            "org.eclipse.jgit.ignore", Level.OFF);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

package dev.semdex;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything Semdex could write where a secret must never go: every log event of its own code down to TRACE (with
 * the messages and stack traces of exceptions and their causes), and all that this JVM prints on stdout and stderr
 * meanwhile (the console log, the command line's messages). Close it to put things back.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger semdex = (Logger) LoggerFactory.getLogger("dev.semdex");
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level semdexLevel = semdex.getLevel();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    public LogCapture() {
        events.start();
        root.addAppender(events);
        semdex.setLevel(Level.TRACE);
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    /** The log events so far, each with its exception chain, and everything printed. */
    public synchronized String all() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : events.list) {
            sb.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ")
                    .append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                sb.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return sb.append(printed.toString(StandardCharsets.UTF_8)).toString();
    }

    /** How many log events were captured: a test that proves nothing leaked should show something was logged. */
    public int eventCount() {
        return events.list.size();
    }

    @Override
    public void close() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        root.detachAppender(events);
        semdex.setLevel(semdexLevel);
        events.stop();
    }
}

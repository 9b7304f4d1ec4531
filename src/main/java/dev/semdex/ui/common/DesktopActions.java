package dev.semdex.ui.common;

import dev.semdex.SemdexException;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens files and shows them in their folder with whatever the machine offers, trying one way after the other:
 * the {@link Desktop} API where it works, then the OS's own command ({@code xdg-open}, {@code open},
 * {@code explorer}). On Linux, "show in folder" first asks the file manager over D-Bus
 * ({@code org.freedesktop.FileManager1.ShowItems}, which selects the file) and falls back to opening the folder.
 * Which ways are tried is decided by {@link #openAttempts}/{@link #revealAttempts} from a {@link Host}, so the
 * choice is tested without launching anything. Blocking: call off the UI thread.
 */
public final class DesktopActions {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopActions.class);

    /** How long a command may run before it counts as started fine (xdg-open may wait for the program). */
    private static final long COMMAND_VERDICT_MS = 3000;

    /** One way of doing it. */
    public sealed interface Attempt permits DesktopOpen, DesktopBrowse, Command {}

    /** {@link Desktop#open} on a file or folder. */
    public record DesktopOpen(Path target) implements Attempt {}

    /** {@link Desktop#browseFileDirectory}: the folder with the file selected (macOS, Windows). */
    public record DesktopBrowse(Path file) implements Attempt {}

    /** A command; it worked if it exits with 0, or is still running after a moment. */
    public record Command(List<String> argv) implements Attempt {}

    /** What the machine offers: its OS, the Desktop actions it supports, and which programs are on the PATH. */
    public record Host(String os, Set<Desktop.Action> desktop, Predicate<String> onPath) {

        public static Host current() {
            return new Host(System.getProperty("os.name", ""), desktopActions(), DesktopActions::onPath);
        }

        boolean windows() {
            return os.toLowerCase(Locale.ROOT).contains("win");
        }

        boolean mac() {
            return os.toLowerCase(Locale.ROOT).contains("mac");
        }
    }

    /** Runs one attempt; returns normally when it worked, throws with the reason when not. */
    @FunctionalInterface
    public interface Runner {
        void run(Attempt attempt) throws Exception;
    }

    private final Supplier<Host> hostSupplier;
    private final Runner runner;
    private Host host;

    public DesktopActions(Host host, Runner runner) {
        this(() -> host, runner);
    }

    private DesktopActions(Supplier<Host> host, Runner runner) {
        this.hostSupplier = host;
        this.runner = runner;
    }

    /** The real machine; AWT's Desktop is only asked on first use, not at start-up. */
    public static DesktopActions system() {
        return new DesktopActions(Host::current, DesktopActions::runForReal);
    }

    private synchronized Host host() {
        if (host == null) {
            host = hostSupplier.get();
        }
        return host;
    }

    public void open(Path file) {
        requireExists(file);
        tryInTurn(openAttempts(host(), file), "open " + file.getFileName());
    }

    /** Shows the file selected in its folder where the OS allows it, else opens the folder. */
    public void reveal(Path file) {
        requireExists(file);
        tryInTurn(revealAttempts(host(), file), "show " + file.getFileName() + " in its folder");
    }

    public static List<Attempt> openAttempts(Host host, Path file) {
        Path path = file.toAbsolutePath();
        List<Attempt> out = new ArrayList<>();
        if (host.desktop().contains(Desktop.Action.OPEN)) {
            out.add(new DesktopOpen(path));
        }
        if (host.windows()) {
            out.add(new Command(List.of("explorer", path.toString())));
        } else if (host.mac()) {
            out.add(new Command(List.of("open", path.toString())));
        } else {
            out.add(new Command(List.of("xdg-open", path.toString())));
            if (host.onPath().test("gio")) {
                out.add(new Command(List.of("gio", "open", path.toString())));
            }
        }
        return out;
    }

    public static List<Attempt> revealAttempts(Host host, Path file) {
        Path path = file.toAbsolutePath();
        Path folder = path.getParent();
        List<Attempt> out = new ArrayList<>();
        if (host.windows()) {
            out.add(new Command(List.of("explorer", "/select," + path)));
        } else if (host.mac()) {
            out.add(new Command(List.of("open", "-R", path.toString())));
        } else {
            String uri = path.toUri().toString();
            if (host.onPath().test("gdbus")) {
                out.add(new Command(List.of("gdbus", "call", "--session", "--dest", "org.freedesktop.FileManager1",
                        "--object-path", "/org/freedesktop/FileManager1", "--method",
                        "org.freedesktop.FileManager1.ShowItems", "['" + gvariantEscape(uri) + "']", "''")));
            } else if (host.onPath().test("dbus-send")) {
                out.add(new Command(List.of("dbus-send", "--session", "--print-reply",
                        "--dest=org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                        "org.freedesktop.FileManager1.ShowItems", "array:string:" + uri, "string:")));
            }
        }
        if (host.desktop().contains(Desktop.Action.BROWSE_FILE_DIR)) {
            out.add(new DesktopBrowse(path));
        }
        if (host.desktop().contains(Desktop.Action.OPEN)) {
            out.add(new DesktopOpen(folder));
        }
        if (!host.windows() && !host.mac()) {
            out.add(new Command(List.of("xdg-open", folder.toString())));
        }
        return out;
    }

    /** A GVariant text-format string body: backslashes and single quotes escaped. */
    static String gvariantEscape(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    private void tryInTurn(List<Attempt> attempts, String what) {
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts) {
            try {
                runner.run(attempt);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SemdexException("Cancelled.", e);
            } catch (Exception e) {
                failures.add(describe(attempt) + ": " + e.getMessage());
            }
        }
        LOG.warn("Cannot {}: {}", what, failures);
        throw new SemdexException("Cannot " + what + ": no program on this computer could do it ("
                + String.join("; ", failures) + "). Use Copy path and open it yourself.");
    }

    private static String describe(Attempt attempt) {
        if (attempt instanceof Command c) {
            return c.argv().get(0);
        }
        return attempt instanceof DesktopBrowse ? "desktop browse" : "desktop open";
    }

    private static void runForReal(Attempt attempt) throws Exception {
        if (attempt instanceof DesktopOpen d) {
            try {
                Desktop.getDesktop().open(d.target().toFile());
            } catch (IOException e) {
                throw new IOException("no program is set to open it", e);
            }
        } else if (attempt instanceof DesktopBrowse b) {
            Desktop.getDesktop().browseFileDirectory(b.file().toFile());
        } else if (attempt instanceof Command c) {
            runCommand(c.argv());
        }
    }

    private static void runCommand(List<String> argv) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("not installed", e);
        }
        if (process.waitFor(COMMAND_VERDICT_MS, TimeUnit.MILLISECONDS) && process.exitValue() != 0) {
            throw new IOException("exited with code " + process.exitValue());
        }
    }

    private static Set<Desktop.Action> desktopActions() {
        Set<Desktop.Action> out = EnumSet.noneOf(Desktop.Action.class);
        try {
            if (Desktop.isDesktopSupported()) {
                Desktop desktop = Desktop.getDesktop();
                for (Desktop.Action a : List.of(Desktop.Action.OPEN, Desktop.Action.BROWSE_FILE_DIR)) {
                    if (desktop.isSupported(a)) {
                        out.add(a);
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("No Desktop API here", e);
        }
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void requireExists(Path file) {
        if (!Files.exists(file)) {
            throw new SemdexException("The file " + file + " no longer exists. It will leave the index at the next "
                    + "update of its folder.");
        }
    }
}

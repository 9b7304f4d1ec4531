package dev.semdex.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts Semdex (or a test main) in a separate JVM, as a user's process would run, so it can be killed. */
final class ChildJvm {

    /**
     * Drops root's permission override for the child (util-linux, on Debian by default): permission bits then stop
     * root as they stop a user, so read-only and unreadable files can be tested where CI runs, as root.
     */
    private static final List<String> WITHOUT_OVERRIDE =
            List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--");

    private ChildJvm() {}

    static Process start(Path log, String mainClass, String... args) throws IOException {
        return start(List.of(), log, mainClass, args);
    }

    private static Process start(List<String> prefix, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static Process semdex(Path log, String... args) throws IOException {
        return start(log, "dev.semdex.Main", args);
    }

    /**
     * Semdex as a user without root's power to ignore permissions: under {@code setpriv} when the tests run as
     * root, plainly otherwise (chmod already stops a user). Call {@link #assumePermissionsBind()} first.
     */
    static Process semdexAsUser(Path log, String... args) throws IOException {
        return start(runsAsRoot() ? WITHOUT_OVERRIDE : List.of(), log, "dev.semdex.Main", args);
    }

    /**
     * Skips the test, saying why, where permission bits cannot be made to stop the child: no POSIX permissions, or
     * root without a working {@code setpriv}.
     */
    static void assumePermissionsBind() {
        assumeTrue(Path.of("/").getFileSystem().supportedFileAttributeViews().contains("posix"),
                "needs POSIX file permissions");
        if (runsAsRoot()) {
            assumeTrue(setprivWorks(), "running as root, and 'setpriv --bounding-set -dac_override' (util-linux) is "
                    + "missing or not permitted here, so permission bits cannot stop the child process");
        }
    }

    static boolean runsAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean setprivWorks() {
        List<String> probe = new ArrayList<>(WITHOUT_OVERRIDE);
        probe.add("true");
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(
                    ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String classPathSeparator() {
        return File.pathSeparator;
    }
}

package dev.semdex;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts Semdex again in a JVM that has the incubating Vector API, when the one running lacks it: without
 * {@code --add-modules jdk.incubator.vector} a search over a million vectors is several times slower, and a user who
 * types {@code java -jar semdex.jar} should not pay for a flag they could not know. The module can only be added when
 * a JVM starts (a module layer of our own cannot hold it: the JDK refuses with "Class loader must be the boot class
 * loader"), so the first JVM only waits for the second: the same options, the same arguments, its standard streams passed through (without the
 * JVM's warning about the incubator module, which the user did not ask for), its exit code returned, and a signal to
 * this JVM passed on to the child. When the build's {@code semdex.args} lies beside the jar (the README's JVM options:
 * class-data archive, module, heap, JIT) and the command line chose nothing about class sharing, the child starts with
 * them; else, with a class-data archive {@code semdex.jsa} beside the jar, it maps that.
 * {@code SEMDEX_RELAUNCH=0} or {@code -Dsemdex.relaunch=false} opts out; a debugger or agent on the command line
 * does too, since its port or state cannot be shared by two JVMs.
 */
final class VectorApiRelaunch {

    static final String MODULE = "jdk.incubator.vector";
    static final String ENV_OPT_OUT = "SEMDEX_RELAUNCH";
    static final String PROPERTY_OPT_OUT = "semdex.relaunch";
    private static final String ARCHIVE = "semdex.jsa";
    private static final String ARGS = "semdex.args";
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

    private VectorApiRelaunch() {}

    /** The child's command line, or empty when this JVM should run Semdex itself. */
    static Optional<List<String>> command(String[] args) {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || optedOut()) {
            return Optional.empty();
        }
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path", "");
        if (java.isEmpty() || classPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (options.stream().anyMatch(o -> o.startsWith("-agentlib") || o.startsWith("-javaagent")
                || o.startsWith("-agentpath") || o.startsWith("-Xrunjdwp") || o.startsWith("-Xdebug"))) {
            return Optional.empty();
        }
        return Optional.of(childCommand(java.get(), options, classPath, args));
    }

    /** {@code java}'s command line for the child, given this JVM's options and class path. */
    static List<String> childCommand(String java, List<String> options, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        boolean ours = !choseSharing(options); // the build's files, unless the user chose about class sharing
        Optional<Path> argsFile = ours ? besideJar(classPath, ARGS) : Optional.empty();
        if (argsFile.isPresent()) {
            // The README's options (archive, module, heap, JIT) first, so that any the user gave win.
            command.add("@" + argsFile.get());
            command.addAll(options);
        } else {
            command.addAll(options);
            command.add("--add-modules=" + MODULE);
            if (ours) {
                besideJar(classPath, ARCHIVE).ifPresent(a -> command.add("-XX:SharedArchiveFile=" + a));
            }
        }
        command.add("-D" + PROPERTY_OPT_OUT + "=false");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the child and returns its exit code (128 + the signal's number if a signal ended it, as a shell reports),
     * or -1 if it could not be started.
     */
    static int run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return -1;
        }
        Thread errors = new Thread(() -> copyErrors(child.getErrorStream()), "semdex-relaunch-stderr");
        errors.start();
        Thread passOn = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "semdex-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(passOn);
        while (true) {
            try {
                int code = child.waitFor();
                errors.join();
                return code;
            } catch (InterruptedException e) {
                // Nothing here interrupts this thread; a signal reaches the child through the hook.
            }
        }
    }

    /**
     * Copies the child's standard error as it comes, without the JVM's first line about the incubator module: the
     * user did not ask for the module, and the window's and the command line's messages are one line each.
     */
    private static void copyErrors(InputStream from) {
        OutputStream to = new FileOutputStream(FileDescriptor.err);
        try (from) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            int b = from.read();
            while (b != -1 && b != '\n') {
                first.write(b);
                b = from.read();
            }
            if (!first.toString(StandardCharsets.UTF_8).startsWith(INCUBATOR_WARNING)) {
                first.writeTo(to);
                if (b == '\n') {
                    to.write('\n');
                }
            }
            byte[] buffer = new byte[8192];
            for (int n = from.read(buffer); n != -1; n = from.read(buffer)) {
                to.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The child's standard error closed early; what it wrote up to then has been passed on.
        }
    }

    private static boolean optedOut() {
        String env = System.getenv(ENV_OPT_OUT);
        if (env != null && (env.equals("0") || env.equalsIgnoreCase("false") || env.equalsIgnoreCase("no"))) {
            return true;
        }
        return "false".equalsIgnoreCase(System.getProperty(PROPERTY_OPT_OUT));
    }

    /** Whether the command line already chose about class sharing (then no archive of ours is named). */
    private static boolean choseSharing(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-Xshare")
                || o.contains("ArchiveClasses"));
    }

    /** A file the build puts beside the jar ({@code semdex.args}, {@code semdex.jsa}), when Semdex runs from one. */
    private static Optional<Path> besideJar(String classPath, String name) {
        if (classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath);
        if (!jar.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return Optional.empty();
        }
        Path parent = jar.getParent() == null ? Path.of("") : jar.getParent();
        Path file = parent.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file.toAbsolutePath()) : Optional.empty();
    }
}

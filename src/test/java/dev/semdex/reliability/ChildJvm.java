package dev.semdex.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts Semdex (or a test main) in a separate JVM, as a user's process would run, so it can be killed. */
final class ChildJvm {

    private ChildJvm() {}

    static Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
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

    static String classPathSeparator() {
        return File.pathSeparator;
    }
}

package dev.semdex.lab.bench;

import dev.semdex.SemdexException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bench command again in a JVM with the Vector API's module the other way round from this one, so one run
 * shows both figures: search's speed must not depend on how Semdex was started. The child gets this JVM's options
 * (heap size and so on), with {@code --add-modules jdk.incubator.vector} added or taken away, and does not start
 * itself again to get the module back.
 */
final class OtherVectorApiJvm {

    static final String MODULE = "jdk.incubator.vector";
    /** Whether this JVM has the Vector API. */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule(MODULE).isPresent();

    private OtherVectorApiJvm() {}

    /** Runs {@code semdex ARGS} in the other JVM and returns the last line it printed to standard output. */
    static String run(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new SemdexException("Cannot tell which java runs this JVM."));
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("--add-modules") && !option.startsWith("-Dsemdex.relaunch")) {
                command.add(option);
            }
        }
        if (!VECTOR_API) {
            command.add("--add-modules=" + MODULE);
        }
        command.add("-Dsemdex.relaunch=false");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.semdex.Main");
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        int code = child.waitFor();
        if (code != 0 || last == null) {
            throw new SemdexException("The JVM " + (VECTOR_API ? "without" : "with") + " the Vector API failed (exit "
                    + code + ").");
        }
        return last;
    }
}

package dev.semdex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semdex started without {@code --add-modules jdk.incubator.vector} searches with the Vector API all the same (it
 * starts itself again with the module), passes its output and exit code through, and can be told not to.
 */
class VectorApiRelaunchTest {

    @TempDir
    Path tmp;

    record Outcome(int exitCode, List<String> out, List<String> err) {}

    /** Runs Semdex's main class as {@code java -cp … dev.semdex.Main ARGS} does, without the module flag. */
    private Outcome semdex(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        builder.environment().remove(VectorApiRelaunch.ENV_OPT_OUT);
        builder.environment().putAll(env);
        Process child = builder.start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            throw new AssertionError("Semdex did not end");
        }
        return new Outcome(child.exitValue(), Files.readAllLines(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readAllLines(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheFlagSearchStillHasTheVectorApiAndTheOutputIsUntouched() throws Exception {
        Outcome outcome = semdex(Map.of(), "bench", "search", "--vectors", "2000", "--queries", "3",
                "--this-jvm-only");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).singleElement().asString().contains("vector_api=true");
        assertThat(outcome.err()).noneMatch(l -> l.contains("incubator"));
    }

    @Test
    void theExitCodeAndErrorsOfTheCommandComeThrough() throws Exception {
        Outcome outcome = semdex(Map.of(), "no-such-command");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).isNotEmpty().noneMatch(l -> l.contains("incubator"));
        assertThat(String.join("\n", outcome.err())).contains("no-such-command");
    }

    @Test
    void theEnvironmentVariableKeepsSemdexInTheJvmItWasStartedIn() throws Exception {
        Outcome outcome = semdex(Map.of(VectorApiRelaunch.ENV_OPT_OUT, "0"), "bench", "search", "--vectors", "2000",
                "--queries", "3", "--this-jvm-only");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).singleElement().asString().contains("vector_api=false")
                .contains("search_path=exact");
    }

    @Test
    void besideTheBuiltJarTheChildStartsWithTheReadmesOptionsAndTheUsersWin() throws Exception {
        Path jar = Files.createFile(tmp.resolve("semdex.jar"));
        Files.writeString(tmp.resolve("semdex.args"), "--add-modules=jdk.incubator.vector\n");
        Files.createFile(tmp.resolve("semdex.jsa"));

        List<String> child = VectorApiRelaunch.childCommand("java", List.of("-Xmx1g"), jar.toString(),
                new String[] {"status"});

        assertThat(child).containsSubsequence("java", "@" + tmp.resolve("semdex.args").toAbsolutePath(), "-Xmx1g",
                "-cp", jar.toString(), Main.class.getName(), "status");
        assertThat(child).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void aClassSharingChoiceOnTheCommandLineKeepsTheBuildsOptionsOut() throws Exception {
        Path jar = Files.createFile(tmp.resolve("semdex.jar"));
        Files.writeString(tmp.resolve("semdex.args"), "-XX:SharedArchiveFile=" + tmp.resolve("semdex.jsa") + "\n");
        Files.createFile(tmp.resolve("semdex.jsa"));

        List<String> child = VectorApiRelaunch.childCommand("java", List.of("-Xshare:off"), jar.toString(),
                new String[0]);

        assertThat(child).noneMatch(o -> o.startsWith("@") || o.startsWith("-XX:SharedArchiveFile"))
                .contains("-Xshare:off", "--add-modules=" + VectorApiRelaunch.MODULE);
    }

    @Test
    void withoutTheArgsFileTheArchiveBesideTheJarIsMappedAndTheModuleAdded() throws Exception {
        Path jar = Files.createFile(tmp.resolve("semdex.jar"));
        Files.createFile(tmp.resolve("semdex.jsa"));

        List<String> child = VectorApiRelaunch.childCommand("java", List.of(), jar.toString(), new String[0]);

        assertThat(child).contains("--add-modules=" + VectorApiRelaunch.MODULE,
                "-XX:SharedArchiveFile=" + tmp.resolve("semdex.jsa").toAbsolutePath());
    }
}

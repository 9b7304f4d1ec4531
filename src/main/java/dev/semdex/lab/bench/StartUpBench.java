package dev.semdex.lab.bench;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time from starting Semdex's window to its "Window ready" log line, on an index of many chunks, for each way of
 * starting it (the README's run command with the class-data archive, the same without it, and a bare
 * {@code java -jar}), taken in turns so that a busy moment of the machine does not fall on one way only. Each run
 * opens a fresh copy of the index: the window's start-up re-check removes the bench's chunks, whose files do not
 * exist. The wall time counts from the moment the process is started, so that a JVM which starts another one pays
 * for both; the logged figure counts from the start of the JVM that shows the window.
 */
@Command(name = "start-up", description = "Time to \"Window ready\" on an index of many chunks, per way of starting "
        + "the window (needs a display: run under xvfb-run -a).")
final class StartUpBench implements java.util.concurrent.Callable<Integer> {

    private static final Pattern READY = Pattern.compile("Window ready (\\d+) ms");
    private static final String MODULE = "--add-modules=jdk.incubator.vector";

    @Option(names = "--chunks", defaultValue = "100000", paramLabel = "N")
    int chunks;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "R")
    int runs;

    @Option(names = "--ways", defaultValue = "readme,no-archive,plain", split = ",", paramLabel = "WAY",
            description = "readme (java @semdex.args, the README's JVM options), no-archive (the same with "
                    + "-Xshare:off), plain (java -jar alone); "
                    + "default: ${DEFAULT-VALUE}.")
    List<String> ways;

    @Option(names = "--jar", defaultValue = "target/semdex.jar", paramLabel = "JAR")
    Path jar;

    @Option(names = "--args", paramLabel = "FILE", description = "The README's JVM options (default: semdex.args "
            + "beside the jar, which the build writes).")
    Path args;

    @Option(names = "--baseline-jar", paramLabel = "JAR", description = "Another build's jar, started the README's "
            + "way as the way \"baseline\" (with the semdex.args beside it, or, for a build older than that file, "
            + "with --baseline-archive and the module flag), in turns with the others: two builds compared on the "
            + "same minutes of the machine.")
    Path baselineJar;

    @Option(names = "--baseline-archive", paramLabel = "JSA")
    Path baselineArchive;

    @Option(names = "--model", defaultValue = ModelCatalog.DEFAULT_MODEL, paramLabel = "ID")
    String model;

    @Option(names = "--beir", paramLabel = "DIR", defaultValue = "../shared/datasets/scifact",
            description = "Dataset whose text fills the index (default: ${DEFAULT-VALUE}).")
    Path beir;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to put the index; an index already there "
            + "from an earlier run with as many chunks is reused (default: a temp folder).")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new SemdexException("bench start-up opens the window and needs a display; run it under xvfb-run -a.");
        }
        if (!Files.isRegularFile(jar)) {
            throw new SemdexException("No jar at " + jar + "; build it with mvn package or pass --jar.");
        }
        try (BenchDir dir = BenchDir.open(work, "semdex-start-up-bench")) {
            Path template = template(dir);
            List<String> all = new ArrayList<>(ways);
            if (baselineJar != null) {
                all.add("baseline");
            }
            Map<String, List<double[]>> times = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (String way : all) {
                    Path data = dir.resolve("run");
                    if (Files.exists(data)) {
                        PathUtils.deleteDirectory(data);
                    }
                    PathUtils.copyDirectory(template, data);
                    double[] t = start(command(way, data));
                    System.err.printf(Locale.ROOT, "%s run %d: wall %.0f ms, logged %.0f ms%n", way, run + 1, t[0],
                            t[1]);
                    times.computeIfAbsent(way, w -> new ArrayList<>()).add(t);
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "bench=start-up chunks=%d runs=%d",
                    chunks, runs));
            times.forEach((way, ts) -> {
                String key = way.replace('-', '_');
                line.append(' ').append(key).append("_wall_ms=").append(join(ts, 0));
                line.append(' ').append(key).append("_logged_ms=").append(join(ts, 1));
                line.append(String.format(Locale.ROOT, " %s_wall_p50_ms=%.0f", key,
                        new Latencies(ts.stream().mapToDouble(t -> t[0]).toArray()).p50()));
            });
            line.append(" cores=").append(Runtime.getRuntime().availableProcessors());
            System.out.println(line);
        }
        return 0;
    }

    /** The index every run copies: built once, kept in the work folder for the next bench with as many chunks. */
    private Path template(BenchDir dir) throws IOException {
        Path template = dir.resolve("template-" + chunks);
        Path done = dir.resolve("template-" + chunks + ".done");
        if (Files.exists(done)) {
            return template;
        }
        if (!Files.isDirectory(beir)) {
            throw new SemdexException("No dataset at " + beir + "; pass --beir DIR.");
        }
        if (Files.exists(template)) {
            PathUtils.deleteDirectory(template);
        }
        try (Semdex semdex = Semdex.open(AppDirs.under(template), Settings.defaults())) {
            LoadBench.fill(semdex.store(), semdex.embedder(model), model, chunks, BeirDataset.load(beir),
                    dir.resolve("indexed"));
        }
        Files.createFile(done);
        return template;
    }

    private List<String> command(String way, Path data) {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new SemdexException("Cannot tell which java runs this JVM."));
        List<String> command = new ArrayList<>(List.of(java));
        Path readme = args != null ? args : besideJar(jar, "semdex.args");
        switch (way) {
            case "readme" -> command.add("@" + readme);
            case "no-archive" -> command.addAll(List.of("@" + readme, "-Xshare:off"));
            case "plain" -> { }
            case "baseline" -> {
                Path baselineArgs = besideJar(baselineJar, "semdex.args");
                if (baselineArchive == null && Files.isRegularFile(baselineArgs)) {
                    command.add("@" + baselineArgs);
                } else {
                    if (baselineArchive != null) {
                        command.add("-XX:SharedArchiveFile=" + baselineArchive);
                    }
                    command.add(MODULE);
                }
                command.addAll(List.of("-jar", baselineJar.toString(), "--data-dir", data.toString()));
                return command;
            }
            default -> throw new SemdexException("Unknown way \"" + way + "\": readme, no-archive or plain.");
        }
        command.addAll(List.of("-jar", jar.toString(), "--data-dir", data.toString()));
        return command;
    }

    /** Wall and logged milliseconds to "Window ready"; the window is closed afterwards. */
    private static double[] start(List<String> command) throws Exception {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<double[]> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        double wall = (System.nanoTime() - t0) / 1e6;
                        return new double[] {wall, Double.parseDouble(m.group(1))};
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new SemdexException("The window ended without \"Window ready\": " + String.join(" ", command));
        });
        try {
            return ready.get(120, TimeUnit.SECONDS);
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Path besideJar(Path jar, String name) {
        Path parent = jar.toAbsolutePath().getParent();
        return parent.resolve(name);
    }

    private static String join(List<double[]> ts, int index) {
        return String.join(",", ts.stream().map(t -> String.format(Locale.ROOT, "%.0f", t[index])).toList());
    }
}

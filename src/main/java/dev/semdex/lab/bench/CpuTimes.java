package dev.semdex.lab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds of the whole process, of the embedding threads (named {@code semdex-embed-*}; the model runs only
 * there, single-threaded per session), and of the JVM's own compiler and garbage-collector threads, so a benchmark
 * can say what share of the work is the model's and what share is the extraction, chunking and storage around it
 * rather than the JVM warming up and collecting.
 *
 * <p>The JVM's threads are not Java threads, so {@link ThreadMXBean} does not see them; on Linux they are read from
 * {@code /proc/self/task}. Elsewhere, or for threads that ended between two readings, their time stays in "the rest",
 * which makes the share of the work around the model an upper bound.
 */
record CpuTimes(double process, double embedding, double compiler, double collector) {

    private static final String EMBED_THREADS = "semdex-embed-";
    /** Linux reports thread times in clock ticks of 1/100 s ({@code USER_HZ}) on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static CpuTimes now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long embedding = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(EMBED_THREADS)) {
                embedding += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        double[] jvm = jvmThreadSeconds();
        return new CpuTimes(process / 1e9, embedding / 1e9, jvm[0], jvm[1]);
    }

    CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(process - earlier.process, embedding - earlier.embedding, compiler - earlier.compiler,
                collector - earlier.collector);
    }

    /** Everything that is neither the model nor the JVM's compilers and collectors: the application's own work. */
    double rest() {
        return process - embedding - compiler - collector;
    }

    /** Seconds of the JIT compiler threads and of the garbage collector's (with the VM thread that runs pauses). */
    private static double[] jvmThreadSeconds() {
        double[] seconds = new double[2];
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return seconds;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    int kind = kindOf(Files.readString(task.resolve("comm")).strip());
                    if (kind >= 0) {
                        seconds[kind] += ticks(Files.readString(task.resolve("stat"))) / TICKS_PER_SECOND;
                    }
                } catch (IOException threadEnded) {
                    // It ended between listing and reading: its time is in the process total, counted as the rest.
                }
            });
        } catch (IOException unreadable) {
            return new double[2];
        }
        return seconds;
    }

    /** 0 for a JIT compiler thread, 1 for a garbage-collector or VM thread, -1 for anything else. */
    static int kindOf(String threadName) {
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")
                || threadName.startsWith("Sweeper thread")) {
            return 0;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return 1;
        }
        return -1;
    }

    /** User plus system time from a {@code stat} line; fields are counted after the name, which may hold spaces. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}

package dev.semdex.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU seconds of the whole process and of the embedding threads (named {@code semdex-embed-*}; the model runs only
 * there, single-threaded per session), so a benchmark can say what share of the work is the model's.
 */
record CpuTimes(double process, double embedding) {

    private static final String EMBED_THREADS = "semdex-embed-";

    static CpuTimes now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long embedding = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(EMBED_THREADS)) {
                embedding += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new CpuTimes(process / 1e9, embedding / 1e9);
    }

    CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(process - earlier.process, embedding - earlier.embedding);
    }
}

package dev.semdex.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void readsUserAndSystemTicksEvenWhenTheThreadNameHoldsSpacesAndParentheses() {
        String stat = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194624 900 0 0 0 1234 56 0 0 20 0 30 0 7000";
        assertEquals(1290, CpuTimes.ticks(stat));
        assertEquals(7, CpuTimes.ticks("7 (a) b) c) R 1 1 1 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 1"));
    }

    @Test
    void tellsTheJvmsCompilerAndCollectorThreadsFromTheApplicationsOwn() {
        assertEquals(0, CpuTimes.kindOf("C2 CompilerThre"));
        assertEquals(0, CpuTimes.kindOf("C1 CompilerThre"));
        assertEquals(1, CpuTimes.kindOf("GC Thread#1"));
        assertEquals(1, CpuTimes.kindOf("G1 Conc#0"));
        assertEquals(1, CpuTimes.kindOf("VM Thread"));
        assertEquals(-1, CpuTimes.kindOf("semdex-extract-"));
        assertEquals(-1, CpuTimes.kindOf("main"));
    }

    @Test
    void theJvmsOwnThreadsAreSplitOutOfTheProcessTotal() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        CpuTimes times = CpuTimes.now();
        // By the time tests run, the JIT has compiled JUnit and the JDK's startup code.
        assertTrue(times.compiler() > 0, "compiler seconds: " + times.compiler());
        assertTrue(times.rest() > 0 && times.rest() < times.process(), times.toString());
    }
}

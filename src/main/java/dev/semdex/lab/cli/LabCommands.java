package dev.semdex.lab.cli;

import dev.semdex.lab.bench.BenchCommand;
import java.util.List;

/** The lab's subcommands, which the composition root adds to the {@code semdex} command line. */
public final class LabCommands {

    private LabCommands() {}

    public static List<Class<?>> all() {
        return List.of(EvalCommand.class, BenchCommand.class, CompareCommand.class, JudgeCommand.class,
                MapCommand.class, LabelsEvalCommand.class);
    }
}

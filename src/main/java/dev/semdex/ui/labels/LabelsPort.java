package dev.semdex.ui.labels;

import dev.semdex.labels.Label;
import dev.semdex.labels.LabelThresholds;
import dev.semdex.labels.LabelledFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Labels pane needs from the core. Every method touches the index and {@link #classify} embeds the labels'
 * descriptions and reads every file's vectors, so the view model calls them through a
 * {@link dev.semdex.ui.common.TaskRunner}.
 */
public interface LabelsPort {

    List<Label> labels();

    void add(Label label);

    void edit(String name, Label changed);

    void remove(String name);

    void confirm(Path file, String label);

    void correct(Path file, String label, String modelId);

    LabelledFiles classify(String modelId, LabelThresholds thresholds);

    /**
     * Runs {@code listener} (on whichever thread made it) after any change to the labels, also one made elsewhere,
     * e.g. a corpus map group turned into a label.
     */
    default void onChange(Runnable listener) {
    }
}

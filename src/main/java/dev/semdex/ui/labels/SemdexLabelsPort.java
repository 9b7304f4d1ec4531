package dev.semdex.ui.labels;

import dev.semdex.labels.Label;
import dev.semdex.labels.LabelService;
import dev.semdex.labels.LabelThresholds;
import dev.semdex.labels.LabelledFiles;
import java.nio.file.Path;
import java.util.List;

/** The {@link LabelsPort} over the core's label service. */
public final class SemdexLabelsPort implements LabelsPort {

    private final LabelService labels;

    public SemdexLabelsPort(LabelService labels) {
        this.labels = labels;
    }

    @Override
    public List<Label> labels() {
        return labels.labels();
    }

    @Override
    public void add(Label label) {
        labels.add(label);
    }

    @Override
    public void edit(String name, Label changed) {
        labels.edit(name, changed);
    }

    @Override
    public void remove(String name) {
        labels.remove(name);
    }

    @Override
    public void confirm(Path file, String label) {
        labels.confirm(file, label);
    }

    @Override
    public void correct(Path file, String label, String modelId) {
        labels.correct(file, label, modelId);
    }

    @Override
    public LabelledFiles classify(String modelId, LabelThresholds thresholds) {
        return labels.classify(modelId, thresholds);
    }

    @Override
    public void onChange(Runnable listener) {
        labels.onChange(listener);
    }
}

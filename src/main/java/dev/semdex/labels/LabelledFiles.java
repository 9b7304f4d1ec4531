package dev.semdex.labels;

import java.util.List;

/**
 * Every indexed file of one model with its label, and the counts per label.
 *
 * @param unlabelled files with no label (no label sure enough, or like none of them)
 */
public record LabelledFiles(String modelId, List<FileLabel> files, List<LabelCount> counts, int unlabelled) {

    /** The file's label, or null when the file is not among them. */
    public FileLabel of(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }
}

package dev.semdex.ui.labels;

import dev.semdex.labels.FileLabel;
import dev.semdex.labels.Label;
import dev.semdex.labels.LabelCount;
import dev.semdex.labels.LabelThresholds;
import dev.semdex.labels.LabelledFiles;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Labels in the window: the labels with their counts, adding, editing and removing them, confirming or correcting
 * one file's label, and the label filter on the result list. Every change sorts the files again in the background
 * with the search's model, since one confirmation can move many files.
 */
public final class LabelsViewModel {

    /** The filter choice that shows every result. */
    public static final String ALL = "All labels";
    /** The filter choice that shows results without a label. */
    public static final String NONE = "No label";

    private final LabelsPort port;
    private final TaskRunner runner;
    private final Supplier<String> model;
    private final ObservableList<LabelCount> counts = FXCollections.observableArrayList();
    private final ObservableList<String> filterChoices = FXCollections.observableArrayList(ALL);
    private final StringProperty filter = new SimpleStringProperty(ALL);
    private final ObjectProperty<Predicate<String>> pathFilter = new SimpleObjectProperty<>(p -> true);
    private final DoubleProperty threshold = new SimpleDoubleProperty(LabelThresholds.DEFAULT.confidence());
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private Map<String, FileLabel> byPath = Map.of();
    private Cancellable inFlight = Cancellable.NONE;

    public LabelsViewModel(LabelsPort port, TaskRunner runner, Supplier<String> model) {
        this.port = port;
        this.runner = runner;
        this.model = model;
        filter.addListener((obs, old, f) -> applyFilter());
        threshold.addListener((obs, old, t) -> refresh());
    }

    /** Sorts every indexed file again and updates the counts, the filter choices and the filter. */
    public void refresh() {
        inFlight.cancel();
        busy.set(true);
        String modelId = model.get();
        LabelThresholds thresholds = new LabelThresholds(threshold.get(), 0);
        inFlight = runner.submit(() -> port.classify(modelId, thresholds), this::show, this::failed);
    }

    public void add(String name, String words) {
        change(() -> port.add(new Label(name, words)), "Added " + name.strip());
    }

    public void edit(String name, String newName, String words) {
        change(() -> port.edit(name, new Label(newName, words)), "Changed " + name);
    }

    public void remove(String name) {
        change(() -> port.remove(name), "Removed " + name);
    }

    /** The user agrees with the file's label (or picks one for an unlabelled file): the label learns from it. */
    public void confirm(String path, String label) {
        change(() -> port.confirm(Path.of(path), label), "Confirmed " + fileName(path) + " as " + label);
    }

    /** The user gives the file another label: the one it had learns the file is not one of its own. */
    public void correct(String path, String label) {
        String modelId = model.get();
        change(() -> port.correct(Path.of(path), label, modelId), "Corrected " + fileName(path) + " to " + label);
    }

    private void change(Runnable work, String done) {
        inFlight.cancel();
        busy.set(true);
        inFlight = runner.submit(() -> {
            work.run();
            return null;
        }, ok -> {
            status.set(done);
            error.set("");
            refresh();
        }, this::failed);
    }

    private void show(LabelledFiles files) {
        busy.set(false);
        error.set("");
        Map<String, FileLabel> map = new HashMap<>();
        files.files().forEach(f -> map.put(f.path(), f));
        byPath = map;
        counts.setAll(files.counts());
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        files.counts().forEach(c -> choices.add(c.label().name()));
        choices.add(NONE);
        String wanted = filter.get();
        filterChoices.setAll(choices);
        filter.set(choices.contains(wanted) ? wanted : ALL);
        applyFilter();
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (!Errors.isCancellation(e)) {
            error.set(Errors.message(e));
        }
    }

    private void applyFilter() {
        String f = filter.get();
        Map<String, FileLabel> labels = byPath;
        if (f == null || ALL.equals(f)) {
            pathFilter.set(p -> true);
        } else if (NONE.equals(f)) {
            pathFilter.set(p -> labels.get(p) == null || !labels.get(p).labelled());
        } else {
            pathFilter.set(p -> labels.get(p) != null && f.equals(labels.get(p).label()));
        }
    }

    /** The file's label as last sorted, or null when the file was not among the sorted files. */
    public FileLabel labelOf(String path) {
        return path == null ? null : byPath.get(path);
    }

    /** A line about one file's label, for the pane: its label and how sure, or its nearest label. */
    public String describe(String path) {
        FileLabel f = labelOf(path);
        if (path == null) {
            return "Select a result to confirm or correct its label.";
        }
        if (f == null || f.best() == null) {
            return fileName(path) + ": not sorted yet";
        }
        if (f.confirmed()) {
            return fileName(path) + ": " + f.label() + " (confirmed)";
        }
        return f.labelled()
                ? String.format(Locale.ROOT, "%s: %s (%.0f %% sure)", fileName(path), f.label(), 100 * f.confidence())
                : String.format(Locale.ROOT, "%s: no label (nearest %s, %.0f %% sure)", fileName(path), f.best(),
                        100 * f.confidence());
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }

    public ObservableList<LabelCount> counts() {
        return counts;
    }

    public ObservableList<String> filterChoices() {
        return filterChoices;
    }

    /** The label the result list shows, {@link #ALL} or {@link #NONE}. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Which result paths the list shows, for the current filter. */
    public ObjectProperty<Predicate<String>> pathFilterProperty() {
        return pathFilter;
    }

    /** The least confidence for a label, 0 to 1. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}

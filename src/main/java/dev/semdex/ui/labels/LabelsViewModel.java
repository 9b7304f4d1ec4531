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
    private final ObjectProperty<Predicate<Path>> folderFilter = new SimpleObjectProperty<>(f -> true);
    private Map<String, FileLabel> byPath = Map.of();
    private Map<Path, Integer> folderCounts = new HashMap<>();
    private Cancellable inFlight = Cancellable.NONE;
    /** Changes being stored: a refresh asked for meanwhile waits for them (the last one sorts again). */
    private int changing;

    public LabelsViewModel(LabelsPort port, TaskRunner runner, Supplier<String> model) {
        this.port = port;
        this.runner = runner;
        this.model = model;
        filter.addListener((obs, old, f) -> applyFilter());
        threshold.addListener((obs, old, t) -> refresh());
        port.onChange(() -> runner.onUi(this::refresh));
    }

    /**
     * Sorts every indexed file again and updates the counts, the filter choices and the filter. A sort still
     * running is cancelled; a change still being stored is not, and sorts again itself once stored.
     */
    public void refresh() {
        if (changing > 0) {
            return;
        }
        inFlight.cancel();
        busy.set(true);
        String modelId = model.get();
        LabelThresholds thresholds = LabelThresholds.DEFAULT.withConfidence(threshold.get());
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

    /**
     * The index changed (an indexing run finished: files came, went or got their vectors): files are sorted again,
     * so that the counts and the filters take in files that had no vectors before. Nothing to do without labels.
     */
    public void indexChanged() {
        if (!counts.isEmpty()) {
            refresh();
        }
    }

    /** Stores a change; never cancelled, since a half-done one would leave the user unsure what was kept. */
    private void change(Runnable work, String done) {
        inFlight.cancel(); // a sort of the files as they were
        busy.set(true);
        changing++;
        runner.submit(() -> {
            work.run();
            return null;
        }, ok -> {
            changing--;
            status.set(done);
            error.set("");
            refresh();
        }, e -> {
            changing--;
            failed(e);
        });
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
        folderCounts = new HashMap<>();
        boolean all = f == null || ALL.equals(f);
        folderFilter.set(folder -> all || filesIn(folder) > 0);
    }

    /**
     * How many sorted files in {@code folder} (and below) the label filter lets through; every sorted file in it
     * when the filter shows all.
     */
    public int filesIn(Path folder) {
        return folderCounts.computeIfAbsent(folder, dir -> {
            Predicate<String> shown = pathFilter.get();
            int n = 0;
            for (String path : byPath.keySet()) {
                Path file = Path.of(path);
                if (file.startsWith(dir) && !file.equals(dir) && shown.test(path)) {
                    n++;
                }
            }
            return n;
        });
    }

    /** A folder row's line under the label filter ("3 files labelled invoices"), or "" when it shows all. */
    public String folderNote(Path folder) {
        String f = filter.get();
        if (f == null || ALL.equals(f)) {
            return "";
        }
        int n = filesIn(folder);
        String files = n == 1 ? "1 file" : n + " files";
        return NONE.equals(f) ? files + " with no label" : files + " labelled " + f;
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

    /**
     * Which folders the folder list shows for the current filter: those holding at least one file with the label
     * (or with none, for {@link #NONE}); every folder when the filter shows all.
     */
    public ObjectProperty<Predicate<Path>> folderFilterProperty() {
        return folderFilter;
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

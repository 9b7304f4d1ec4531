package dev.semdex.lab.ui;

import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.MapGroup;
import dev.semdex.lab.compare.MapPoint;
import dev.semdex.labels.Label;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The corpus map: every file as one model sees it, projected to 2-D and grouped by k-means cluster or by indexed
 * folder. Built in the background (PCA and k-means take a moment on thousands of files); a newer build cancels
 * an older one.
 */
public final class CorpusMapViewModel {

    public enum ColourBy { CLUSTER, FOLDER }

    private final CompareBackend backend;
    private final TaskRunner runner;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty model = new SimpleStringProperty();
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(ColourBy.CLUSTER);
    private final ObjectProperty<CorpusMap> map = new SimpleObjectProperty<>();
    private final BooleanProperty building = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<MapGroup> groups = FXCollections.observableArrayList();
    private final ObservableSet<Integer> labelled = FXCollections.observableSet();
    private Cancellable inFlight = Cancellable.NONE;
    private long generation;

    public CorpusMapViewModel(CompareBackend backend, TaskRunner runner) {
        this.backend = backend;
        this.runner = runner;
    }

    /**
     * The label a group becomes: named by its most distinctive word, described by all of them, the way a user
     * writes a label ("malaria: malaria, plasmodium, falciparum").
     */
    public static Label labelFor(MapGroup group) {
        String name = group.terms().isEmpty() ? group.name() : group.terms().get(0);
        return new Label(name, String.join(", ", group.terms()));
    }

    /**
     * Turns a group into a label: its words describe it, and its most central file is confirmed as it, so that the
     * label starts from what the group is about as the model sees it. The group's other files are not confirmed:
     * k-means puts every file in some group, and a confirmed file keeps its label whatever the label learns later,
     * so the borders are left to the classifier (and to the user's confirmations in the Labels pane).
     */
    public void makeLabel(MapGroup group) {
        Label label = labelFor(group);
        List<Path> examples = group.centralPath().isEmpty() ? List.of() : List.of(Path.of(group.centralPath()));
        runner.submit(() -> {
            backend.addLabel(label, examples);
            return null;
        }, ok -> {
            labelled.add(group.cluster());
            error.set("");
            status.set("Label " + label.name() + " made from group " + (group.cluster() + 1) + (examples.isEmpty()
                    ? "" : ", with " + examples.get(0).getFileName() + " confirmed as it")
                    + "; the Labels pane sorts the other files.");
        }, this::fail);
    }

    /** The groups of the drawn map, each one click from being a label. */
    public ObservableList<MapGroup> groups() {
        return groups;
    }

    /** Clusters already made into labels on this map. */
    public ObservableSet<Integer> labelled() {
        return labelled;
    }

    public void refreshModels(String preferred) {
        runner.submit(backend::indexedModels, indexed -> {
            List<String> ids = new ArrayList<>(indexed.stream().map(CompareBackend.IndexedModel::id).toList());
            if (ids.remove(preferred)) {
                ids.add(0, preferred);
            }
            String keep = model.get();
            models.setAll(ids);
            model.set(ids.contains(keep) ? keep : ids.isEmpty() ? null : ids.get(0));
        }, this::fail);
    }

    /** Builds the map of the chosen model, cancelling a build still running. */
    public void build() {
        String id = model.get();
        if (id == null || id.isBlank()) {
            error.set("Choose a model with vectors in the index.");
            return;
        }
        inFlight.cancel();
        long mine = ++generation;
        building.set(true);
        status.set("Projecting the files of " + id + "…");
        inFlight = runner.submit(() -> backend.corpusMap(id, 0), built -> {
            if (mine == generation) {
                building.set(false);
                error.set("");
                labelled.clear();
                groups.setAll(built.groups());
                map.set(built);
                status.set(String.format(Locale.ENGLISH, "%,d files in %d groups by %s; the two axes keep %.0f%% "
                        + "of the variance.", built.points().size(), built.clusters(), id,
                        built.explainedVariance() * 100));
            }
        }, e -> {
            if (mine == generation) {
                building.set(false);
                status.set("");
                fail(e);
            }
        });
    }

    public void cancel() {
        inFlight.cancel();
        generation++;
        building.set(false);
        status.set("Cancelled.");
    }

    /** The points split into the chart's series: one per group ("1 · its words"), or one per indexed folder. */
    public Map<String, List<MapPoint>> series() {
        CorpusMap m = map.get();
        Map<String, List<MapPoint>> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        if (colourBy.get() == ColourBy.CLUSTER) {
            Map<Integer, List<MapPoint>> byCluster = new TreeMap<>();
            m.points().forEach(p -> byCluster.computeIfAbsent(p.cluster(), c -> new ArrayList<>()).add(p));
            byCluster.forEach((c, points) -> out.put(groupName(m, c), points));
        } else {
            Map<String, List<MapPoint>> byFolder = new TreeMap<>();
            m.points().forEach(p -> byFolder.computeIfAbsent(folderName(p.folder()), f -> new ArrayList<>()).add(p));
            out.putAll(byFolder);
        }
        return out;
    }

    /** "1 · insulin, glucose, diabetes": the group's number and its most distinctive words. */
    static String groupName(CorpusMap m, int cluster) {
        String name = cluster < m.groups().size() ? m.groups().get(cluster).name() : "";
        return (cluster + 1) + (name.isEmpty() ? "" : " · " + name);
    }

    private static String folderName(String folder) {
        if (folder == null || folder.isEmpty()) {
            return "(other)";
        }
        Path name = Path.of(folder).getFileName();
        return name == null ? folder : name.toString();
    }

    private void fail(Throwable e) {
        if (!Errors.isCancellation(e)) {
            error.set(Errors.message(e));
        }
    }

    public ObservableList<String> models() {
        return models;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public ObjectProperty<CorpusMap> mapProperty() {
        return map;
    }

    public BooleanProperty buildingProperty() {
        return building;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }
}

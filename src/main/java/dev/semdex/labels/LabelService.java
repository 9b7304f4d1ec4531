package dev.semdex.labels;

import dev.semdex.SemdexException;
import dev.semdex.search.SearchService;
import dev.semdex.search.VectorIndex;
import dev.semdex.similar.PassageModels;
import dev.semdex.store.IndexStore;
import dev.semdex.store.LabelTable;
import dev.semdex.store.StoredDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's labels: kept in the index with what the user confirmed and corrected, and applied to every indexed
 * file of a model. Each label learns from its description and that feedback ({@link LabelCentres}); a file the user
 * confirmed keeps the label given, every other file gets the classifier's guess ({@link LabelClassifier}).
 */
public final class LabelService {

    private final IndexStore store;
    private final SearchService search;
    private final PassageModels models;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public LabelService(IndexStore store, SearchService search, PassageModels models) {
        this.store = store;
        this.search = search;
        this.models = models;
    }

    public List<Label> labels() {
        return store.labels().all().stream().map(l -> new Label(l.name(), l.words())).toList();
    }

    public void add(Label label) {
        add(label, List.of());
    }

    /**
     * Adds a label that starts from files the user chose as examples of it (a group of the corpus map): it is stored
     * with their confirmations, or not at all.
     */
    public void add(Label label, List<Path> examples) {
        store.requireWritable();
        List<String> paths = examples.stream().map(this::indexedPath).distinct().toList();
        if (!store.labels().add(label.name(), label.words(), paths)) {
            throw new SemdexException("There is already a label called " + label.name() + ".");
        }
        changed();
    }

    /**
     * Runs {@code listener} after every change to the labels or to what they were taught, on the thread that made
     * it, so that every view of the labels (the window's, whichever window made the change) sorts the files again.
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** Renames or redescribes the label {@code name}; what the user taught it stays with it. */
    public void edit(String name, Label changed) {
        store.requireWritable();
        String old = require(name);
        if (!old.equalsIgnoreCase(changed.name()) && find(changed.name()).isPresent()) {
            throw new SemdexException("There is already a label called " + changed.name() + ".");
        }
        store.labels().update(old, changed.name(), changed.words());
        changed();
    }

    /** Removes a label and forgets which files were confirmed as it. */
    public void remove(String name) {
        store.requireWritable();
        store.labels().remove(require(name));
        changed();
    }

    /** The user says the file is {@code label}: the label learns from it, and the file keeps it. */
    public void confirm(Path file, String label) {
        store.requireWritable();
        store.labels().confirm(indexedPath(file), require(label), List.of());
        changed();
    }

    /**
     * The user says the file is {@code label}, not what it was given: it is confirmed as {@code label}, and the
     * label it had for {@code modelId} (if another) is told the file is not one of its own, which pulls that
     * label away from files like it.
     */
    public void correct(Path file, String label, String modelId) {
        store.requireWritable();
        String path = indexedPath(file);
        String right = require(label);
        FileLabel had = classify(modelId, new LabelThresholds(0, 0)).of(path);
        List<String> wrong = had != null && had.best() != null && !had.best().equalsIgnoreCase(right)
                ? List.of(had.best()) : List.of();
        store.labels().confirm(path, right, wrong);
        changed();
    }

    /** Every file indexed with the model, with its label, and the counts per label. */
    public LabelledFiles classify(String modelId, LabelThresholds thresholds) {
        String id = models.canonicalId(modelId);
        List<Label> labels = labels();
        if (labels.isEmpty()) {
            return new LabelledFiles(id, List.of(), List.of(), 0); // nothing to sort by: no need to read vectors
        }
        VectorIndex index = search.vectorIndex(id);
        Map<Long, String> paths = store.documents().paths();
        Map<String, float[]> files = new LinkedHashMap<>();
        FileVectors.all(index).entrySet().stream()
                .filter(e -> paths.containsKey(e.getKey()))
                .sorted(Comparator.comparing(e -> paths.get(e.getKey())))
                .forEach(e -> files.put(paths.get(e.getKey()), e.getValue()));
        Map<String, String> confirmed = new HashMap<>();
        Map<String, List<float[]>> confirmedVectors = new HashMap<>();
        Map<String, List<float[]>> rejectedVectors = new HashMap<>();
        for (LabelTable.Feedback f : store.labels().feedback()) {
            String name = canonical(labels, f.label());
            if (f.belongs()) {
                confirmed.put(f.path(), name);
            }
            float[] v = files.get(f.path());
            if (v != null) {
                (f.belongs() ? confirmedVectors : rejectedVectors).computeIfAbsent(name, n -> new ArrayList<>())
                        .add(v);
            }
        }
        List<FileLabel> out = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        labels.forEach(l -> counts.put(l.name(), new int[2]));
        int unlabelled = 0;
        LabelClassifier classifier = classifier(id, labels, confirmedVectors, rejectedVectors);
        Map<String, double[]> ranges = classifier.ranges(files.values());
        for (Map.Entry<String, float[]> file : files.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("Labelling cancelled");
            }
            String mine = confirmed.get(file.getKey());
            FileLabel label;
            if (mine != null) {
                double cosine = classifier.classify(file.getValue(), 0).cosine();
                label = new FileLabel(file.getKey(), mine, mine, 1, cosine, true);
            } else {
                LabelGuess guess = classifier.classify(file.getValue(), thresholds, ranges);
                label = new FileLabel(file.getKey(), guess.label(), guess.best(), guess.confidence(),
                        guess.cosine(), false);
            }
            out.add(label);
            if (label.labelled()) {
                int[] c = counts.get(label.label());
                c[0]++;
                c[1] += label.confirmed() ? 1 : 0;
            } else {
                unlabelled++;
            }
        }
        List<LabelCount> countList = labels.stream().map(l -> new LabelCount(l, counts.get(l.name())[0],
                counts.get(l.name())[1])).toList();
        return new LabelledFiles(id, out, countList, unlabelled);
    }

    private LabelClassifier classifier(String modelId, List<Label> labels, Map<String, List<float[]>> confirmed,
            Map<String, List<float[]>> rejected) {
        List<float[]> descriptions = models.withEmbedder(modelId, embedder -> labels.stream()
                .map(l -> embedder.embedQuery(l.description())).toList());
        Map<String, float[]> centres = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.get(i).name();
            centres.put(name, LabelCentres.centre(descriptions.get(i), confirmed.getOrDefault(name, List.of()),
                    rejected.getOrDefault(name, List.of())));
        }
        return new LabelClassifier(centres);
    }

    private Optional<Label> find(String name) {
        return labels().stream().filter(l -> l.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The label's name as stored (names are matched ignoring case). */
    private String require(String name) {
        if (name == null || name.isBlank()) {
            throw new SemdexException("Name a label.");
        }
        return find(name).map(Label::name).orElseThrow(() -> new SemdexException("There is no label called "
                + name.strip() + "; the labels are: " + names() + "."));
    }

    private String names() {
        List<Label> labels = labels();
        return labels.isEmpty() ? "none yet" : String.join(", ", labels.stream().map(Label::name).toList());
    }

    private static String canonical(List<Label> labels, String name) {
        return labels.stream().map(Label::name).filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    private String indexedPath(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        Optional<StoredDocument> doc = store.documents().find(path);
        if (doc.isEmpty() || doc.get().skipped()) {
            throw new SemdexException(file + " is not in the index: only indexed files can be labelled.");
        }
        return path;
    }
}

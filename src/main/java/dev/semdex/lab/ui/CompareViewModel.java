package dev.semdex.lab.ui;

import dev.semdex.lab.compare.CompareRequest;
import dev.semdex.lab.compare.Comparison;
import dev.semdex.lab.compare.ModelRanking;
import dev.semdex.lab.compare.PairAgreement;
import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.VariantRanking;
import dev.semdex.lab.compare.VectorVariant;
import dev.semdex.search.SearchFilter;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One query ranked by two or three models side by side. Files that several lists rank share a colour, each pair
 * of models shows its overlap@k and RBO, each model its vector size, index size and timings; optionally the
 * models' cheaper vector forms (shorter, int8, binary) are set against their full vectors. A newer comparison
 * cancels the one still running, and only the latest is shown.
 */
public final class CompareViewModel {

    /** Colours that link a file across the columns; more shared files than this reuse them in turn. */
    public static final int PALETTE_SIZE = 8;
    public static final List<Integer> DIMENSION_CHOICES = List.of(256, 128, 64);
    public static final List<Precision> PRECISION_CHOICES = List.of(Precision.INT8, Precision.BINARY);
    public static final String NO_MODEL = "—";

    /** One result in a model's column; {@code colour} is the palette index of a shared file, or -1. */
    public record Row(SearchResult result, String fileName, String folder, int colour, String alsoIn) {
        public String path() {
            return result.path();
        }
    }

    /** One model's column: its ranking and what it costs. */
    public record Column(String letter, String modelId, int dimension, long bytesPerVector, long vectors,
            long indexBytes, double embedMillis, double searchMillis, List<Row> rows) {

        /** "384 dims · 1,536 B/vector · 1.2 MB index (812 vectors)". */
        public String sizeText() {
            return String.format(Locale.ENGLISH, "%d dims · %,d B/vector · %s index (%,d vectors)", dimension,
                    bytesPerVector, bytes(indexBytes), vectors);
        }

        /** "query embedded in 12.3 ms · searched in 0.8 ms". */
        public String timeText() {
            return String.format(Locale.ENGLISH, "query embedded in %.1f ms · searched in %.1f ms", embedMillis,
                    searchMillis);
        }
    }

    /** Agreement of two models' top k. */
    public record Pair(String letters, String modelA, String modelB, double overlap, double rbo) {
        public String text(int k) {
            return String.format(Locale.ENGLISH, "%s  overlap@%d %.2f · RBO %.3f", letters, k, overlap, rbo);
        }
    }

    /** A cheaper vector form of one model against its full vectors. */
    public record VariantRow(String modelId, String form, int dimension, String precision, boolean exact,
            long indexBytes, double storageSaved, double overlap, double rbo, double searchMillis) {}

    private final CompareBackend backend;
    private final TaskRunner runner;
    private final JudgementsViewModel judgements;
    private final ObservableList<CompareBackend.IndexedModel> indexedModels = FXCollections.observableArrayList();
    private final ObservableList<String> modelChoices = FXCollections.observableArrayList();
    private final ObservableList<String> optionalChoices = FXCollections.observableArrayList(NO_MODEL);
    private final StringProperty modelA = new SimpleStringProperty();
    private final StringProperty modelB = new SimpleStringProperty();
    private final StringProperty modelC = new SimpleStringProperty(NO_MODEL);
    private final StringProperty query = new SimpleStringProperty("");
    private final IntegerProperty k = new SimpleIntegerProperty(10);
    private final Map<Integer, BooleanProperty> dims = new LinkedHashMap<>();
    private final Map<Precision, BooleanProperty> precisions = new EnumMap<>(Precision.class);
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<Pair> pairs = FXCollections.observableArrayList();
    private final ObservableList<VariantRow> variantRows = FXCollections.observableArrayList();
    private final IntegerProperty sharedCount = new SimpleIntegerProperty();
    private final IntegerProperty shownK = new SimpleIntegerProperty(10);
    private final StringProperty shownQuery = new SimpleStringProperty("");
    private final StringProperty hoveredPath = new SimpleStringProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private Cancellable inFlight = Cancellable.NONE;
    private long generation;

    public CompareViewModel(CompareBackend backend, TaskRunner runner) {
        this.backend = backend;
        this.runner = runner;
        this.judgements = new JudgementsViewModel(backend, runner);
        judgements.queryProperty().bind(shownQuery);
        DIMENSION_CHOICES.forEach(d -> dims.put(d, new SimpleBooleanProperty()));
        PRECISION_CHOICES.forEach(p -> precisions.put(p, new SimpleBooleanProperty()));
    }

    /** Reloads the models with vectors in the index; {@code preferred} (the main window's model) goes first. */
    public void refreshModels(String preferred) {
        runner.submit(backend::indexedModels, models -> {
            indexedModels.setAll(models);
            List<String> ids = new ArrayList<>(models.stream().map(CompareBackend.IndexedModel::id).toList());
            if (ids.remove(preferred)) {
                ids.add(0, preferred);
            }
            String a = modelA.get();
            String b = modelB.get();
            String c = modelC.get();
            modelChoices.setAll(ids);
            optionalChoices.setAll(NO_MODEL);
            optionalChoices.addAll(ids);
            modelA.set(ids.contains(a) ? a : ids.isEmpty() ? null : ids.get(0));
            modelB.set(ids.contains(b) && !b.equals(modelA.get()) ? b
                    : ids.stream().filter(id -> !id.equals(modelA.get())).findFirst().orElse(null));
            modelC.set(ids.contains(c) ? c : NO_MODEL);
        }, this::fail);
    }

    /** The distinct models chosen, in column order. */
    public List<String> chosenModels() {
        Set<String> out = new LinkedHashSet<>();
        for (String m : List.of(nullToEmpty(modelA.get()), nullToEmpty(modelB.get()), nullToEmpty(modelC.get()))) {
            if (!m.isEmpty() && !NO_MODEL.equals(m)) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** The cheaper forms to measure for a model of this dimension: chosen dims (and its own) × chosen precisions. */
    public List<VectorVariant> variantsFor(int modelDimension) {
        if (modelDimension <= 0) {
            return List.of();
        }
        List<Integer> ds = new ArrayList<>();
        ds.add(modelDimension);
        dims.forEach((d, on) -> {
            if (on.get() && d < modelDimension) {
                ds.add(d);
            }
        });
        List<Precision> ps = new ArrayList<>();
        ps.add(Precision.F32);
        precisions.forEach((p, on) -> {
            if (on.get()) {
                ps.add(p);
            }
        });
        return VectorVariant.cheaperForms(modelDimension, ds, ps);
    }

    /** Ranks the query with the chosen models now, cancelling a comparison still running. */
    public void compare() {
        inFlight.cancel();
        long mine = ++generation;
        String q = nullToEmpty(query.get()).strip();
        List<String> models = chosenModels();
        if (q.isEmpty()) {
            clear();
            status.set("Type a query to compare the models' rankings.");
            running.set(false);
            return;
        }
        if (models.isEmpty()) {
            error.set("Choose at least one model with vectors in the index.");
            return;
        }
        Map<String, Integer> dimensions = new LinkedHashMap<>();
        indexedModels.forEach(m -> dimensions.put(m.id(), m.dimension()));
        Set<VectorVariant> variants = new LinkedHashSet<>();
        Map<String, List<VectorVariant>> wanted = new LinkedHashMap<>();
        for (String m : models) {
            List<VectorVariant> forModel = variantsFor(dimensions.getOrDefault(m, 0));
            wanted.put(m, forModel);
            variants.addAll(forModel);
        }
        int depth = Math.max(1, k.get());
        CompareRequest request = new CompareRequest(q, models, depth, SearchFilter.NONE, List.copyOf(variants));
        running.set(true);
        status.set("Ranking with " + String.join(", ", models) + "…");
        inFlight = runner.submit(() -> backend.compare(request), comparison -> {
            if (mine == generation) {
                running.set(false);
                error.set("");
                show(comparison, wanted);
            }
        }, e -> {
            if (mine == generation) {
                running.set(false);
                status.set("");
                if (!Errors.isCancellation(e)) {
                    error.set(Errors.message(e));
                }
            }
        });
    }

    /** Stops the running comparison; the last shown one stays. */
    public void cancel() {
        inFlight.cancel();
        generation++;
        running.set(false);
        status.set("Cancelled.");
    }

    private void clear() {
        pairs.clear();
        variantRows.clear();
        sharedCount.set(0);
        shownQuery.set("");
        columns.clear();
    }

    private void show(Comparison c, Map<String, List<VectorVariant>> wanted) {
        Map<String, String> letters = new LinkedHashMap<>();
        for (ModelRanking m : c.models()) {
            letters.put(m.modelId(), String.valueOf((char) ('A' + letters.size())));
        }
        Map<String, List<String>> shared = c.sharedPaths();
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (String path : shared.keySet()) {
            colours.put(path, colours.size() % PALETTE_SIZE);
        }
        List<Column> cols = new ArrayList<>();
        for (ModelRanking m : c.models()) {
            List<Row> rows = new ArrayList<>();
            for (SearchResult r : m.results()) {
                Path path = Path.of(r.path());
                rows.add(new Row(r, String.valueOf(path.getFileName()),
                        path.getParent() == null ? "" : path.getParent().toString(),
                        colours.getOrDefault(r.path(), -1), alsoIn(c, m.modelId(), r.path(), letters)));
            }
            cols.add(new Column(letters.get(m.modelId()), m.modelId(), m.dimension(), m.bytesPerVector(),
                    m.vectors(), m.vectorBytes(), m.embedMillis(), m.searchMillis(), List.copyOf(rows)));
        }
        List<Pair> ps = new ArrayList<>();
        for (PairAgreement p : c.pairs()) {
            ps.add(new Pair(letters.get(p.modelA()) + " ↔ " + letters.get(p.modelB()), p.modelA(), p.modelB(),
                    p.overlap(), p.rbo()));
        }
        List<VariantRow> vs = new ArrayList<>();
        for (VariantRanking v : c.variants()) {
            if (wanted.getOrDefault(v.modelId(), List.of()).contains(v.variant())) {
                vs.add(new VariantRow(v.modelId(), v.variant().label(), v.variant().dimension(),
                        v.variant().precision().label(), v.exact(), v.indexBytes(), v.storageSaved(), v.overlap(),
                        v.rbo(), v.searchMillis()));
            }
        }
        shownK.set(c.k());
        shownQuery.set(c.query());
        sharedCount.set(shared.size());
        pairs.setAll(ps);
        variantRows.setAll(vs);
        columns.setAll(cols);
        status.set("");
    }

    /** Where the other models rank the same file, e.g. "B2 C7". */
    private static String alsoIn(Comparison c, String modelId, String path, Map<String, String> letters) {
        List<String> marks = new ArrayList<>();
        c.otherRanks(modelId, path).forEach((other, rank) -> marks.add(letters.get(other) + rank));
        return String.join(" ", marks);
    }

    /** Variant rows grouped by model, in column order. */
    public Map<String, List<VariantRow>> variantsByModel() {
        Map<String, List<VariantRow>> out = new LinkedHashMap<>();
        variantRows.forEach(v -> out.computeIfAbsent(v.modelId(), m -> new ArrayList<>()).add(v));
        return out;
    }

    private void fail(Throwable e) {
        if (!Errors.isCancellation(e)) {
            error.set(Errors.message(e));
        }
    }

    static String bytes(long n) {
        if (n < 1_000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ENGLISH, "%.1f kB", n / 1e3);
        }
        return String.format(Locale.ENGLISH, "%.1f MB", n / 1e6);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<CompareBackend.IndexedModel> indexedModels() {
        return indexedModels;
    }

    public ObservableList<String> modelChoices() {
        return modelChoices;
    }

    /** Choices for the optional third model, starting with {@link #NO_MODEL}. */
    public ObservableList<String> optionalChoices() {
        return optionalChoices;
    }

    public StringProperty modelAProperty() {
        return modelA;
    }

    public StringProperty modelBProperty() {
        return modelB;
    }

    public StringProperty modelCProperty() {
        return modelC;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public BooleanProperty dimensionProperty(int dimension) {
        return dims.get(dimension);
    }

    public BooleanProperty precisionProperty(Precision precision) {
        return precisions.get(precision);
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    public ObservableList<Pair> pairs() {
        return pairs;
    }

    public ObservableList<VariantRow> variantRows() {
        return variantRows;
    }

    /** How many files are in more than one model's list. */
    public IntegerProperty sharedCountProperty() {
        return sharedCount;
    }

    public IntegerProperty shownKProperty() {
        return shownK;
    }

    public StringProperty shownQueryProperty() {
        return shownQuery;
    }

    /** The file under the mouse in any column, so the other columns highlight it too. */
    public StringProperty hoveredPathProperty() {
        return hoveredPath;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public JudgementsViewModel judgements() {
        return judgements;
    }
}

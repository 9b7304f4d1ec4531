package dev.semdex.lab.ui;

import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.QualityRow;
import dev.semdex.lab.compare.QualityTable;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which model suits the user's files: nDCG@10 and recall@10 on the queries they judged with thumbs, per model and
 * per cheaper vector form, set against index size and search time, exportable as CSV or Markdown. Runs one model
 * at a time in the background, so it shows progress and can be cancelled between and within models.
 */
public final class QualityViewModel {

    public enum Format {
        CSV("csv"), MARKDOWN("md");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** One point of a chart: x (index MB or ms per query) against nDCG@10, labelled with the vector form. */
    public record Point(double x, double ndcg, String form) {}

    private final CompareBackend backend;
    private final TaskRunner runner;
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final Map<Integer, BooleanProperty> dims = new LinkedHashMap<>();
    private final Map<Precision, BooleanProperty> precisions = new EnumMap<>(Precision.class);
    private final Map<String, Integer> dimensions = new LinkedHashMap<>();
    private final ObservableList<QualityRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty judgedQueries = new SimpleIntegerProperty(-1);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private Cancellable inFlight = Cancellable.NONE;
    private long generation;

    public QualityViewModel(CompareBackend backend, TaskRunner runner) {
        this.backend = backend;
        this.runner = runner;
        CompareViewModel.DIMENSION_CHOICES.forEach(d -> dims.put(d, new SimpleBooleanProperty()));
        CompareViewModel.PRECISION_CHOICES.forEach(p -> precisions.put(p, new SimpleBooleanProperty()));
    }

    /** Reloads the models with vectors (keeping the user's ticks, new models ticked) and the judged queries. */
    public void refresh() {
        runner.submit(() -> new Loaded(backend.indexedModels(), backend.judgedQueries()), loaded -> {
                    Set<String> ticked = models.stream().filter(ModelChoice::isChosen).map(ModelChoice::id)
                            .collect(Collectors.toSet());
                    Set<String> known = models.stream().map(ModelChoice::id).collect(Collectors.toSet());
                    dimensions.clear();
                    loaded.models().forEach(m -> dimensions.put(m.id(), m.dimension()));
                    models.setAll(loaded.models().stream()
                            .map(m -> new ModelChoice(m.id(), !known.contains(m.id()) || ticked.contains(m.id()))).toList());
                    judgedQueries.set(loaded.judged());
                }, this::fail);
    }

    private record Loaded(List<CompareBackend.IndexedModel> models, int judged) {}

    /** Scores the ticked models and forms on the judged queries, one model after the other. */
    public void run() {
        List<String> chosen = models.stream().filter(ModelChoice::isChosen).map(ModelChoice::id).toList();
        if (chosen.isEmpty()) {
            error.set("Tick at least one model to score.");
            return;
        }
        inFlight.cancel();
        long mine = ++generation;
        List<Integer> ds = dims.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        List<Precision> ps = new ArrayList<>(List.of(Precision.F32));
        Map<String, List<Integer>> dimsByModel = new LinkedHashMap<>();
        chosen.forEach(m -> dimsByModel.put(m, dimsFor(m, ds)));
        precisions.forEach((p, on) -> {
            if (on.get()) {
                ps.add(p);
            }
        });
        running.set(true);
        error.set("");
        progress.set(0);
        status.set("Scoring " + chosen.get(0) + "…");
        inFlight = runner.submit(() -> {
            List<QualityRow> out = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                String model = chosen.get(i);
                int done = i;
                runner.onUi(() -> {
                    if (mine == generation) {
                        progress.set((double) done / chosen.size());
                        status.set("Scoring " + model + " (" + (done + 1) + " of " + chosen.size() + ")…");
                    }
                });
                out.addAll(backend.quality(List.of(model), dimsByModel.get(model), ps));
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("Cancelled");
                }
            }
            return out;
        }, found -> {
            if (mine == generation) {
                running.set(false);
                progress.set(1);
                rows.setAll(found);
                int queries = found.isEmpty() ? 0 : found.get(0).queries();
                status.set(found.size() + " rows on " + queries + (queries == 1 ? " judged query" : " judged queries"));
            }
        }, e -> {
            if (mine == generation) {
                running.set(false);
                progress.set(0);
                status.set(Errors.isCancellation(e) ? "Cancelled." : "");
                fail(e);
            }
        });
    }

    /** The model's own dimension and the ticked shorter ones: every form is scored at each ticked precision. */
    private List<Integer> dimsFor(String model, List<Integer> ticked) {
        int own = dimensions.getOrDefault(model, 0);
        List<Integer> out = new ArrayList<>();
        if (own > 0) {
            out.add(own);
        }
        ticked.stream().filter(d -> own == 0 || d < own).forEach(out::add);
        return out;
    }

    public void cancel() {
        inFlight.cancel();
        generation++;
        running.set(false);
        progress.set(0);
        status.set("Cancelled.");
    }

    /** The table as the format's text. */
    public String export(Format format) {
        List<QualityRow> current = List.copyOf(rows);
        return format == Format.CSV ? QualityTable.toCsv(current) : QualityTable.toMarkdown(current);
    }

    /** Writes the table to a file in the background; {@code then} runs with the path once written. */
    public void exportTo(Path file, Format format, Runnable then) {
        String text = export(format);
        runner.submit(() -> Files.writeString(file, text), written -> {
            status.set("Saved " + written.getFileName());
            then.run();
        }, this::fail);
    }

    /** nDCG@10 against index size (MB), one series per model. */
    public Map<String, List<Point>> qualityBySize() {
        return series(r -> r.indexBytes() / 1e6);
    }

    /** nDCG@10 against search time per query (ms, without embedding the query), one series per model. */
    public Map<String, List<Point>> qualityByLatency() {
        return series(QualityRow::searchMillis);
    }

    private Map<String, List<Point>> series(ToDoubleFunction<QualityRow> x) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (QualityRow r : rows) {
            out.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(new Point(x.applyAsDouble(r), r.ndcg10(),
                    r.dimension() + "·" + r.precision()));
        }
        return out;
    }

    private void fail(Throwable e) {
        if (!Errors.isCancellation(e)) {
            error.set(Errors.message(e));
        }
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    public BooleanProperty dimensionProperty(int dimension) {
        return dims.get(dimension);
    }

    public BooleanProperty precisionProperty(Precision precision) {
        return precisions.get(precision);
    }

    public ObservableList<QualityRow> rows() {
        return rows;
    }

    /** Queries with at least one relevant file; -1 until loaded. */
    public IntegerProperty judgedQueriesProperty() {
        return judgedQueries;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }
}

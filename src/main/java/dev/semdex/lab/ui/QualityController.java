package dev.semdex.lab.ui;

import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.QualityRow;
import java.io.File;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Quality tab: what to score, the table, two charts, export; the empty state explains the thumbs. */
public final class QualityController {

    private final QualityViewModel vm;

    @FXML private BorderPane qualityPane;
    @FXML private FlowPane modelBoxes;
    @FXML private CheckBox dim256;
    @FXML private CheckBox dim128;
    @FXML private CheckBox dim64;
    @FXML private CheckBox int8Box;
    @FXML private CheckBox binaryBox;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private Button csvButton;
    @FXML private Button markdownButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private SplitPane results;
    @FXML private TableView<QualityRow> table;
    @FXML private LineChart<Number, Number> sizeChart;
    @FXML private LineChart<Number, Number> latencyChart;
    @FXML private VBox emptyState;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;

    public QualityController(QualityViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        dim256.selectedProperty().bindBidirectional(vm.dimensionProperty(256));
        dim128.selectedProperty().bindBidirectional(vm.dimensionProperty(128));
        dim64.selectedProperty().bindBidirectional(vm.dimensionProperty(64));
        int8Box.selectedProperty().bindBidirectional(vm.precisionProperty(Precision.INT8));
        binaryBox.selectedProperty().bindBidirectional(vm.precisionProperty(Precision.BINARY));
        vm.models().addListener((ListChangeListener<ModelChoice>) c -> showModels());
        showModels();
        var noJudgements = vm.judgedQueriesProperty().isEqualTo(0).and(Bindings.isEmpty(vm.rows()));
        emptyState.visibleProperty().bind(noJudgements);
        results.visibleProperty().bind(noJudgements.not());
        runButton.disableProperty().bind(vm.runningProperty().or(vm.judgedQueriesProperty().isEqualTo(0)));
        cancelButton.visibleProperty().bind(vm.runningProperty());
        cancelButton.managedProperty().bind(vm.runningProperty());
        csvButton.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        markdownButton.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.runningProperty());
        progressBar.managedProperty().bind(vm.runningProperty());
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = vm.statusProperty().get();
            int judged = vm.judgedQueriesProperty().get();
            return !s.isEmpty() ? s : judged > 0 ? Formats.judged(judged) : "";
        }, vm.statusProperty(), vm.judgedQueriesProperty()));
        buildTable();
        vm.rows().addListener((ListChangeListener<QualityRow>) c -> showCharts());
        ErrorBar.bind(vm.errorProperty(), errorBar, errorLabel);
    }

    private void showModels() {
        modelBoxes.getChildren().clear();
        for (ModelChoice m : vm.models()) {
            CheckBox box = new CheckBox(m.id());
            box.selectedProperty().bindBidirectional(m.chosenProperty());
            modelBoxes.getChildren().add(box);
        }
        if (vm.models().isEmpty()) {
            modelBoxes.getChildren().add(new Label("no model has indexed your files yet"));
        }
    }

    private void buildTable() {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Press Score models to measure each model on your judged queries."));
        table.getColumns().add(column("model", QualityRow::model, 200));
        table.getColumns().add(column("vectors", r -> r.dimension() + "·" + r.precision(), 90));
        table.getColumns().add(column("cut", r -> r.exact() ? "exact" : "approx.", 60));
        table.getColumns().add(column("B/vector", r -> String.format(Locale.ENGLISH, "%,d", r.bytesPerVector()), 70));
        table.getColumns().add(column("index", r -> CompareViewModel.bytes(r.indexBytes()), 80));
        table.getColumns().add(column("nDCG@10", r -> String.format(Locale.ENGLISH, "%.4f", r.ndcg10()), 80));
        table.getColumns().add(column("recall@10", r -> String.format(Locale.ENGLISH, "%.4f", r.recall()), 80));
        table.getColumns().add(column("overlap@10 vs full",
                r -> String.format(Locale.ENGLISH, "%.3f", r.agreement()), 120));
        table.getColumns().add(column("ms/query", r -> String.format(Locale.ENGLISH, "%.2f", r.searchMillis()), 80));
        table.getColumns().add(column("queries", r -> Integer.toString(r.queries()), 60));
        table.setItems(vm.rows());
    }

    private static TableColumn<QualityRow, String> column(String title, Function<QualityRow, String> value,
            double width) {
        TableColumn<QualityRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void showCharts() {
        fill(sizeChart, vm::qualityBySize, " MB");
        fill(latencyChart, vm::qualityByLatency, " ms");
    }

    /** One series per model, its forms ordered by x so the line runs from cheapest to the full vectors. */
    private static void fill(LineChart<Number, Number> chart, Supplier<Map<String, List<QualityViewModel.Point>>> data,
            String unit) {
        chart.getData().clear();
        data.get().forEach((model, points) -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(model);
            points.stream().sorted(Comparator.comparingDouble(QualityViewModel.Point::x)).forEach(p -> {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.ndcg());
                d.setExtraValue(p);
                series.getData().add(d);
            });
            chart.getData().add(series);
            for (XYChart.Data<Number, Number> d : series.getData()) {
                QualityViewModel.Point p = (QualityViewModel.Point) d.getExtraValue();
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(String.format(Locale.ENGLISH, "%s %s%nnDCG@10 %.4f%n%.3f%s",
                            model, p.form(), p.ndcg(), p.x(), unit)));
                }
            }
        });
    }

    @FXML
    private void run() {
        vm.run();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void exportCsv() {
        export(QualityViewModel.Format.CSV, "CSV", "*.csv");
    }

    @FXML
    private void exportMarkdown() {
        export(QualityViewModel.Format.MARKDOWN, "Markdown", "*.md");
    }

    private void export(QualityViewModel.Format format, String name, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the quality table as " + name);
        chooser.setInitialFileName("semdex-quality." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(name, pattern));
        File file = chooser.showSaveDialog(qualityPane.getScene().getWindow());
        if (file != null) {
            vm.exportTo(file.toPath(), format, () -> {});
        }
    }

    /** Small wording helpers for the status line. */
    private static final class Formats {
        static String judged(int n) {
            return n + (n == 1 ? " judged query" : " judged queries") + " (with at least one thumbs up)";
        }
    }
}

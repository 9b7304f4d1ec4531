package dev.semdex.lab.ui;

import dev.semdex.lab.compare.MapPoint;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/** The Corpus map tab: one dot per file, coloured by group or folder; hover names the file, a click opens it. */
public final class CorpusMapController {

    private final CorpusMapViewModel vm;
    private final Consumer<Path> open;

    @FXML private ComboBox<String> modelBox;
    @FXML private ToggleGroup colourGroup;
    @FXML private ToggleButton byCluster;
    @FXML private ToggleButton byFolder;
    @FXML private Button buildButton;
    @FXML private ProgressIndicator busy;
    @FXML private Label statusLabel;
    @FXML private ScatterChart<Number, Number> chart;
    @FXML private Label emptyLabel;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;
    @FXML private javafx.scene.control.ListView<dev.semdex.lab.compare.MapGroup> groupList;

    public CorpusMapController(CorpusMapViewModel vm, Consumer<Path> open) {
        this.vm = vm;
        this.open = open;
    }

    @FXML
    private void initialize() {
        modelBox.setItems(vm.models());
        modelBox.valueProperty().bindBidirectional(vm.modelProperty());
        byCluster.setUserData(CorpusMapViewModel.ColourBy.CLUSTER);
        byFolder.setUserData(CorpusMapViewModel.ColourBy.FOLDER);
        colourGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                colourGroup.selectToggle(old);
            } else {
                vm.colourByProperty().set((CorpusMapViewModel.ColourBy) toggle.getUserData());
            }
        });
        vm.colourByProperty().addListener((obs, old, by) -> draw());
        vm.mapProperty().addListener((obs, old, map) -> draw());
        busy.visibleProperty().bind(vm.buildingProperty());
        buildButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.buildingProperty()).then("Cancel")
                .otherwise("Draw map"));
        statusLabel.textProperty().bind(vm.statusProperty());
        emptyLabel.visibleProperty().bind(vm.mapProperty().isNull());
        ErrorBar.bind(vm.errorProperty(), errorBar, errorLabel);
        groupList.setItems(vm.groups());
        groupList.setPlaceholder(new Label("The map's groups show here."));
        groupList.setCellFactory(list -> new GroupCell());
        vm.labelled().addListener((javafx.collections.SetChangeListener<Integer>) change -> groupList.refresh());
    }

    /** A group: its number, words and size, and a button that makes it a label. */
    private final class GroupCell extends javafx.scene.control.ListCell<dev.semdex.lab.compare.MapGroup> {
        private final Label name = new Label();
        private final Button make = new Button("Make label");
        private final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4, name, make);

        GroupCell() {
            name.setWrapText(true);
            name.setMaxWidth(210);
            make.getStyleClass().addAll("small", "make-label");
            make.setOnAction(e -> {
                if (getItem() != null) {
                    vm.makeLabel(getItem());
                }
            });
        }

        @Override
        protected void updateItem(dev.semdex.lab.compare.MapGroup group, boolean empty) {
            super.updateItem(group, empty);
            if (empty || group == null) {
                setGraphic(null);
                return;
            }
            name.setText((group.cluster() + 1) + " · " + group.name() + " (" + group.files() + ")");
            boolean done = vm.labelled().contains(group.cluster());
            make.setText(done ? "Label made" : "Make label " + CorpusMapViewModel.labelFor(group).name());
            make.setDisable(done);
            setGraphic(box);
        }
    }

    @FXML
    private void build() {
        if (vm.buildingProperty().get()) {
            vm.cancel();
        } else {
            vm.build();
        }
    }

    private void draw() {
        chart.getData().clear();
        vm.series().forEach((name, points) -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(name + " (" + points.size() + ")");
            for (MapPoint p : points) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.y());
                d.setExtraValue(p);
                series.getData().add(d);
            }
            chart.getData().add(series);
            for (XYChart.Data<Number, Number> d : series.getData()) {
                MapPoint p = (MapPoint) d.getExtraValue();
                if (d.getNode() != null) {
                    Path path = Path.of(p.path());
                    Tooltip tip = new Tooltip(path.getFileName() + "\n" + path.getParent());
                    tip.setShowDelay(Duration.millis(80));
                    Tooltip.install(d.getNode(), tip);
                    d.getNode().setCursor(Cursor.HAND);
                    d.getNode().setOnMouseClicked(e -> open.accept(path));
                }
            }
        });
    }
}

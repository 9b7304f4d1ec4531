package dev.semdex.ui.folders;

import java.time.Instant;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A folder row: name, state badge, its own progress bar while it indexes, and counts with "last indexed" relative
 * to a clock that ticks, so "5 min ago" stays true while the window is open.
 */
final class FolderCell extends ListCell<FolderItem> {

    private final ObservableValue<Instant> clock;
    private final Label name = new Label();
    private final Label state = new Label();
    private final Label details = new Label();
    private final Label note = new Label();
    private final java.util.function.Function<java.nio.file.Path, String> noteOf;
    private final ProgressBar bar = new ProgressBar();
    private final Tooltip tip = new Tooltip();
    private final VBox box;
    private final ChangeListener<FolderState> stateListener = (obs, o, n) -> styleState(n);
    private FolderItem bound;

    /** @param noteOf a line for the folder from another feature (the label filter's count), "" for none */
    FolderCell(ObservableValue<Instant> clock, java.util.function.Function<java.nio.file.Path, String> noteOf) {
        this.clock = clock;
        this.noteOf = noteOf;
        note.getStyleClass().addAll("folder-note", "small");
        name.getStyleClass().add("folder-name");
        state.getStyleClass().add("state-badge");
        details.getStyleClass().addAll("muted", "small");
        bar.getStyleClass().add("folder-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new VBox(3, new HBox(6, name, spacer, state), bar, details, note);
        name.setMinWidth(0);
        state.setMinWidth(Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(FolderItem item, boolean empty) {
        super.updateItem(item, empty);
        state.textProperty().unbind();
        details.textProperty().unbind();
        bar.progressProperty().unbind();
        bar.visibleProperty().unbind();
        bar.managedProperty().unbind();
        if (bound != null) {
            bound.stateProperty().removeListener(stateListener);
            bound = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        // Two folders of the same name are told apart by as much of their path as differs.
        name.setText(dev.semdex.ui.common.FolderNames.label(item.path().toString(), getListView() == null
                ? java.util.List.of() : getListView().getItems().stream().map(f -> f.path().toString()).toList()));
        state.textProperty().bind(Bindings.createStringBinding(item::badge, item.stateProperty(),
                item.progressProperty(), item.skippedProperty()));
        bound = item;
        item.stateProperty().addListener(stateListener);
        styleState(item.state());
        bar.progressProperty().bind(item.progressProperty());
        bar.visibleProperty().bind(item.stateProperty().isEqualTo(FolderState.INDEXING));
        bar.managedProperty().bind(bar.visibleProperty());
        details.textProperty().bind(Bindings.createStringBinding(() -> item.details(clock.getValue()),
                item.filesProperty(), item.chunksProperty(), item.skippedProperty(), item.lastIndexedProperty(),
                item.messageProperty(), item.activityProperty(), item.stateProperty(), clock));
        String line = noteOf.apply(item.path());
        note.setText(line);
        note.setVisible(!line.isEmpty());
        note.setManaged(!line.isEmpty());
        String perModel = item.passagesPerModel();
        tip.setText(perModel.isEmpty() ? item.path().toString() : item.path() + "\n" + perModel);
        setTooltip(tip);
        setGraphic(box);
    }

    private void styleState(FolderState s) {
        state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
        state.getStyleClass().add("state-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}

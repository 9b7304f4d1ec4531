package dev.semdex.ui.folders;

import dev.semdex.ui.common.Formats;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A folder row: name, counts, last indexed and a state badge; bound to the item's properties. */
final class FolderCell extends ListCell<FolderItem> {

    private final Label name = new Label();
    private final Label state = new Label();
    private final Label details = new Label();
    private final VBox box;
    private final javafx.beans.value.ChangeListener<FolderState> stateListener = (obs, o, n) -> styleState(n);
    private FolderItem bound;

    FolderCell() {
        name.getStyleClass().add("folder-name");
        state.getStyleClass().add("state-badge");
        details.getStyleClass().addAll("muted", "small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new VBox(2, new HBox(6, name, spacer, state), details);
        name.setMinWidth(0);
    }

    @Override
    protected void updateItem(FolderItem item, boolean empty) {
        super.updateItem(item, empty);
        state.textProperty().unbind();
        details.textProperty().unbind();
        if (bound != null) {
            bound.stateProperty().removeListener(stateListener);
            bound = null;
        }
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Object fileName = item.path().getFileName();
        name.setText(fileName == null ? item.path().toString() : fileName.toString());
        state.textProperty().bind(Bindings.createStringBinding(() -> item.state().label(), item.stateProperty()));
        bound = item;
        item.stateProperty().addListener(stateListener);
        styleState(item.state());
        details.textProperty().bind(Bindings.createStringBinding(() -> Formats.plural(item.filesProperty().get(),
                "file", "files") + " · " + Formats.plural(item.chunksProperty().get(), "chunk", "chunks")
                + (item.skippedProperty().get() > 0 ? " · " + Formats.count(item.skippedProperty().get()) + " skipped" : "")
                + " · " + Formats.ago(item.lastIndexedProperty().get(), Instant.now())
                + (item.messageProperty().get().isEmpty() ? "" : "\n" + item.messageProperty().get()),
                item.filesProperty(), item.chunksProperty(), item.skippedProperty(), item.lastIndexedProperty(),
                item.messageProperty()));
        setTooltip(new Tooltip(item.path().toString()));
        setGraphic(box);
    }

    private void styleState(FolderState s) {
        state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
        state.getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}

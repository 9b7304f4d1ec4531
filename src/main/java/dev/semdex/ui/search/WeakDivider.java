package dev.semdex.ui.search;

import java.util.function.IntSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The line in the result list where good matches end: "Weaker matches" above the first result that is not good,
 * or "No good match" above the first result when none is. Kept out of the cell's own layout, around its row.
 */
final class WeakDivider {

    static final String WEAKER = "Weaker matches";
    static final String NONE = "No good match. The closest files:";

    private final Label label = new Label();
    private final VBox box = new VBox(4);
    private IntSupplier goodMatches = () -> -1;

    WeakDivider() {
        label.getStyleClass().addAll("weak-divider", "muted", "small");
        label.setId("weakDivider");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
    }

    void goodMatches(IntSupplier supplier) {
        this.goodMatches = supplier;
    }

    /** The row alone, or the row under the divider when result {@code index} is where good matches end. */
    Node around(Node row, int index) {
        String text = text(goodMatches.getAsInt(), index);
        if (text == null) {
            box.getChildren().clear();
            return row;
        }
        label.setText(text);
        box.getChildren().setAll(label, row);
        return box;
    }

    /** The divider's text above result {@code index} (0-based) when {@code good} results are good; null: none. */
    static String text(int good, int index) {
        if (good < 0) {
            return null;
        }
        if (good == 0) {
            return index == 0 ? NONE : null;
        }
        return index == good ? WEAKER : null;
    }
}

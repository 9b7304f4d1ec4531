package dev.semdex.ui.similar;

import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.HitInfo;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Lets the reader drag across a {@link TextFlow} to select a piece of it, as in a text field: a flow of styled
 * runs has no selection of its own. The range is drawn by {@code mark} (the preview's highlighter) and forgotten
 * when the flow's text changes.
 */
public final class FlowSelection {

    private final TextFlow flow;
    private final BiConsumer<Integer, Integer> mark;
    private int anchor = -1;
    private int start = -1;
    private int end = -1;

    private FlowSelection(TextFlow flow, BiConsumer<Integer, Integer> mark) {
        this.flow = flow;
        this.mark = mark;
    }

    /** Follows the mouse on {@code flow}; {@code mark} draws characters [start, end) of its text. */
    public static FlowSelection attach(TextFlow flow, BiConsumer<Integer, Integer> mark) {
        FlowSelection selection = new FlowSelection(flow, mark);
        flow.addEventHandler(MouseEvent.MOUSE_PRESSED, selection::pressed);
        flow.addEventHandler(MouseEvent.MOUSE_DRAGGED, selection::dragged);
        flow.getChildren().addListener((ListChangeListener<Node>) change -> selection.clear());
        return selection;
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            anchor = charAt(e);
            start = -1;
            end = -1;
        }
    }

    private void dragged(MouseEvent e) {
        if (anchor < 0 || !e.isPrimaryButtonDown()) {
            return;
        }
        select(anchor, charAt(e));
    }

    /** Selects characters between two offsets of the flow's text, in either order. */
    public void select(int from, int to) {
        int length = text().length();
        start = Math.max(0, Math.min(Math.min(from, to), length));
        end = Math.max(0, Math.min(Math.max(from, to), length));
        mark.accept(start, end);
    }

    private int charAt(MouseEvent e) {
        HitInfo hit = flow.hitTest(flow.sceneToLocal(e.getSceneX(), e.getSceneY()));
        return hit.getInsertionIndex();
    }

    private void clear() {
        anchor = -1;
        start = -1;
        end = -1;
    }

    /** The selected text, "" when nothing is selected. */
    public String selectedText() {
        return start < 0 || end <= start ? "" : text().substring(start, end);
    }

    /** The whole text of the flow: its runs one after another. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (Node node : flow.getChildren()) {
            if (node instanceof Text text) {
                all.append(text.getText());
            }
        }
        return all.toString();
    }
}

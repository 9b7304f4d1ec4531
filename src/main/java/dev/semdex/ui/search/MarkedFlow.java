package dev.semdex.ui.search;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import javafx.scene.shape.Path;
import javafx.scene.text.TextFlow;

/**
 * A {@link TextFlow} with a marker drawn behind one range of its text, like a highlighter pen: Text nodes have no
 * background of their own, so the best sentence gets a shape computed from the flow's own line layout
 * ({@link TextFlow#rangeShape}), redrawn whenever the text wraps differently.
 */
public final class MarkedFlow extends Region {

    private final TextFlow flow = new TextFlow();
    private final Path mark = new Path();
    private int markStart = -1;
    private int markEnd = -1;

    public MarkedFlow() {
        mark.setManaged(false);
        mark.getStyleClass().add("sentence-mark");
        getChildren().addAll(mark, flow);
        getStyleClass().add("marked-flow");
    }

    /** The flow holding the Text runs. */
    public TextFlow flow() {
        return flow;
    }

    /** Marks characters {@code [start, end)} of the flow's text; a negative start removes the mark. */
    public void mark(int start, int end) {
        markStart = start;
        markEnd = end;
        requestLayout();
    }

    /**
     * Where characters {@code [start, end)} begin, in this region's coordinates, after a layout pass; -1 when the
     * range is not in the flow.
     */
    public double rangeTop(int start, int end) {
        int length = flow.getChildren().stream().mapToInt(n -> n instanceof javafx.scene.text.Text t
                ? t.getText().length() : 0).sum();
        if (start < 0 || end <= start || start >= length) {
            return -1;
        }
        javafx.scene.shape.Path shape = new javafx.scene.shape.Path(flow.rangeShape(start, Math.min(end, length)));
        return flow.getLayoutY() + shape.getLayoutBounds().getMinY();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return flow.prefWidth(height) + in.getLeft() + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : width - in.getLeft() - in.getRight();
        return flow.prefHeight(inner) + in.getTop() + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        flow.resizeRelocate(in.getLeft(), in.getTop(), w, flow.prefHeight(w));
        flow.layout();
        if (markStart < 0 || markEnd <= markStart) {
            mark.getElements().clear();
            return;
        }
        mark.getElements().setAll(flow.rangeShape(markStart, markEnd));
        mark.setLayoutX(flow.getLayoutX());
        mark.setLayoutY(flow.getLayoutY());
    }
}

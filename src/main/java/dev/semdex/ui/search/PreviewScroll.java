package dev.semdex.ui.search;

import javafx.scene.control.ScrollPane;

/**
 * Brings the match into view in the preview: a long page opened at its top leaves the marked passage below the
 * fold, so the scroll pane is moved to put the best sentence (or, before it is known, the passage) a quarter of
 * the way down the view, with the text before it still in sight.
 */
public final class PreviewScroll {

    /** Share of the view kept above the match, so the reader sees what leads to it. */
    static final double ABOVE = 0.25;

    private PreviewScroll() {}

    /** Lays the pane out now and scrolls it to characters {@code [start, end)} of the flow; to the top if absent. */
    public static void toRange(ScrollPane scroll, MarkedFlow flow, int start, int end) {
        scroll.applyCss();
        scroll.layout();
        double top = flow.rangeTop(start, end);
        double content = flow.getLayoutBounds().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        scroll.setVvalue(vvalue(top, content, view));
    }

    /** The scroll position (0 top, 1 bottom) that puts {@code top} a quarter down a view of {@code view}. */
    static double vvalue(double top, double content, double view) {
        if (top < 0 || content <= view || view <= 0) {
            return 0;
        }
        double wanted = top - view * ABOVE;
        return Math.max(0, Math.min(1, wanted / (content - view)));
    }
}

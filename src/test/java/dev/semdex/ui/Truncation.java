package dev.semdex.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Finds text a user cannot read whole. A {@link Labeled}'s skin draws its text in a {@code Text} child; when the
 * text does not fit, the skin puts the clipped string with its ellipsis there instead, so the drawn text differs
 * from {@code getText()} (JavaFX 21 has no {@code isTextTruncated}). A cut label is forgiven only when it or a
 * control around it has a tooltip with the whole text (long paths). A text field's prompt is checked against the
 * field's width. Call on the FX thread after a layout pass.
 */
final class Truncation {

    private Truncation() {}

    /** One line per cut text in every showing window, e.g. {@code Label#status "12 files · 3 ms" drawn "12 fi…"}. */
    static List<String> inShowingWindows() {
        List<String> out = new ArrayList<>();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing() && w.getScene() != null) {
                w.getScene().getRoot().applyCss();
                w.getScene().getRoot().layout();
                collect(w.getScene().getRoot(), out);
            }
        }
        return out;
    }

    static List<String> in(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, out);
        } else if (node instanceof TextField field) {
            checkPrompt(field, out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void check(Labeled labeled, List<String> out) {
        String full = labeled.getText();
        if (full == null || full.isEmpty() || labeled.getWidth() <= 0) {
            return;
        }
        if (labeled.isMnemonicParsing()) {
            full = full.replaceFirst("_(?=.)", "");
        }
        Text drawn = drawnText(labeled);
        if (drawn == null || drawn.getText() == null || drawn.getText().equals(full)) {
            return;
        }
        if (tooltipShows(labeled, full)) {
            return;
        }
        out.add(describe(labeled) + " \"" + full + "\" drawn \"" + drawn.getText() + "\"");
    }

    private static Text drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t;
            }
        }
        return null;
    }

    private static boolean tooltipShows(Node node, String full) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Control c) {
                Tooltip tip = c.getTooltip();
                if (tip != null && tip.getText() != null && tip.getText().contains(full)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkPrompt(TextField field, List<String> out) {
        String prompt = field.getPromptText();
        if (prompt == null || prompt.isEmpty() || !field.getText().isEmpty() || field.getWidth() <= 0) {
            return;
        }
        Text probe = new Text(prompt);
        probe.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        if (probe.getLayoutBounds().getWidth() > room + 0.5) {
            out.add(describe(field) + " prompt \"" + prompt + "\" needs " + Math.round(probe.getLayoutBounds()
                    .getWidth()) + " px of " + Math.round(room));
        }
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
    }
}

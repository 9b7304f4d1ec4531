package dev.semdex.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Gives every control under a root that has an {@code accessibleHelp} text (set in FXML, read by screen readers)
 * a tooltip that shows it. The FXML views say it once, as help; the tooltips are made here, once the window is
 * drawn, because each {@link Tooltip} builds a popup window with its own styles, and a dozen of them made while the
 * window was loaded kept the user waiting for its first frame.
 */
public final class HelpTips {

    private HelpTips() {}

    /** Walks {@code root}'s scene graph; a control that already has a tooltip keeps it. */
    public static void install(Parent root) {
        for (Node child : root.getChildrenUnmodifiable()) {
            if (child instanceof Control control && control.getTooltip() == null) {
                String help = control.getAccessibleHelp();
                if (help != null && !help.isBlank()) {
                    Tooltip tip = new Tooltip();
                    tip.textProperty().bind(control.accessibleHelpProperty()); // a help that changes stays true
                    control.setTooltip(tip);
                }
            }
            if (child instanceof Parent parent) {
                install(parent);
            }
        }
    }
}

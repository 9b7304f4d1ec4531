package dev.semdex.lab.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The red bar under a tab: shown with the view model's last error, hidden while there is none. */
final class ErrorBar {

    private ErrorBar() {}

    static void bind(ObservableValue<String> error, HBox bar, Label label) {
        error.addListener((obs, old, message) -> show(bar, label, message));
        show(bar, label, error.getValue());
    }

    static void show(HBox bar, Label label, String message) {
        boolean show = message != null && !message.isEmpty();
        label.setText(show ? message : "");
        bar.setVisible(show);
        bar.setManaged(show);
    }
}

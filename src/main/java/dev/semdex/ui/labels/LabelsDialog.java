package dev.semdex.ui.labels;

import dev.semdex.ui.common.FxmlLoaderFactory;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/** The Labels window: the labels, their counts, and the selected result's label. Logic is in the view model. */
public final class LabelsDialog {

    private LabelsDialog() {}

    /** Shows the pane without blocking the window, so results can be searched while it is open. */
    public static Dialog<Void> show(Window owner, LabelsViewModel vm, String selectedPath) {
        DialogPane pane = new FxmlLoaderFactory()
                .with(LabelsController.class, () -> new LabelsController(vm, selectedPath))
                .load("labels.fxml", DialogPane.class);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setDialogPane(pane);
        dialog.setTitle("Labels");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        vm.refresh();
        dialog.show();
        return dialog;
    }
}

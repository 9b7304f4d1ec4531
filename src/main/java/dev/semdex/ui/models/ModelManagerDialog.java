package dev.semdex.ui.models;

import dev.semdex.ui.common.FxmlLoaderFactory;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/** The model manager window: a table of models and the actions on the selected one. Logic is in the view model. */
public final class ModelManagerDialog {

    private ModelManagerDialog() {}

    /** Shows the dialog and waits until it is closed; a download still going is cancelled then. */
    public static void show(Window owner, ModelsViewModel vm) {
        DialogPane pane = new FxmlLoaderFactory()
                .with(ModelManagerController.class, () -> new ModelManagerController(vm))
                .load("models.fxml", DialogPane.class);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setDialogPane(pane);
        dialog.setTitle("Models");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        dialog.setOnHidden(e -> vm.cancel());
        vm.load();
        dialog.showAndWait();
    }
}

package dev.semdex.ui.folders;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Edits a folder's exclusion patterns, one gitignore line each. */
final class ExclusionsDialog {

    private ExclusionsDialog() {}

    static Optional<String> show(Window owner, FolderItem item) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Exclusions for " + item.path().getFileName());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        TextArea patterns = new TextArea(String.join("\n", item.exclusions()));
        patterns.setId("exclusionsText");
        patterns.setPrefRowCount(8);
        // A prompt loses its line breaks (JavaFX drops them), so the examples are set apart on one line.
        patterns.setPromptText("for example:  *.log    drafts/    build/");
        Label hint = new Label("One pattern per line, as in .gitignore. Files matching them leave the index at the "
                + "next run. .gitignore and .semdexignore files in the folder are honoured too.");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.getStyleClass().addAll("muted", "small");
        dialog.getDialogPane().setContent(new VBox(8, hint, patterns));
        dialog.setResultConverter(b -> b == ButtonType.OK ? patterns.getText() : null);
        return dialog.showAndWait();
    }
}

package dev.semdex.ui.search;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import dev.semdex.ui.common.FolderNames;
import javafx.util.StringConverter;

/**
 * The folder filter shows folders by name ({@link FolderNames}) instead of a path cut at the front, and its help
 * (and so its tooltip) gives the chosen folder's whole path.
 */
public final class FolderFilterBox {

    private FolderFilterBox() {}

    public static void dress(ComboBox<String> box, ObservableList<String> choices) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String folder) {
                return folder == null ? "" : FolderNames.label(folder, choices);
            }

            @Override
            public String fromString(String label) {
                return choices.stream().filter(c -> toString(c).equals(label)).findFirst().orElse(label);
            }
        });
        // Its tooltip shows this help (HelpTips), made once the window is drawn.
        box.accessibleHelpProperty().bind(Bindings.createStringBinding(() -> box.getValue() == null
                || SearchViewModel.ALL_FOLDERS.equals(box.getValue()) ? "Only results from this folder"
                : "Only results from " + box.getValue(), box.valueProperty()));
    }
}

package dev.semdex.ui;

import dev.semdex.search.SearchResult;
import dev.semdex.ui.search.SearchViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * What the model lab adds to the main window (thumbs under each result, the compare window), seen from the
 * product's side. The window knows only this port and the composition root ({@link dev.semdex.Main}) plugs the lab
 * in, so the search window neither imports the lab nor needs it to run.
 */
public interface ModelLab {

    /** A control under a result's score that follows whatever result the cell shows. */
    Node resultControl(ObservableValue<SearchResult> result);

    /** Opens (or brings back) the lab's window with the main window's query. */
    void open();

    /** Builds the lab for one main window, once its view models exist. */
    @FunctionalInterface
    interface Factory {
        /** @param open opens a file with the desktop; blocking */
        ModelLab create(AppServices services, Stage mainStage, SearchViewModel search, Consumer<Path> open);
    }
}

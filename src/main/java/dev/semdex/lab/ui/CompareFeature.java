package dev.semdex.lab.ui;

import dev.semdex.search.SearchResult;
import dev.semdex.ui.AppServices;
import dev.semdex.ui.ModelLab;
import dev.semdex.ui.search.SearchViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.stage.Stage;

/**
 * Model comparison as the main window sees it: the thumbs on its results (judgements for the shown query) and
 * the compare window, opened on demand. Keeps the main window's own code to a few lines.
 */
public final class CompareFeature implements ModelLab {

    private final AppServices services;
    private final Stage mainStage;
    private final SearchViewModel search;
    private final Consumer<Path> open;
    private final CompareBackend backend;
    private final JudgementsViewModel thumbs;
    private CompareWindow window;

    /** @param open opens a file with the desktop; blocking */
    public CompareFeature(AppServices services, Stage mainStage, SearchViewModel search, Consumer<Path> open) {
        this.services = services;
        this.mainStage = mainStage;
        this.search = search;
        this.open = open;
        this.backend = new SemdexCompareBackend(services.semdex());
        this.thumbs = new JudgementsViewModel(backend, services.background());
        thumbs.queryProperty().bind(search.shownQueryProperty());
    }

    /** The judgements the main window's result thumbs show and change. */
    public JudgementsViewModel thumbs() {
        return thumbs;
    }

    @Override
    public Node resultControl(ObservableValue<SearchResult> result) {
        return new ThumbsControl(thumbs).follow(result, SearchResult::path);
    }

    /** Opens (or brings back) the compare window with the main window's query. */
    @Override
    public void open() {
        if (window == null) {
            window = new CompareWindow(mainStage, backend, services.background(), services.indexing(),
                    () -> search.modelProperty().get() == null ? services.settings().defaultModel()
                            : search.modelProperty().get(), open, search::indexChanged);
            // Judgements made in the compare window show up here when the user leaves it.
            window.stage().focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    thumbs.reload();
                }
            });
        }
        window.show(search.queryProperty().get());
    }

    /** The compare window once opened, else null. */
    public CompareWindow window() {
        return window;
    }
}

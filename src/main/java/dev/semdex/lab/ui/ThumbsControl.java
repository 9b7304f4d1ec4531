package dev.semdex.lab.ui;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Thumbs up / down on one result, showing the judgement the file has for the current query. Cells are reused,
 * so the cell tells it which file it shows with {@link #show(String)}.
 */
public final class ThumbsControl extends HBox {

    private static final PseudoClass ON = PseudoClass.getPseudoClass("on");

    private final JudgementsViewModel judgements;
    private final Button up = thumb("thumb-up", "Relevant: this file answers the query (again to clear)");
    private final Button down = thumb("thumb-down", "Not relevant for this query (again to clear)");
    private final MapChangeListener<String, Boolean> onChange = change -> refresh();
    private String path;

    public ThumbsControl(JudgementsViewModel judgements) {
        this.judgements = judgements;
        getStyleClass().add("thumbs");
        getStylesheets().add(ThumbsControl.class.getResource("thumbs.css").toExternalForm());
        setSpacing(2);
        setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(up, down);
        up.setOnAction(e -> toggle(true));
        down.setOnAction(e -> toggle(false));
        judgements.marks().addListener(new WeakMapChangeListener<>(onChange));
        judgements.queryProperty().addListener((obs, old, q) -> refresh());
        refresh();
    }

    /** Judges the file of whatever item a cell shows now (cells are reused for other items). */
    public <T> ThumbsControl follow(ObservableValue<T> item, Function<T, String> pathOf) {
        item.addListener((obs, old, now) -> show(now == null ? null : pathOf.apply(now)));
        show(item.getValue() == null ? null : pathOf.apply(item.getValue()));
        return this;
    }

    /** The file this control judges now; null for an empty cell. */
    public void show(String path) {
        this.path = path;
        refresh();
    }

    private void toggle(boolean relevant) {
        if (path != null) {
            judgements.toggle(path, relevant);
        }
    }

    private void refresh() {
        Boolean mark = path == null ? null : judgements.markOf(path);
        up.pseudoClassStateChanged(ON, Boolean.TRUE.equals(mark));
        down.pseudoClassStateChanged(ON, Boolean.FALSE.equals(mark));
        String q = judgements.queryProperty().get();
        setDisable(path == null || q == null || q.isBlank());
    }

    private static Button thumb(String styleClass, String tip) {
        Region icon = new Region();
        icon.getStyleClass().addAll("thumb-icon", styleClass + "-icon");
        Button b = new Button();
        b.setGraphic(icon);
        b.getStyleClass().addAll("thumb", styleClass, "flat");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    /** Whether the thumb up ({@code true}) or down shows as pressed; for tests. */
    public boolean isOn(boolean relevant) {
        return (relevant ? up : down).getPseudoClassStates().contains(ON);
    }
}

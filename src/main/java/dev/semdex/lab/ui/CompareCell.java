package dev.semdex.lab.ui;

import dev.semdex.ui.search.Highlighter;
import dev.semdex.ui.search.MarkedFlow;
import dev.semdex.ui.search.Passages;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A file in a model's column: rank, name, folder, the passage that matched (cut at its sentence with the most
 * query words, as in the main results), where the other models rank it, score and thumbs. A file that
 * several models rank carries its shared colour; hovering any copy of it highlights all of them.
 */
final class CompareCell extends ListCell<CompareViewModel.Row> {

    private static final PseudoClass LINKED = PseudoClass.getPseudoClass("linked");
    /** Shorter than the main list's excerpt: three columns share the width. */
    private static final int PASSAGE_CHARS = 160;
    /** Rank, swatch, thumbs and the gaps between them. */
    private static final int PASSAGE_INDENT = 130;

    private final CompareViewModel vm;
    private final Label rank = new Label();
    private final Region swatch = new Region();
    private final Label name = new Label();
    private final Label folder = new Label();
    private final Label alsoIn = new Label();
    private final Label score = new Label();
    private final MarkedFlow passage = new MarkedFlow();
    private final ThumbsControl thumbs;
    private final HBox row;
    private final ChangeListener<String> onHover = (obs, old, path) -> highlight();

    CompareCell(CompareViewModel vm) {
        this.vm = vm;
        this.thumbs = new ThumbsControl(vm.judgements());
        rank.getStyleClass().addAll("rank", "muted");
        rank.setMinWidth(22);
        swatch.getStyleClass().add("swatch");
        name.getStyleClass().add("result-name");
        folder.getStyleClass().addAll("muted", "small");
        folder.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        alsoIn.getStyleClass().addAll("also-in", "small");
        score.getStyleClass().addAll("score", "small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox title = new HBox(6, name, alsoIn, spacer, score);
        title.setAlignment(Pos.BASELINE_LEFT);
        passage.getStyleClass().addAll("result-passage", "compare-passage");
        passage.setMinWidth(0);
        // The flow's height depends on its width; tie it to the cell's so the list sizes rows right.
        passage.maxWidthProperty().bind(javafx.beans.binding.Bindings.selectDouble(listViewProperty(), "width")
                .subtract(PASSAGE_INDENT));
        passage.prefWidthProperty().bind(passage.maxWidthProperty());
        VBox text = new VBox(1, title, folder, passage);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(6, rank, swatch, text, thumbs);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("compare-row");
        setPrefWidth(0);
        vm.hoveredPathProperty().addListener(new WeakChangeListener<>(onHover));
        setOnMouseEntered(e -> {
            if (getItem() != null) {
                vm.hoveredPathProperty().set(getItem().path());
            }
        });
        setOnMouseExited(e -> {
            if (getItem() != null && getItem().path().equals(vm.hoveredPathProperty().get())) {
                vm.hoveredPathProperty().set(null);
            }
        });
    }

    @Override
    protected void updateItem(CompareViewModel.Row item, boolean empty) {
        super.updateItem(item, empty);
        row.getStyleClass().removeIf(c -> c.startsWith("shared-"));
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            thumbs.show(null);
            pseudoClassStateChanged(LINKED, false);
            return;
        }
        rank.setText(item.result().rank() + ".");
        name.setText(item.fileName());
        folder.setText(item.folder());
        alsoIn.setText(item.alsoIn().isEmpty() ? "" : "also " + item.alsoIn());
        alsoIn.setVisible(!item.alsoIn().isEmpty());
        score.setText(String.format(Locale.ENGLISH, "%.3f", item.result().score()));
        swatch.setVisible(item.colour() >= 0);
        if (item.colour() >= 0) {
            row.getStyleClass().add("shared-" + item.colour());
        }
        String query = vm.shownQueryProperty().get();
        String chunk = item.result().chunkText() == null ? "" : item.result().chunkText();
        Highlighter.Excerpt excerpt = Highlighter.excerpt(chunk, null, query, PASSAGE_CHARS);
        passage.flow().getChildren().setAll(Passages.texts(excerpt.text(), query, null));
        thumbs.show(item.path());
        setTooltip(new Tooltip(item.path() + (item.result().chunkText() == null ? ""
                : "\n\n" + abbreviate(item.result().chunkText(), 300))));
        setGraphic(row);
        highlight();
    }

    private void highlight() {
        CompareViewModel.Row item = getItem();
        pseudoClassStateChanged(LINKED, item != null && item.path().equals(vm.hoveredPathProperty().get()));
    }

    private static String abbreviate(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}

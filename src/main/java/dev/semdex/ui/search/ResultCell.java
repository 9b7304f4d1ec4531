package dev.semdex.ui.search;

import dev.semdex.search.BestSentence.Span;
import dev.semdex.search.SearchResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A result row: type icon, the file's title, its name and folder, page, score bar, the headings the best passage sits
 * under, the passage with highlights, and the other files holding the same passage.
 */
public final class ResultCell extends ListCell<SearchResult> {

    private static final int EXCERPT_CHARS = 280;

    private final Supplier<String> query;
    private final DoubleSupplier topScore;
    private final Function<Path, String> folderLabel;
    private final Function<Long, Span> bestSentence;
    private final FontIcon icon = new FontIcon();
    private final Label type = new Label();
    private final Label name = new Label();
    private final Label page = new Label();
    private final Label folder = new Label();
    private final Label heading = new Label();
    private final Label alsoIn = new Label();
    private final Tooltip alsoInTip = new Tooltip();
    /** One per cell, text changed per item: a new Tooltip builds a popup window and its CSS, far too slow. */
    private final Tooltip folderTip = new Tooltip();
    private final MarkedFlow passage = new MarkedFlow();
    private final Label score = new Label();
    private final ProgressBar scoreBar = new ProgressBar();
    private final HBox row;
    private final VBox scoreBox;
    private final WeakDivider divider = new WeakDivider();
    private final VBox typeBox;
    private ThumbnailSlot thumbnail;

    /** @param folderLabel how to show the folder of a file (relative to its indexed folder) */
    /** @param bestSentence the best sentence of a chunk's passage, by chunk id; null while not known */
    public ResultCell(ListView<SearchResult> list, Supplier<String> query, DoubleSupplier topScore,
            Function<Path, String> folderLabel, Function<Long, Span> bestSentence) {
        this.bestSentence = bestSentence;
        this.query = query;
        this.topScore = topScore;
        this.folderLabel = folderLabel;
        icon.getStyleClass().add("type-icon");
        type.getStyleClass().add("type-label");
        typeBox = new VBox(1, icon, type);
        typeBox.setAlignment(Pos.TOP_CENTER);
        typeBox.setMinWidth(40);
        typeBox.setPrefWidth(40);
        name.getStyleClass().add("result-name");
        page.getStyleClass().addAll("muted", "small");
        page.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        folder.getStyleClass().addAll("muted", "small");
        folder.setTooltip(folderTip);
        heading.getStyleClass().addAll("result-heading", "small");
        alsoIn.getStyleClass().addAll("muted", "small");
        alsoIn.setTooltip(alsoInTip);
        passage.getStyleClass().add("result-passage");
        score.getStyleClass().addAll("small", "score");
        scoreBar.getStyleClass().add("score-bar");
        scoreBar.setPrefWidth(64);
        scoreBar.setMaxHeight(6);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox title = new HBox(8, name, page, spacer);
        title.setAlignment(Pos.BASELINE_LEFT);
        VBox text = new VBox(2, title, folder, heading, passage, alsoIn);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        scoreBox = new VBox(4, score, scoreBar);
        scoreBox.setAlignment(Pos.TOP_RIGHT);
        scoreBox.setMinWidth(72);
        row = new HBox(10, typeBox, text, scoreBox);
        row.getStyleClass().add("result-row");
        passage.maxWidthProperty().bind(list.widthProperty().subtract(190));
        passage.prefWidthProperty().bind(passage.maxWidthProperty());
        folder.maxWidthProperty().bind(passage.maxWidthProperty());
        heading.maxWidthProperty().bind(passage.maxWidthProperty());
        alsoIn.maxWidthProperty().bind(passage.maxWidthProperty());
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(SearchResult item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        Path path = Path.of(item.path());
        String fileName = path.getFileName().toString();
        name.setText(item.displayTitle());
        FileKind kind = FileKind.of(fileName);
        icon.setIconCode(kind.icon());
        icon.getStyleClass().removeIf(c -> c.startsWith("kind-"));
        icon.getStyleClass().add(kind.styleClass());
        type.setText(FileKind.label(fileName));
        page.setText(item.page() > 0 ? "page " + item.page() : "");
        String where = path.getParent() == null ? "" : folderLabel.apply(path.getParent());
        folder.setText(item.title().isBlank() ? where : where.isEmpty() ? fileName : fileName + "  \u00B7  " + where);
        folderTip.setText(path.toString());
        shown(heading, item.heading());
        shown(alsoIn, item.alsoIn().isEmpty() ? "" : "also in: " + String.join(", ",
                item.alsoIn().stream().map(p -> Path.of(p).getFileName().toString()).toList()));
        alsoInTip.setText(String.join("\n", item.alsoIn()));
        double top = topScore.getAsDouble();
        scoreBar.setProgress(top <= 0 ? 0 : Math.max(0.03, Math.min(1, item.score() / top)));
        score.setText(formatScore(item.score()));
        drawPassage(item);
        if (thumbnail != null) {
            thumbnail.show(item.path(), item.page(), Thumbnails.inList(item.path()));
        }
        setGraphic(divider.around(row, getIndex()));
    }

    /** Shows a label with the text, or takes it out of the layout when there is none. */
    private static void shown(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    /** Draws the "weaker matches" divider above the first result that is not a good match; see WeakDivider. */
    public ResultCell withDivider(java.util.function.IntSupplier goodMatches) {
        divider.goodMatches(goodMatches);
        return this;
    }

    /** Shows an image result's picture in place of its type icon. */
    public ResultCell withThumbnails(Thumbnails<javafx.scene.image.Image> thumbnails) {
        thumbnail = new ThumbnailSlot(thumbnails, Thumbnails.LIST_SIZE).onShown(shown -> {
            icon.setVisible(!shown);
            icon.setManaged(!shown);
            typeBox.setPrefWidth(shown ? Thumbnails.LIST_SIZE : 40);
        });
        typeBox.getChildren().add(0, thumbnail.node());
        return this;
    }

    /** Adds a control under the score that follows the shown result (the lab's thumbs), if there is one. */
    public ResultCell withScoreControl(Function<ObservableValue<SearchResult>, Node> control) {
        if (control != null) {
            scoreBox.getChildren().add(control.apply(itemProperty()));
        }
        return this;
    }

    /** Draws the passage again, e.g. once its best sentence is known; cheaper than rebuilding the cell. */
    public void redrawPassage() {
        SearchResult item = getItem();
        if (item != null && !isEmpty()) {
            drawPassage(item);
        }
    }

    private void drawPassage(SearchResult item) {
        String q = query.get();
        Highlighter.Excerpt excerpt = Highlighter.excerpt(item.chunkText(), bestSentence.apply(item.chunkId()), q,
                EXCERPT_CHARS);
        passage.flow().getChildren().setAll(Passages.texts(excerpt.text(), q, excerpt.best()));
        passage.mark(excerpt.best() == null ? -1 : excerpt.best().start(), excerpt.best() == null ? -1
                : excerpt.best().end());
    }

    static String formatScore(double score) {
        return score >= 10 ? String.format(Locale.ENGLISH, "%.1f", score)
                : score >= 0.1 ? String.format(Locale.ENGLISH, "%.2f", score)
                : String.format(Locale.ENGLISH, "%.3f", score);
    }
}

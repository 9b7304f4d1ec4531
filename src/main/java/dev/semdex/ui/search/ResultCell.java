package dev.semdex.ui.search;

import dev.semdex.search.SearchResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/** A result row: type badge, file name, folder, page, score bar and the best passage with highlights. */
public final class ResultCell extends ListCell<SearchResult> {

    private static final int EXCERPT_CHARS = 280;

    private final Supplier<String> query;
    private final DoubleSupplier topScore;
    private final Function<Path, String> folderLabel;
    private final Label type = new Label();
    private final Label name = new Label();
    private final Label page = new Label();
    private final Label folder = new Label();
    private final TextFlow passage = new TextFlow();
    private final Label score = new Label();
    private final ProgressBar scoreBar = new ProgressBar();
    private final HBox row;
    private final VBox scoreBox;

    /** @param folderLabel how to show the folder of a file (relative to its indexed folder) */
    public ResultCell(ListView<SearchResult> list, Supplier<String> query, DoubleSupplier topScore,
            Function<Path, String> folderLabel) {
        this.query = query;
        this.topScore = topScore;
        this.folderLabel = folderLabel;
        type.getStyleClass().add("type-badge");
        type.setMinWidth(44);
        type.setAlignment(Pos.CENTER);
        name.getStyleClass().add("result-name");
        page.getStyleClass().addAll("muted", "small");
        folder.getStyleClass().addAll("muted", "small");
        passage.getStyleClass().add("result-passage");
        score.getStyleClass().addAll("small", "score");
        scoreBar.getStyleClass().add("score-bar");
        scoreBar.setPrefWidth(64);
        scoreBar.setMaxHeight(6);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox title = new HBox(8, name, page, spacer);
        title.setAlignment(Pos.BASELINE_LEFT);
        VBox text = new VBox(2, title, folder, passage);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        scoreBox = new VBox(4, score, scoreBar);
        scoreBox.setAlignment(Pos.TOP_RIGHT);
        scoreBox.setMinWidth(72);
        row = new HBox(10, type, text, scoreBox);
        row.getStyleClass().add("result-row");
        passage.maxWidthProperty().bind(list.widthProperty().subtract(190));
        passage.prefWidthProperty().bind(passage.maxWidthProperty());
        folder.maxWidthProperty().bind(passage.maxWidthProperty());
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
        name.setText(fileName);
        type.setText(typeOf(fileName));
        page.setText(item.page() > 0 ? "page " + item.page() : "");
        folder.setText(path.getParent() == null ? "" : folderLabel.apply(path.getParent()));
        folder.setTooltip(new javafx.scene.control.Tooltip(path.toString()));
        double top = topScore.getAsDouble();
        scoreBar.setProgress(top <= 0 ? 0 : Math.max(0.03, Math.min(1, item.score() / top)));
        score.setText(formatScore(item.score()));
        String q = query.get();
        passage.getChildren().setAll(Passages.texts(Highlighter.excerpt(item.chunkText(), q, EXCERPT_CHARS), q));
        setGraphic(row);
    }

    /** Adds thumbs up / down under the score: judgements of the file for the shown query. */
    public ResultCell withThumbs(dev.semdex.ui.compare.JudgementsViewModel judgements) {
        if (judgements == null) {
            return this;
        }
        scoreBox.getChildren().add(new dev.semdex.ui.compare.ThumbsControl(judgements)
                .follow(itemProperty(), SearchResult::path));
        return this;
    }

    static String typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1 ? "FILE"
                : fileName.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

    static String formatScore(double score) {
        return score >= 10 ? String.format(Locale.ENGLISH, "%.1f", score)
                : score >= 0.1 ? String.format(Locale.ENGLISH, "%.2f", score)
                : String.format(Locale.ENGLISH, "%.3f", score);
    }
}

package dev.semdex.ui.search;

import dev.semdex.extract.PageWords;
import dev.semdex.search.Passage;
import dev.semdex.ui.common.Cancellable;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The preview's picture of an image result or a scanned PDF page, above the text OCR read from it, so the reader can
 * check the highlighted passage against what the page shows. Takes at most half the preview's height; the text keeps
 * the rest.
 *
 * <p>The passage the text marks is marked on the picture too, once Tesseract has read the picture's word boxes in
 * the background; selecting another result stops that reading. Without Tesseract the picture simply has no marks.
 */
public final class PreviewPicture {

    private static final Color MARK = Color.rgb(255, 212, 0, 0.38);

    private final Thumbnails<Image> thumbnails;
    private final ThumbnailSlot slot;
    private final Label caption = new Label();
    private final Group marks = new Group();
    private final VBox box;
    private Cancellable reading = Cancellable.NONE;
    private String readingKey;
    private PageWords words;
    private String marked = "";

    /** Puts itself into {@code pane} just above {@code text}. */
    public PreviewPicture(Thumbnails<Image> thumbnails, VBox pane, ScrollPane text) {
        this.thumbnails = thumbnails;
        slot = new ThumbnailSlot(thumbnails, Thumbnails.PREVIEW_SIZE);
        slot.node().setId("previewPicture");
        slot.node().fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(80, pane.getWidth() - 28), pane.widthProperty()));
        slot.node().fitHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(80, pane.getHeight() * 0.5), pane.heightProperty()));
        slot.node().boundsInLocalProperty().addListener((obs, old, now) -> drawMarks());
        marks.setId("previewPictureMarks");
        marks.setMouseTransparent(true);
        marks.setManaged(false);
        caption.getStyleClass().addAll("muted", "small");
        box = new VBox(4, new Group(slot.node(), marks), caption);
        slot.onShown(shown -> {
            box.setVisible(shown);
            box.setManaged(shown);
            drawMarks();
        });
        int at = pane.getChildren().indexOf(text);
        pane.getChildren().add(at < 0 ? pane.getChildren().size() : at, box);
    }

    /** Shows the picture the passage was read from, if it came from one; nothing for null. */
    public void show(Passage passage) {
        String key = passage == null || !Thumbnails.inPreview(passage.path(), passage.page()) ? null
                : passage.page() + "\u0000" + passage.path();
        if (!Objects.equals(key, readingKey)) {
            reading.cancel();
            readingKey = key;
            words = null;
            marked = "";
            drawMarks();
            if (key != null) {
                reading = thumbnails.words(passage.path(), passage.page(), read -> {
                    if (Objects.equals(key, readingKey)) {
                        words = read;
                        drawMarks();
                    }
                });
            }
        }
        if (passage == null) {
            slot.show("", 0, false);
            return;
        }
        boolean image = Thumbnails.inList(passage.path());
        caption.setText(image ? "The text below was read from this image with OCR."
                : "Scanned page " + passage.page() + "; the text below was read from it with OCR.");
        slot.show(passage.path(), passage.page(), Thumbnails.inPreview(passage.path(), passage.page()));
    }

    /** Marks {@code text} (the passage, or its best sentence: what the preview's text marks) on the picture. */
    public void mark(String text) {
        marked = text == null ? "" : text;
        drawMarks();
    }

    private void drawMarks() {
        marks.getChildren().clear();
        Bounds shown = slot.node().getBoundsInLocal();
        if (words == null || marked.isBlank() || !slot.node().isVisible() || slot.node().getImage() == null
                || words.width() <= 0 || words.height() <= 0 || shown.getWidth() <= 0) {
            return;
        }
        double sx = shown.getWidth() / words.width();
        double sy = shown.getHeight() / words.height();
        for (PageWords.Word word : words.find(marked)) {
            Rectangle mark = new Rectangle(shown.getMinX() + word.left() * sx - 1, shown.getMinY() + word.top() * sy
                    - 1, word.width() * sx + 2, word.height() * sy + 2);
            mark.setFill(MARK);
            mark.getStyleClass().add("ocr-mark");
            marks.getChildren().add(mark);
        }
    }
}

package dev.semdex.ui.search;

import dev.semdex.search.Passage;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;

/**
 * The preview's picture of an image result or a scanned PDF page, above the text OCR read from it, so the reader can
 * check the highlighted passage against what the page shows. Takes at most half the preview's height; the text keeps
 * the rest.
 */
public final class PreviewPicture {

    private final ThumbnailSlot slot;
    private final Label caption = new Label();
    private final VBox box;

    /** Puts itself into {@code pane} just above {@code text}. */
    public PreviewPicture(Thumbnails<Image> thumbnails, VBox pane, ScrollPane text) {
        slot = new ThumbnailSlot(thumbnails, Thumbnails.PREVIEW_SIZE);
        slot.node().setId("previewPicture");
        slot.node().fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(80, pane.getWidth() - 28), pane.widthProperty()));
        slot.node().fitHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(80, pane.getHeight() * 0.5), pane.heightProperty()));
        caption.getStyleClass().addAll("muted", "small");
        box = new VBox(4, slot.node(), caption);
        slot.onShown(shown -> {
            box.setVisible(shown);
            box.setManaged(shown);
        });
        int at = pane.getChildren().indexOf(text);
        pane.getChildren().add(at < 0 ? pane.getChildren().size() : at, box);
    }

    /** Shows the picture the passage was read from, if it came from one; nothing for null. */
    public void show(Passage passage) {
        if (passage == null) {
            slot.show("", 0, false);
            return;
        }
        boolean image = Thumbnails.inList(passage.path());
        caption.setText(image ? "The text below was read from this image with OCR."
                : "Scanned page " + passage.page() + "; the text below was read from it with OCR.");
        slot.show(passage.path(), passage.page(), Thumbnails.inPreview(passage.path(), passage.page()));
    }
}

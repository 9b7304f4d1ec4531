package dev.semdex.ui.search;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * Where a result's picture shows (a result row, the preview), following the result it is given: a picture that
 * arrives for a result no longer shown (the row was reused while it was made) is dropped.
 */
public final class ThumbnailSlot {

    private final Thumbnails<Image> thumbnails;
    private final int size;
    private final ImageView view = new ImageView();
    private Consumer<Boolean> onShown = shown -> {};
    private Object showing;

    public ThumbnailSlot(Thumbnails<Image> thumbnails, int size) {
        this.thumbnails = thumbnails;
        this.size = size;
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.getStyleClass().add("thumbnail");
        hide();
    }

    /** PNG bytes decoded to a window image (in the background, where {@link Thumbnails} decodes). */
    public static Image decode(byte[] png) {
        return new Image(new ByteArrayInputStream(png));
    }

    public ImageView node() {
        return view;
    }

    /** Told whether a picture is shown, e.g. to hide the type icon it replaces. */
    public ThumbnailSlot onShown(Consumer<Boolean> action) {
        this.onShown = action;
        return this;
    }

    /** Shows the picture of {@code page} of {@code path}, once it is made; nothing when {@code wanted} is false. */
    public void show(String path, int page, boolean wanted) {
        Object token = new Object();
        showing = token;
        hide(); // not the previous result's picture while this one's is made
        if (!wanted) {
            return;
        }
        thumbnails.get(path, page, size, picture -> {
            if (showing != token) {
                return;
            }
            if (picture == null || picture.isError()) {
                hide();
            } else {
                view.setImage(picture);
                view.setVisible(true);
                view.setManaged(true);
                onShown.accept(true);
            }
        });
    }

    public void hide() {
        view.setImage(null);
        view.setVisible(false);
        view.setManaged(false);
        onShown.accept(false);
    }
}

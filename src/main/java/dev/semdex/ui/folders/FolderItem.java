package dev.semdex.ui.folders;

import dev.semdex.ui.Backend.FolderInfo;
import java.nio.file.Path;
import java.time.Instant;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the folders list. */
public final class FolderItem {

    private final long id;
    private final Path path;
    private final LongProperty files = new SimpleLongProperty();
    private final LongProperty skipped = new SimpleLongProperty();
    private final LongProperty chunks = new SimpleLongProperty();
    private final ObjectProperty<Instant> lastIndexed = new SimpleObjectProperty<>();
    private final ObjectProperty<FolderState> state = new SimpleObjectProperty<>(FolderState.NOT_INDEXED);
    private final StringProperty message = new SimpleStringProperty("");
    private java.util.List<String> exclusions = java.util.List.of();

    public FolderItem(FolderInfo info) {
        this.id = info.id();
        this.path = info.path();
        update(info);
        if (info.lastIndexed() != null) {
            state.set(info.skipped() > 0 ? FolderState.WITH_ERRORS : FolderState.UP_TO_DATE);
        }
    }

    void update(FolderInfo info) {
        files.set(info.files());
        skipped.set(info.skipped());
        chunks.set(info.chunks());
        lastIndexed.set(info.lastIndexed());
        exclusions = info.exclusions() == null ? java.util.List.of() : info.exclusions();
    }

    /** The folder's exclusion patterns (gitignore lines). */
    public java.util.List<String> exclusions() {
        return exclusions;
    }

    public long id() {
        return id;
    }

    public Path path() {
        return path;
    }

    public LongProperty filesProperty() {
        return files;
    }

    public LongProperty skippedProperty() {
        return skipped;
    }

    public LongProperty chunksProperty() {
        return chunks;
    }

    public ObjectProperty<Instant> lastIndexedProperty() {
        return lastIndexed;
    }

    public ObjectProperty<FolderState> stateProperty() {
        return state;
    }

    public FolderState state() {
        return state.get();
    }

    public StringProperty messageProperty() {
        return message;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}

package dev.semdex.ui.folders;

import dev.semdex.index.FolderStatus;
import dev.semdex.ui.common.Formats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the folders list: its counts, its state and, while it waits or runs, its own progress — so with several
 * folders queued each row tells where it stands, not only the running one.
 */
public final class FolderItem {

    private final long id;
    private final Path path;
    private final LongProperty files = new SimpleLongProperty();
    private final LongProperty skipped = new SimpleLongProperty();
    private final LongProperty chunks = new SimpleLongProperty();
    private final ObjectProperty<Instant> lastIndexed = new SimpleObjectProperty<>();
    private final ObjectProperty<FolderState> state = new SimpleObjectProperty<>(FolderState.NOT_INDEXED);
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty activity = new SimpleStringProperty("");
    private List<String> exclusions = List.of();
    private Map<String, Long> passagesByModel = Map.of();

    public FolderItem(FolderStatus info) {
        this.id = info.id();
        this.path = info.path();
        update(info);
        if (info.lastIndexed() != null) {
            state.set(info.skipped() > 0 ? FolderState.WITH_ERRORS : FolderState.UP_TO_DATE);
        }
    }

    void update(FolderStatus info) {
        files.set(info.files());
        skipped.set(info.skipped());
        chunks.set(info.chunks());
        lastIndexed.set(info.lastIndexed());
        exclusions = info.exclusions() == null ? List.of() : info.exclusions();
        passagesByModel = info.passagesByModel() == null ? Map.of() : info.passagesByModel();
    }

    /**
     * The passages per model when the index's models cut the folder differently ("bge-small-en-v1.5: 324
     * passages"), one line each, since the row counts only the model that cut the most; empty when they agree.
     */
    public String passagesPerModel() {
        if (passagesByModel.values().stream().distinct().count() < 2) {
            return "";
        }
        StringBuilder out = new StringBuilder("Passages per model:");
        new TreeMap<>(passagesByModel).forEach((model, n) -> out.append('\n').append(model).append(": ")
                .append(Formats.count(n)));
        return out.toString();
    }

    /** The badge: "queued", "indexing 42%", "up to date", "3 skipped", ... */
    public String badge() {
        FolderState s = state.get();
        if (s == FolderState.INDEXING && progress.get() >= 0) {
            return "indexing " + Math.round(progress.get() * 100) + "%";
        }
        if (s == FolderState.WITH_ERRORS) {
            return Formats.count(skipped.get()) + " skipped";
        }
        return s.label();
    }

    /**
     * The line under the name: counts and when it was last indexed (relative to {@code now}, so a clock tick updates
     * "5 min ago"); while waiting or running, what it is doing instead; an error message on a line of its own.
     */
    public String details(Instant now) {
        FolderState s = state.get();
        String line = (s == FolderState.INDEXING || s == FolderState.QUEUED) && !activity.get().isEmpty()
                ? activity.get()
                : Formats.plural(files.get(), "file", "files") + " · " + Formats.plural(chunks.get(), "passage", "passages")
                        + " · " + Formats.ago(lastIndexed.get(), now);
        return message.get().isEmpty() ? line : line + "\n" + message.get();
    }

    /** The folder's exclusion patterns (gitignore lines). */
    public List<String> exclusions() {
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

    /** This folder's own run: -1 while unknown (waiting, scanning), else files done / files found. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** "queued · 2 folders before it", "120 / 400 files · 1:20 left"; empty when idle. */
    public StringProperty activityProperty() {
        return activity;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}

package dev.semdex.ui.models;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.models.InstalledModel;
import dev.semdex.models.ModelListing;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.Formats;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model manager: every model with its state, download with progress and cancel, adding a local folder,
 * removing a model (files, registration and its vectors in the index) and choosing the model for new indexing.
 * One operation runs at a time; the list reloads after each.
 */
public final class ModelsViewModel {

    private final ModelsPort service;
    private final TaskRunner runner;
    private final Consumer<String> onDefaultChosen;
    private final ObservableList<ModelListing.Entry> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelListing.Entry> selected = new SimpleObjectProperty<>();
    private final StringProperty defaultModel = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty downloading = new SimpleBooleanProperty();
    private Cancellable operation = Cancellable.NONE;

    /**
     * @param onDefaultChosen called with the id the user picks for new indexing (the window saves it)
     */
    public ModelsViewModel(ModelsPort service, TaskRunner runner, String currentDefault,
            Consumer<String> onDefaultChosen) {
        this.service = service;
        this.runner = runner;
        this.onDefaultChosen = onDefaultChosen;
        defaultModel.set(currentDefault);
    }

    public void load() {
        runner.submit(service::list, listing -> {
            models.setAll(listing.entries());
            note.set(listing.ollamaNote().orElse(""));
        }, e -> status.set(Errors.message(e)));
    }

    /** Downloads the model from the hub; progress shows per file with speed. */
    public void download(ModelListing.Entry entry) {
        if (busy.get()) {
            return;
        }
        start("Downloading " + entry.name() + "…");
        downloading.set(true);
        long started = System.nanoTime();
        AtomicReference<long[]> latest = new AtomicReference<>();
        AtomicReference<String> file = new AtomicReference<>("");
        AtomicBoolean scheduled = new AtomicBoolean();
        operation = runner.submit(() -> service.download(entry.id(), (f, done, total) -> {
            file.set(f);
            latest.set(new long[] {done, total});
            if (!scheduled.getAndSet(true)) {
                runner.onUi(() -> {
                    scheduled.set(false);
                    showDownload(file.get(), latest.get(), started);
                });
            }
        }), result -> finish("Downloaded " + result.id() + ": " + result.dimension()
                + " dimensions" + warnings(result)), this::failed);
    }

    private void showDownload(String file, long[] doneTotal, long started) {
        if (!downloading.get()) {
            return;
        }
        long done = doneTotal[0];
        long total = doneTotal[1];
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.set(total > 0 ? (double) done / total : -1);
        status.set(String.format(Locale.ROOT, "%s: %s%s · %s MB/s", file, megabytes(done),
                total > 0 ? " of " + megabytes(total) : "", Formats.rate(seconds <= 0 ? 0 : done / 1e6 / seconds)));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Stops a download: the part fetched so far stays as a {@code .part} file and the next download resumes it. */
    public void cancel() {
        if (!busy.get()) {
            return;
        }
        operation.cancel();
        busy.set(false);
        downloading.set(false);
        progress.set(0);
        status.set("Stopped. Download again to resume where it stopped.");
    }

    public void addFolder(Path dir) {
        if (busy.get()) {
            return;
        }
        start("Loading the model in " + dir.getFileName() + "…");
        operation = runner.submit(() -> service.add(dir), result -> finish("Added " + result.id() + " ("
                + result.engine() + ", " + result.dimension() + " dimensions)" + warnings(result)),
                this::failed);
    }

    public void remove(ModelListing.Entry entry) {
        if (busy.get()) {
            return;
        }
        start("Removing " + entry.id() + "…");
        operation = runner.submit(() -> service.remove(entry.id()), removed -> {
            if (removed.id().equals(defaultModel.get())) {
                makeDefault(null);
            }
            finish("Removed " + removed.id() + (removed.filesDeleted() ? "; its files are deleted" : "")
                    + "; " + Formats.count(removed.vectorsDeleted()) + " vectors left the index.");
        }, this::failed);
    }

    /** Uses the model for new indexing; null goes back to the built-in default. */
    public void makeDefault(ModelListing.Entry entry) {
        String id = entry == null ? ModelCatalog.DEFAULT_MODEL : entry.id();
        defaultModel.set(id);
        onDefaultChosen.accept(id);
        status.set(id + " is now used for new indexing.");
    }

    private void start(String message) {
        busy.set(true);
        progress.set(-1);
        status.set(message);
    }

    private void finish(String message) {
        busy.set(false);
        downloading.set(false);
        progress.set(0);
        status.set(message);
        load();
    }

    private void failed(Throwable e) {
        busy.set(false);
        downloading.set(false);
        progress.set(0);
        if (!Errors.isCancellation(e)) {
            status.set(Errors.message(e));
        }
        load();
    }

    private static String warnings(InstalledModel result) {
        return result.warnings().isEmpty() ? "." : ". Note: " + String.join("; ", result.warnings()) + ".";
    }

    public ObservableList<ModelListing.Entry> models() {
        return models;
    }

    /** The model the actions apply to; the view binds it to the table's selection. */
    public ObjectProperty<ModelListing.Entry> selectedProperty() {
        return selected;
    }

    public StringProperty defaultModelProperty() {
        return defaultModel;
    }

    /** About the Ollama server (unreachable, no models), "" when there is nothing to say. */
    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** 0..1 of the current file, -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty downloadingProperty() {
        return downloading;
    }
}

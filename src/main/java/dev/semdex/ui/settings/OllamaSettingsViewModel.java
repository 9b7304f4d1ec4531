package dev.semdex.ui.settings;

import dev.semdex.SemdexException;
import dev.semdex.models.OllamaSetup;
import dev.semdex.settings.Settings;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Ollama part of the settings: server, model and extra headers as typed, a connection check that says what to
 * do next, and a pull of the model onto the server with its progress. Works on the values in the fields, before
 * they are saved, so the user can try an address first.
 */
public final class OllamaSettingsViewModel {

    private final SettingsPort port;
    private final TaskRunner runner;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty headers = new SimpleStringProperty("");
    private final javafx.beans.property.IntegerProperty timeoutSeconds = new javafx.beans.property.SimpleIntegerProperty();
    private final javafx.beans.property.IntegerProperty batchSize = new javafx.beans.property.SimpleIntegerProperty();
    private final javafx.beans.property.IntegerProperty parallel = new javafx.beans.property.SimpleIntegerProperty();
    private final StringProperty checkResult = new SimpleStringProperty("");
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final BooleanProperty checkOk = new SimpleBooleanProperty();
    private final BooleanProperty pullOffered = new SimpleBooleanProperty();
    private final BooleanProperty pulling = new SimpleBooleanProperty();
    private final DoubleProperty pullProgress = new SimpleDoubleProperty(-1);
    private final StringProperty pullStatus = new SimpleStringProperty("");
    private Cancellable pull = Cancellable.NONE;
    private Cancellable check = Cancellable.NONE;

    public OllamaSettingsViewModel(SettingsPort port, TaskRunner runner, Settings settings) {
        this.port = port;
        this.runner = runner;
        url.set(settings.ollamaUrl());
        model.set(settings.ollamaModel());
        timeoutSeconds.set(settings.ollamaTimeoutSeconds());
        batchSize.set(settings.ollamaBatchSize());
        parallel.set(settings.ollamaParallel());
        headers.set(settings.ollamaHeaders().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n")));
    }

    /** The server as the fields describe it; a bad address or header line is a {@link SemdexException}. */
    public OllamaSetup.Server server() {
        return OllamaSetup.Server.parse(url.get(), headers.get(), timeoutSeconds.get(), batchSize.get(),
                parallel.get());
    }

    /** Settings with the fields applied. */
    public Settings applyTo(Settings settings) {
        OllamaSetup.Server server = server();
        return settings.withOllama(server.url(), model.get().strip(), server.headers())
                .withOllamaLimits(timeoutSeconds.get(), batchSize.get(), parallel.get());
    }

    public void check() {
        check.cancel();
        OllamaSetup.Server server;
        try {
            server = server();
        } catch (SemdexException e) {
            checkResult.set(e.getMessage());
            checkOk.set(false);
            return;
        }
        String name = model.get();
        checking.set(true);
        checkResult.set("Checking " + server.url() + "…");
        check = runner.submit(() -> port.checkOllama(server, name), result -> {
            checking.set(false);
            checkOk.set(result.ok());
            checkResult.set(result.description());
            pullOffered.set(result.pullOffered());
        }, error -> {
            checking.set(false);
            checkOk.set(false);
            checkResult.set(Errors.message(error));
        });
    }

    /** Pulls the model onto the server, streaming its progress; a check follows when it is done. */
    public void pull() {
        OllamaSetup.Server server;
        try {
            server = server();
        } catch (SemdexException e) {
            pullStatus.set(e.getMessage());
            return;
        }
        String name = model.get().strip();
        pulling.set(true);
        pullProgress.set(-1);
        pullStatus.set("Asking " + server.url() + " to pull " + name + "…");
        pull = runner.submit(() -> {
            port.pullOllamaModel(server, name, p -> runner.onUi(() -> showPull(p)));
            return null;
        }, ok -> {
            pulling.set(false);
            pullOffered.set(false);
            pullProgress.set(1);
            pullStatus.set("Pulled " + name + ".");
            check();
        }, error -> {
            pulling.set(false);
            pullStatus.set(Errors.isCancellation(error) ? "Pull stopped; the server keeps what it fetched and "
                    + "resumes next time." : Errors.message(error));
        });
    }

    private void showPull(OllamaSetup.PullProgress p) {
        if (!pulling.get()) {
            return;
        }
        if (p.total() > 0) {
            pullProgress.set((double) p.completed() / p.total());
            pullStatus.set(String.format(Locale.ROOT, "%s: %,d of %,d MB", p.status(), p.completed() / 1_000_000,
                    p.total() / 1_000_000));
        } else {
            pullProgress.set(-1);
            pullStatus.set(p.status());
        }
    }

    public void cancelPull() {
        pull.cancel();
        if (pulling.get()) {
            pulling.set(false);
            pullStatus.set("Pull stopped; the server keeps what it fetched and resumes next time.");
        }
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty headersProperty() {
        return headers;
    }

    public javafx.beans.property.IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public javafx.beans.property.IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public javafx.beans.property.IntegerProperty parallelProperty() {
        return parallel;
    }

    public StringProperty checkResultProperty() {
        return checkResult;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    public BooleanProperty checkOkProperty() {
        return checkOk;
    }

    /** True after a check found the server but not the model: the Pull button shows. */
    public BooleanProperty pullOfferedProperty() {
        return pullOffered;
    }

    public BooleanProperty pullingProperty() {
        return pulling;
    }

    /** 0..1, or -1 while the size is unknown. */
    public DoubleProperty pullProgressProperty() {
        return pullProgress;
    }

    public StringProperty pullStatusProperty() {
        return pullStatus;
    }
}

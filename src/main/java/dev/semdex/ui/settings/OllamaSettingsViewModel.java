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
    private final javafx.collections.ObservableList<ServerEntry> otherServers =
            javafx.collections.FXCollections.observableArrayList();
    private final StringProperty newServer = new SimpleStringProperty("");
    private final StringProperty serversMessage = new SimpleStringProperty("");
    private final java.util.List<Cancellable> serverChecks = new java.util.ArrayList<>();

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
        settings.ollamaUrls().stream().skip(1).map(ServerEntry::new).forEach(otherServers::add);
    }

    /** The server as the fields describe it; a bad address or header line is a {@link SemdexException}. */
    public OllamaSetup.Server server() {
        return OllamaSetup.Server.parse(url.get(), headers.get(), timeoutSeconds.get(), batchSize.get(),
                parallel.get());
    }

    /** Settings with the fields applied. */
    public Settings applyTo(Settings settings) {
        OllamaSetup.Server server = server();
        java.util.List<String> urls = new java.util.ArrayList<>(java.util.List.of(server.url()));
        otherServers.forEach(s -> urls.add(s.url()));
        return settings.withOllama(server.url(), model.get().strip(), server.headers())
                .withOllamaLimits(timeoutSeconds.get(), batchSize.get(), parallel.get())
                .withOllamaServers(urls);
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

    /**
     * One more server to spread the embedding over, besides the first: it must serve the same model, which
     * {@link #checkServers()} verifies. Same headers and limits as the first.
     */
    public static final class ServerEntry {
        private final String url;
        private final StringProperty status = new SimpleStringProperty("not checked");
        private final BooleanProperty ok = new SimpleBooleanProperty();

        ServerEntry(String url) {
            this.url = url;
        }

        public String url() {
            return url;
        }

        /** One line: reachable and serving the model (with its dimension), or what is wrong. */
        public StringProperty statusProperty() {
            return status;
        }

        public BooleanProperty okProperty() {
            return ok;
        }

        @Override
        public String toString() {
            return url + " — " + status.get();
        }
    }

    /** Adds the address in the new-server field to the servers; a bad or repeated address is refused, saying why. */
    public void addServer() {
        String typed = newServer.get() == null ? "" : newServer.get().strip();
        if (typed.isEmpty()) {
            serversMessage.set("Type a server address, such as http://gpu-box:11434, then Add.");
            return;
        }
        String normalized;
        try {
            normalized = OllamaSetup.Server.parse(typed, "", 1, 1, 1).url();
        } catch (SemdexException e) {
            serversMessage.set(e.getMessage());
            return;
        }
        String first;
        try {
            first = server().url();
        } catch (SemdexException e) {
            first = url.get();
        }
        if (normalized.equals(first) || otherServers.stream().anyMatch(s -> s.url().equals(normalized))) {
            serversMessage.set(normalized + " is already in the list.");
            return;
        }
        otherServers.add(new ServerEntry(normalized));
        newServer.set("");
        serversMessage.set("Added " + normalized + "; Check servers verifies it serves " + (model.get().isBlank()
                ? "the model" : model.get().strip()) + ".");
    }

    public void removeServer(ServerEntry entry) {
        if (entry != null && otherServers.remove(entry)) {
            serversMessage.set("Removed " + entry.url() + ".");
        }
    }

    /**
     * Checks the first server (as Check connection does) and each other one: reachable, serving the model, and with
     * the first one's dimension, since all servers' vectors go into one index.
     */
    public void checkServers() {
        serverChecks.forEach(Cancellable::cancel);
        serverChecks.clear();
        check();
        OllamaSetup.Server first;
        try {
            first = server();
        } catch (SemdexException e) {
            serversMessage.set(e.getMessage());
            return;
        }
        String name = model.get();
        OllamaSetup.Server[] firstServer = {first};
        Integer[] firstDimension = {null};
        java.util.List<ServerEntry> entries = java.util.List.copyOf(otherServers);
        serversMessage.set(entries.isEmpty() ? "Only one server: add others to spread the work over them."
                : "Checking " + (entries.size() + 1) + " servers…");
        serverChecks.add(runner.submit(() -> port.checkOllama(firstServer[0], name), result -> {
            firstDimension[0] = result.ok() ? dimension(result.description()) : null;
            for (ServerEntry entry : entries) {
                entry.status.set("checking…");
                OllamaSetup.Server other = new OllamaSetup.Server(entry.url(), first.headers(),
                        first.timeoutSeconds(), first.batchSize(), first.parallel());
                serverChecks.add(runner.submit(() -> port.checkOllama(other, name),
                        found -> showServer(entry, found, firstDimension[0]),
                        error -> showServer(entry, new OllamaSetup.Check(false, Errors.message(error), false), null)));
            }
        }, error -> serversMessage.set(Errors.message(error))));
    }

    private void showServer(ServerEntry entry, OllamaSetup.Check found, Integer firstDimension) {
        Integer dimension = found.ok() ? dimension(found.description()) : null;
        if (found.ok() && firstDimension != null && !firstDimension.equals(dimension)) {
            entry.ok.set(false);
            entry.status.set("serves another model (dimension " + dimension + ", the first server's is "
                    + firstDimension + ")");
        } else if (found.ok()) {
            entry.ok.set(true);
            entry.status.set("ready" + (dimension == null ? "" : ", dimension " + dimension));
        } else {
            entry.ok.set(false);
            entry.status.set(line(found.description(), "Next step: "));
        }
        long ready = otherServers.stream().filter(s -> s.ok.get()).count();
        serversMessage.set(ready + " of " + otherServers.size() + " other server" + (otherServers.size() == 1 ? "" : "s")
                + " ready.");
        // the list shows toString: replacing the entry by itself redraws its row
        int at = otherServers.indexOf(entry);
        if (at >= 0) {
            otherServers.set(at, entry);
        }
    }

    private static Integer dimension(String description) {
        String value = line(description, "Dimension: ");
        try {
            return value.isEmpty() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The rest of the description's line that starts with {@code prefix}; the first line if none does. */
    private static String line(String description, String prefix) {
        String[] lines = description.split("\\R");
        for (String l : lines) {
            if (l.startsWith(prefix)) {
                return l.substring(prefix.length());
            }
        }
        return prefix.startsWith("Dimension") ? "" : lines[0];
    }

    public javafx.collections.ObservableList<ServerEntry> otherServers() {
        return otherServers;
    }

    public StringProperty newServerProperty() {
        return newServer;
    }

    public StringProperty serversMessageProperty() {
        return serversMessage;
    }
}

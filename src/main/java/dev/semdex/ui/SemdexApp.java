package dev.semdex.ui;

import dev.semdex.settings.AppDirs;
import dev.semdex.ui.common.Errors;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. Settings and the index open off the UI thread, beside the toolkit's start, and {@link #init()}
 * (on the launcher thread) waits for them, so the UI thread never waits for the disk; models load in the background
 * after the window shows.
 */
public final class SemdexApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SemdexApp.class);

    /** JavaFX makes the Application itself, so what the composition root plugs in waits here until it does. */
    private static volatile ModelLab.Factory labFactory;
    /** Settings and the index, opening while JavaFX starts its toolkit (null when JavaFX was started otherwise). */
    private static volatile CompletableFuture<AppServices> opening;
    /**
     * When this JVM started, read beside the toolkit's start: the management classes that know it take tens of
     * milliseconds to load, which the UI thread should not spend before it says the window is ready.
     */
    private static volatile long jvmStartNanos = Long.MIN_VALUE;

    private AppServices services;
    private Throwable startupError;

    /**
     * Starts the GUI and returns when its window is closed. {@code dataDir} may be null (the OS's usual places);
     * {@code lab} builds the model lab's part of the main window.
     */
    public static void launchApp(Path dataDir, ModelLab.Factory lab) {
        labFactory = lab;
        // Reading settings and opening the index need no toolkit, so they run beside its start rather than after it.
        CompletableFuture<AppServices> services = new CompletableFuture<>();
        opening = services;
        Thread opener = new Thread(() -> {
            try {
                services.complete(AppServices.open(dataDir == null ? AppDirs.forThisUser()
                        : AppDirs.under(dataDir.toAbsolutePath())));
            } catch (RuntimeException | Error e) {
                // Handed to init(), which would otherwise wait for ever.
                services.completeExceptionally(e);
            }
            // Long before the window is drawn. Uptime counts from the JVM's start (getStartTime, from the end of its
            // initialisation, would be 0.2 s short).
            jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        }, "semdex-open");
        opener.setDaemon(true);
        opener.start();
        if (dataDir == null) {
            Application.launch(SemdexApp.class);
        } else {
            Application.launch(SemdexApp.class, "--data-dir=" + dataDir.toAbsolutePath());
        }
    }

    @Override
    public void init() {
        String dataDir = getParameters().getNamed().get("data-dir");
        CompletableFuture<AppServices> opened = opening;
        opening = null;
        try {
            services = opened != null ? join(opened)
                    : AppServices.open(dataDir == null ? AppDirs.forThisUser() : AppDirs.under(Path.of(dataDir)));
        } catch (RuntimeException e) {
            LOG.error("Semdex cannot start", e);
            startupError = e;
        }
    }

    private static AppServices join(CompletableFuture<AppServices> opened) {
        try {
            return opened.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (startupError != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, Errors.message(startupError));
            alert.setTitle("Semdex");
            alert.setHeaderText("Semdex cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        // Once the first frame is drawn: the moment a user sees the window and can type. Logged to measure start-up.
        MainWindow.show(services, stage, labFactory).whenDrawn(() -> LOG.info("Window ready {} ms after the JVM "
                + "started", jvmStartNanos != Long.MIN_VALUE ? (System.nanoTime() - jvmStartNanos) / 1_000_000L
                        : ManagementFactory.getRuntimeMXBean().getUptime()));
    }

    @Override
    public void stop() {
        if (services != null) {
            services.saveSettingsNow();
            services.close();
        }
    }
}

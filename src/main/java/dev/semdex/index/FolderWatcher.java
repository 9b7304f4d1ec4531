package dev.semdex.index;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices changes (files created, modified, deleted or renamed) in indexed folders while the app runs, so the
 * incremental indexer can bring them up to date. Each registered folder tree is watched with the OS's
 * {@link WatchService}; a tree that cannot be watched (too many folders for inotify, a network drive) is polled
 * instead. Events are debounced per folder: the callback runs once the folder has been quiet for the debounce
 * time, with the registered root folder, on the watcher's own thread.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    private static final long TICK_MILLIS = 100;

    private final Consumer<Path> onChanged;
    private final long debounceMillis;
    private final long pollMillis;
    private final WatchService watchService;
    private final Map<WatchKey, Path> keyRoots = new ConcurrentHashMap<>();
    private final Map<Path, Long> polledSignatures = new ConcurrentHashMap<>();
    private final Map<Path, Long> dirtySince = new ConcurrentHashMap<>();
    private final Set<Path> roots = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;
    private long lastPoll = System.currentTimeMillis();

    /** Watches with a 1 s debounce and a 30 s polling interval for trees that cannot be watched. */
    public FolderWatcher(Consumer<Path> onChanged) {
        this(onChanged, Duration.ofSeconds(1), Duration.ofSeconds(30), false);
    }

    /** @param pollOnly poll every tree instead of using the WatchService (for tests and odd file systems) */
    public FolderWatcher(Consumer<Path> onChanged, Duration debounce, Duration pollInterval, boolean pollOnly) {
        this.onChanged = onChanged;
        this.debounceMillis = debounce.toMillis();
        this.pollMillis = pollInterval.toMillis();
        this.watchService = pollOnly ? null : newWatchService();
        this.thread = new Thread(this::loop, "semdex-folder-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private static WatchService newWatchService() {
        try {
            return FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("No file system watching here ({}); polling instead.", e.getMessage());
            return null;
        }
    }

    /** Starts watching a folder tree; calling it again for the same folder does nothing. */
    public void watch(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (closed || !roots.add(root)) {
            return;
        }
        if (watchService == null || !registerTree(root, root)) {
            unregister(root);
            polledSignatures.put(root, signature(root));
        }
    }

    public void unwatch(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        roots.remove(root);
        unregister(root);
        polledSignatures.remove(root);
        dirtySince.remove(root);
    }

    /** True when the folder is polled rather than watched by the OS. */
    public boolean isPolled(Path folder) {
        return polledSignatures.containsKey(folder.toAbsolutePath().normalize());
    }

    private void unregister(Path root) {
        keyRoots.entrySet().removeIf(e -> {
            if (e.getValue().equals(root)) {
                e.getKey().cancel();
                return true;
            }
            return false;
        });
    }

    private boolean registerTree(Path root, Path start) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && isHidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    keyRoots.put(dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), root);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.info("Cannot watch {} ({}); polling it instead.", root, e.getMessage());
            return false;
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private void loop() {
        while (!closed) {
            try {
                if (watchService != null) {
                    WatchKey key = watchService.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                    if (key != null) {
                        handle(key);
                    }
                } else {
                    Thread.sleep(TICK_MILLIS);
                }
                pollIfDue();
                fireQuietFolders();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Folder watching failed once; it goes on.", e);
            }
        }
    }

    private void handle(WatchKey key) {
        Path root = keyRoots.get(key);
        Path dir = (Path) key.watchable();
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (isHidden(child)) {
                continue;
            }
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && root != null
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(root, child);
            }
        }
        if (!key.reset()) {
            keyRoots.remove(key);
        }
        if (relevant && root != null && roots.contains(root)) {
            dirtySince.put(root, System.currentTimeMillis());
        }
    }

    private void pollIfDue() {
        long now = System.currentTimeMillis();
        if (polledSignatures.isEmpty() || now - lastPoll < pollMillis) {
            return;
        }
        lastPoll = now;
        for (Map.Entry<Path, Long> e : new HashMap<>(polledSignatures).entrySet()) {
            long current = signature(e.getKey());
            if (current != e.getValue()) {
                polledSignatures.put(e.getKey(), current);
                dirtySince.put(e.getKey(), now - debounceMillis);
            }
        }
    }

    private void fireQuietFolders() {
        long now = System.currentTimeMillis();
        for (Map.Entry<Path, Long> e : new HashMap<>(dirtySince).entrySet()) {
            if (now - e.getValue() >= debounceMillis && dirtySince.remove(e.getKey(), e.getValue())) {
                try {
                    onChanged.accept(e.getKey());
                } catch (RuntimeException ex) {
                    LOG.warn("Change handler failed for {}", e.getKey(), ex);
                }
            }
        }
    }

    /** A cheap fingerprint of a tree: names, sizes and times of its files (not their contents). */
    static long signature(Path root) {
        long[] sig = {17};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    sig[0] += (file.toString().hashCode() * 31L + attrs.size()) * 31 + attrs.lastModifiedTime().toMillis();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return sig[0];
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service failed", e);
            }
        }
    }
}

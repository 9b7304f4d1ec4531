package dev.semdex.ui.search;

import dev.semdex.extract.PageThumbnails;
import dev.semdex.extract.PageWords;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The pictures of results read with OCR (images, scanned PDF pages), made off the UI thread through the search port
 * and kept: scrolling back up the list, or selecting a result again, shows its picture at once. Requests for the same
 * picture while it is being made share the one job. A file that has no picture, or cannot be read, is remembered as
 * such, so it is not asked for again and again while the list scrolls.
 *
 * <p>Used on the UI thread only; the pictures are decoded in the background by {@code decode}.
 *
 * @param <I> the decoded picture (a JavaFX {@code Image} in the window; the PNG bytes in tests)
 */
public final class Thumbnails<I> {

    /** Longer side of a picture in the result list. */
    public static final int LIST_SIZE = 64;
    /** Longer side of a picture in the preview. */
    public static final int PREVIEW_SIZE = 720;
    private static final int KEPT = 300;

    private final SearchPort port;
    private final TaskRunner runner;
    private final Function<byte[], I> decode;
    private final Map<Key, Holder<I>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Holder<I>> eldest) {
            return size() > KEPT;
        }
    };
    private final Map<Key, List<Consumer<I>>> pending = new HashMap<>();
    private final Map<Key, Holder<PageWords>> words = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Holder<PageWords>> eldest) {
            return size() > KEPT;
        }
    };
    private int jobs;

    public Thumbnails(SearchPort port, TaskRunner runner, Function<byte[], I> decode) {
        this.port = port;
        this.runner = runner;
        this.decode = decode;
    }

    private record Key(String path, int page, int size) {}

    /** A made picture, or none (a null picture): both are worth remembering. */
    private record Holder<I>(I picture) {}

    /** Whether a result row shows a picture: for image files; a PDF's pages are told apart only in the preview. */
    public static boolean inList(String path) {
        return PageThumbnails.isImage(fileName(path));
    }

    /** Whether the preview asks for a picture: images, and PDF pages (shown only when the page is a scan). */
    public static boolean inPreview(String path, int page) {
        String name = fileName(path).toLowerCase(java.util.Locale.ROOT);
        return PageThumbnails.isImage(name) || name.endsWith(".pdf") && page > 0;
    }

    /**
     * Hands the picture of {@code page} of {@code path} to {@code then} on the UI thread: at once when it is kept,
     * else once made; null when there is none.
     */
    public void get(String path, int page, int size, Consumer<I> then) {
        Key key = new Key(path, page, size);
        Holder<I> kept = cache.get(key);
        if (kept != null) {
            then.accept(kept.picture());
            return;
        }
        List<Consumer<I>> waiting = pending.get(key);
        if (waiting != null) {
            waiting.add(then);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(then);
        pending.put(key, waiting);
        jobs++;
        runner.submit(() -> {
            byte[] png = port.thumbnail(Path.of(path), page, size);
            return new Holder<>(png == null ? null : decode.apply(png));
        }, made -> done(key, made), error -> done(key, new Holder<>(null)));
    }

    /**
     * Hands the words OCR reads on the picture of {@code page} of {@code path}, with their boxes, to {@code then} on
     * the UI thread (null when there are none to be had, e.g. without Tesseract); kept like the pictures. The
     * returned handle stops the reading, e.g. when another result is selected.
     */
    public Cancellable words(String path, int page, Consumer<PageWords> then) {
        Key key = new Key(path, page, 0);
        Holder<PageWords> kept = words.get(key);
        if (kept != null) {
            then.accept(kept.picture());
            return Cancellable.NONE;
        }
        return runner.submit(() -> new Holder<>(port.pictureWords(Path.of(path), page)), read -> {
            words.put(key, read);
            then.accept(read.picture());
        }, error -> then.accept(null));
    }

    private void done(Key key, Holder<I> made) {
        cache.put(key, made);
        List<Consumer<I>> waiting = pending.remove(key);
        if (waiting != null) {
            waiting.forEach(c -> c.accept(made.picture()));
        }
    }

    /** Pictures asked of the port so far (a kept one costs no job). */
    int jobs() {
        return jobs;
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}

package dev.semdex.embed.ollama;

import dev.semdex.SemdexException;
import dev.semdex.chunk.PassageContext;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.ServerUnavailableException;
import dev.semdex.embed.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds on several Ollama servers serving the same model, for users who outgrew one GPU box. Each call is cut into
 * batches that every server's request slots ({@link OllamaConfig#concurrency()} per server) take as they become
 * free, so a faster server simply takes more. A server that cannot be reached is set aside with a growing back-off
 * and the batch it held goes back to the others; each batch's vectors are taken from exactly one answer, so nothing
 * is lost or stored twice. Only when no server is left does a call fail, as unreachable, which lets an indexing run
 * wait for them ({@link dev.semdex.embed.WaitingEmbedder}).
 *
 * <p>Vectors of one index must come from one model, so every server is checked when it joins: the same dimension,
 * and the same vector for a probe text. A server that differs is refused (at the start, the whole embedder is).
 */
public final class MultiServerEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(MultiServerEmbedder.class);
    static final String PROBE = "Semdex checks that every server serves the same model.";
    /**
     * Same weights give the same vector up to rounding, whatever the hardware; another quantisation or model of the
     * same name does not come this close.
     */
    static final double SAME_MODEL_COSINE = 0.9999;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** How often an idle request slot looks for work that another slot handed back. */
    private static final long POLL_MILLIS = 20;

    private final List<FleetServer> servers;
    private final ModelSpec base;
    private final TextTokenizer tokenizer;
    private final String tokenizerFamily;
    private final boolean ownsTokenizer;
    private final ModelSpec spec;
    /** What one passage may hold on every server: a chunk and its title, as one server alone would take them. */
    private final int passageTokens;
    private final float[] probe;
    private final ExecutorService slots;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    private MultiServerEmbedder(List<FleetServer> servers, ModelSpec base, TextTokenizer tokenizer,
            String tokenizerFamily, boolean ownsTokenizer, OllamaEmbedder reference) {
        this.servers = servers;
        this.base = base;
        this.tokenizer = tokenizer;
        this.tokenizerFamily = tokenizerFamily;
        this.ownsTokenizer = ownsTokenizer;
        this.spec = reference.model().withId(base.id());
        this.passageTokens = Math.min(reference.maxPassageTokens(), spec.chunkTokens() + PassageContext.TITLE_TOKENS);
        this.probe = reference.embedVerbatim(PROBE);
        AtomicInteger n = new AtomicInteger();
        this.slots = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ollama-fleet-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to every server that answers and checks that they serve the same model; servers that do not answer
     * now are tried again later. {@code base} carries the id the vectors are stored under.
     *
     * @param tokenizer    shared by every server's embedder; with {@code ownTokenizer} closed with this embedder
     * @throws ServerUnavailableException when no server answers
     * @throws SemdexException            when a server lacks the model or serves another one
     */
    public static MultiServerEmbedder open(List<OllamaConfig> configs, ModelSpec base, TextTokenizer tokenizer,
            String tokenizerFamily, boolean ownTokenizer) {
        List<FleetServer> servers = configs.stream().map(c -> new FleetServer(c, FIRST_BACKOFF, MAX_BACKOFF)).toList();
        MultiServerEmbedder fleet = null;
        ServerUnavailableException firstDown = null;
        try {
            for (FleetServer server : servers) {
                OllamaEmbedder opened;
                try {
                    opened = OllamaEmbedder.open(server.config(), base, tokenizer, tokenizerFamily, false);
                } catch (ServerUnavailableException e) {
                    server.setAside(e.getMessage());
                    LOG.warn("Ollama server {} does not answer; the others embed until it does: {}", server.url(),
                            e.getMessage());
                    firstDown = firstDown == null ? e : firstDown;
                    continue;
                }
                if (fleet == null) {
                    server.connected(opened);
                    fleet = new MultiServerEmbedder(servers, base, tokenizer, tokenizerFamily, ownTokenizer, opened);
                } else {
                    String difference = fleet.differenceFrom(opened);
                    if (difference != null) {
                        opened.close();
                        throw new SemdexException(difference);
                    }
                    server.connected(opened);
                }
            }
        } catch (RuntimeException e) {
            servers.forEach(s -> closeQuietly(s.embedder()));
            if (ownTokenizer) {
                OllamaEmbedder.closeQuietly(tokenizer);
            }
            throw e;
        }
        if (fleet == null) {
            if (ownTokenizer) {
                OllamaEmbedder.closeQuietly(tokenizer);
            }
            throw new ServerUnavailableException("None of the " + servers.size() + " Ollama servers answers. First: "
                    + firstDown.getMessage(), firstDown.server(), firstDown);
        }
        return fleet;
    }

    /** Why a server's model differs from the first server's, or null when it is the same model. */
    private String differenceFrom(OllamaEmbedder other) {
        String name = dev.semdex.embed.OllamaModels.modelName(base.id());
        String first = servers.stream().filter(s -> s.embedder() != null).findFirst().map(FleetServer::url)
                .orElse("?");
        if (other.dimension() != spec.dimension()) {
            return "The Ollama servers " + first + " and " + other.config().baseUrl() + " serve different models as '"
                    + name + "' (" + spec.dimension() + " and " + other.dimension() + " dimensions). One index needs "
                    + "one model: pull the same model and tag on every server, or drop one from the list.";
        }
        if (other.maxPassageTokens() < passageTokens) {
            return "The Ollama server " + other.config().baseUrl() + " runs '" + name + "' with a context too small "
                    + "for the chunks the others take (" + other.maxPassageTokens() + " tokens). Give every server the "
                    + "same model and context.";
        }
        double cosine = Vectors.dot(probe, other.embedVerbatim(PROBE));
        if (cosine < SAME_MODEL_COSINE) {
            return String.format(Locale.ROOT, "The Ollama servers %s and %s serve different models as '%s' (their "
                    + "vectors for the same text differ: cosine %.4f). One index needs one model: pull the same "
                    + "model, tag and quantisation on every server, or drop one from the list.", first,
                    other.config().baseUrl(), name, cosine);
        }
        return null;
    }

    @Override
    public ModelSpec model() {
        return spec;
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public int maxPassageTokens() {
        return passageTokens;
    }

    /** A full batch for every request slot of every server that is not refused. */
    @Override
    public int passagesPerCall() {
        return servers.stream().filter(s -> !s.dropped())
                .mapToInt(s -> s.config().batchSize() * s.config().concurrency()).sum();
    }

    /** The servers' base URLs, in the order given. */
    public List<String> servers() {
        return servers.stream().map(FleetServer::url).toList();
    }

    /** Tries the servers in turn: a query must be answered now, by whichever server can. */
    @Override
    public float[] embedQuery(String query) {
        ServerUnavailableException last = null;
        for (FleetServer server : usableFirst()) {
            OllamaEmbedder embedder = connect(server);
            if (embedder == null) {
                continue;
            }
            try {
                float[] v = embedder.embedQuery(query);
                server.answered();
                return v;
            } catch (ServerUnavailableException e) {
                setAside(server, e);
                last = e;
            }
        }
        throw last != null ? last : noServerLeft();
    }

    private List<FleetServer> usableFirst() {
        List<FleetServer> order = new ArrayList<>(servers.stream().filter(s -> !s.aside()).toList());
        servers.stream().filter(s -> s.aside() && !s.dropped()).forEach(order::add);
        return order;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        if (servers.stream().allMatch(FleetServer::aside)) {
            // the caller waited before calling again (WaitingEmbedder): every server deserves a try now
            servers.stream().filter(s -> !s.dropped()).forEach(FleetServer::tryNow);
        }
        Run run = new Run(passages);
        List<Future<?>> running = new ArrayList<>();
        for (FleetServer server : servers) {
            if (server.dropped()) {
                continue;
            }
            for (int i = 0; i < server.config().concurrency(); i++) {
                running.add(slots.submit(() -> run.serve(server)));
            }
        }
        try {
            run.await();
        } finally {
            running.forEach(f -> f.cancel(true));
        }
        return java.util.Arrays.asList(run.out);
    }

    /** One {@link #embedPassages} call: its batches, their vectors, and how it ends. */
    private final class Run {

        private final float[][] out;
        private final LinkedBlockingDeque<int[]> pending = new LinkedBlockingDeque<>();
        private final List<String> passages;
        private final CountDownLatch left;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        Run(List<String> passages) {
            this.passages = passages;
            this.out = new float[passages.size()][];
            int batch = servers.get(0).config().batchSize();
            for (int from = 0; from < passages.size(); from += batch) {
                pending.add(new int[] {from, Math.min(passages.size(), from + batch)});
            }
            this.left = new CountDownLatch(pending.size());
        }

        boolean finished() {
            return left.getCount() == 0 || failure.get() != null;
        }

        /** One request slot of one server: takes batches until the call is done or the server is set aside. */
        Object serve(FleetServer server) throws InterruptedException {
            while (!finished() && !Thread.currentThread().isInterrupted()) {
                long wait = server.nanosUntilTry();
                if (server.dropped()) {
                    return null;
                }
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
                    continue;
                }
                OllamaEmbedder embedder = connect(server);
                if (embedder == null) {
                    failIfNoServerLeft();
                    continue;
                }
                int[] batch = pending.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue;
                }
                try {
                    List<float[]> vectors = embedder.embedPassagesWithoutWaiting(passages.subList(batch[0], batch[1]));
                    for (int i = 0; i < vectors.size(); i++) {
                        out[batch[0] + i] = vectors.get(i);
                    }
                    if (server.answered()) {
                        LOG.info("Ollama server {} answers again and takes its share", server.url());
                    }
                    left.countDown();
                } catch (ServerUnavailableException e) {
                    pending.addFirst(batch);
                    setAside(server, e);
                    failIfNoServerLeft();
                } catch (CancellationException e) {
                    pending.addFirst(batch);
                    return null;
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
            return null;
        }

        private void failIfNoServerLeft() {
            if (servers.stream().allMatch(FleetServer::aside)) {
                failure.compareAndSet(null, noServerLeft());
            }
        }

        void await() {
            try {
                while (!finished()) {
                    left.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Embedding cancelled");
            }
            if (left.getCount() > 0) {
                throw failure.get();
            }
        }
    }

    /** The server's embedder, connecting first if it did not answer before; null when it still does not. */
    private OllamaEmbedder connect(FleetServer server) {
        OllamaEmbedder embedder = server.embedder();
        if (embedder != null) {
            return embedder;
        }
        synchronized (server) {
            if (server.embedder() != null || server.aside()) {
                return server.embedder();
            }
            try {
                OllamaEmbedder opened = OllamaEmbedder.open(server.config(), base, tokenizer, tokenizerFamily, false);
                String difference = differenceFrom(opened);
                if (difference != null) {
                    opened.close();
                    server.drop(difference);
                    note(difference + " It is left out.");
                    return null;
                }
                server.connected(opened);
                server.answered();
                LOG.info("Ollama server {} answers now and takes its share", server.url());
                return opened;
            } catch (ServerUnavailableException e) {
                server.setAside(e.getMessage());
                return null;
            } catch (SemdexException e) {
                server.drop(e.getMessage());
                note("The Ollama server " + server.url() + " is left out: " + e.getMessage());
                return null;
            }
        }
    }

    private void setAside(FleetServer server, ServerUnavailableException e) {
        if (server.setAside(e.getMessage())) {
            note("The Ollama server " + server.url() + " stopped answering; the other servers took over its "
                    + "passages, and it is tried again now and then. (" + e.getMessage() + ")");
        }
    }

    private ServerUnavailableException noServerLeft() {
        StringBuilder why = new StringBuilder("None of the " + servers.size() + " Ollama servers answers:");
        servers.forEach(s -> why.append(' ').append(s.url()).append(" (").append(s.problem()).append(')'));
        return new ServerUnavailableException(why.toString(), servers.get(0).url(), null);
    }

    /** Said once to the log and kept for the user (a server that went away, or one that was refused). */
    private void note(String message) {
        LOG.warn("{}", message);
        synchronized (notes) {
            if (notes.size() < 20) {
                notes.add(message);
            }
        }
    }

    /** The servers' truncation warnings and what happened to servers during the run. */
    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        servers.stream().map(FleetServer::embedder).filter(e -> e != null).forEach(e -> all.addAll(e.warnings()));
        synchronized (notes) {
            all.addAll(notes);
        }
        return all;
    }

    @Override
    public void close() {
        slots.shutdownNow();
        servers.forEach(s -> closeQuietly(s.embedder()));
        if (ownsTokenizer) {
            OllamaEmbedder.closeQuietly(tokenizer);
        }
    }

    private static void closeQuietly(OllamaEmbedder embedder) {
        if (embedder != null) {
            embedder.close();
        }
    }
}

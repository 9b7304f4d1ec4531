package dev.semdex.models;

import dev.semdex.SemdexException;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.DownloadListener;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.OllamaModels;
import dev.semdex.embed.WaitingEmbedder;
import dev.semdex.embed.djl.DjlRuntime;
import dev.semdex.embed.hub.HubClient;
import dev.semdex.embed.hub.ModelManager;
import dev.semdex.embed.hub.UserModels;
import dev.semdex.embed.ollama.OllamaConfig;
import dev.semdex.search.SearchModels;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one Semdex: which exist (catalog, downloads, Ollama), which is the default, and the open embedders,
 * shared by the window, the command line and searches. Embedders are handed out as {@link EmbedderLease leases} so
 * that replacing one (a new thread count, a removed model) never closes it under a run or a search that uses it.
 */
public final class ModelService implements SearchModels, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);
    /** First wait after an embedding server went away during indexing; doubles up to {@link #MAX_SERVER_WAIT}. */
    static final Duration FIRST_SERVER_WAIT = Duration.ofSeconds(5);
    static final Duration MAX_SERVER_WAIT = Duration.ofSeconds(60);

    private final AppDirs dirs;
    private final IndexedModels index;
    private final ModelCatalog catalog = new ModelCatalog();
    private final EmbedderFactory factory;
    private final EmbedderPool embedders;
    private final UserModels userModels;
    private ModelSpeeds speeds;
    private volatile String hubEndpoint;
    private ModelManager modelManager;
    private String modelManagerEndpoint;

    /** Configures the model runtime, so it must come before any model opens. */
    public ModelService(AppDirs dirs, Settings settings, IndexedModels index) {
        DjlRuntime.configure(dirs.cache());
        this.dirs = dirs;
        this.index = index;
        this.factory = new EmbedderFactory(catalog, new BundledModelFiles(dirs.modelCache()),
                settings.embeddingThreads());
        this.embedders = new EmbedderPool(factory::open);
        this.userModels = UserModels.load(dirs.data());
        userModels.registerInto(catalog);
        factory.userModels(userModels);
        apply(settings);
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * Applies what the user chose: threads, hub, chunk size of long-input models and the Ollama server
     * ({@code OLLAMA_HOST} when the settings keep the default address).
     */
    public void apply(Settings settings) {
        embeddingThreads(settings.embeddingThreads());
        hubEndpoint(settings.hubUrl());
        longChunkTokens(settings.longChunkTokens());
        String first = OllamaConfig.resolveUrl(null, settings.ollamaUrl(), System.getenv("OLLAMA_HOST"));
        List<String> urls = new ArrayList<>(List.of(first));
        settings.ollamaUrls().stream().skip(1).map(OllamaConfig::normalizeUrl).filter(u -> !urls.contains(u))
                .forEach(urls::add);
        ollamaServers(urls.stream().map(url -> OllamaConfig.of(url).withHeaders(settings.ollamaHeaders())
                .withTimeout(Duration.ofSeconds(settings.ollamaTimeoutSeconds()))
                .withBatching(settings.ollamaBatchSize(), settings.ollamaParallel())).toList());
    }

    /** The Ollama server that {@code ollama:<model>} models embed on; set before the first such embedder opens. */
    public void ollama(OllamaConfig config) {
        factory.ollama(config);
    }

    /** The Ollama servers that {@code ollama:<model>} models embed on, spread over all; set before they open. */
    public void ollamaServers(List<OllamaConfig> servers) {
        factory.ollamaServers(servers);
    }

    /** The (first) Ollama server {@code ollama:<model>} ids without a server embed on. */
    public OllamaConfig ollama() {
        return factory.ollama();
    }

    public List<OllamaConfig> ollamaServers() {
        return factory.ollamaServers();
    }

    /**
     * The hub models are downloaded from; a blank value falls back to {@code HF_ENDPOINT}, then huggingface.co.
     * The setting wins over the environment because the user typed it in this app.
     */
    public void hubEndpoint(String endpoint) {
        this.hubEndpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
    }

    /** Chunk size for models that accept long inputs (Jina v2); changes the chunk profile of new runs. */
    public void longChunkTokens(int tokens) {
        catalog.longChunkTokens(tokens);
    }

    /** Downloads models from the Hugging Face hub ({@code HF_ENDPOINT}, {@code HF_TOKEN}) and adds local folders. */
    public synchronized ModelManager modelManager() {
        String endpoint = hubEndpoint != null ? hubEndpoint : System.getenv("HF_ENDPOINT");
        if (modelManager == null || !Objects.equals(endpoint, modelManagerEndpoint)) {
            modelManager = new ModelManager(catalog, userModels,
                    new HubClient(endpoint, System.getenv("HF_TOKEN"), 3),
                    dirs.modelCache().resolve("hub"));
            modelManagerEndpoint = endpoint;
        }
        return modelManager;
    }

    /**
     * Every model with its state, for the model manager and {@code semdex models}.
     *
     * @param includeOllama also ask the configured Ollama server for its models (a few seconds at most)
     */
    public ModelListing.Listing listModels(boolean includeOllama) {
        return ModelListing.list(catalog, modelManager(), userModels, includeOllama ? factory.ollama() : null);
    }

    /**
     * The id a model's vectors are stored under: {@code ollama:<model>} gains the configured server
     * ({@code ollama:<model>@gpu-box:11434}); other ids are unchanged. With several servers it is the first server
     * whose id the index already has, else the first server: adding a server to a list (or reordering it) never
     * changes the id, so an index built on one server goes on with several, and the same-model check at connection
     * makes their vectors interchangeable. Every method here that takes an id makes it
     * canonical first, so callers may pass either form.
     */
    @Override
    public String canonicalId(String modelId) {
        List<OllamaConfig> servers = factory.ollamaServers();
        if (servers.size() > 1 && OllamaModels.isOllamaId(modelId) && OllamaModels.server(modelId).isEmpty()) {
            Set<String> indexed = index.ids();
            for (OllamaConfig server : servers) {
                String id = OllamaModels.qualify(modelId, server.baseUrl());
                if (indexed.contains(id)) {
                    return id;
                }
            }
        }
        return factory.canonicalId(modelId);
    }

    /** The model's shared embedder, opened on first use; release the lease when done with it. */
    public EmbedderLease lease(String modelId) {
        return embedders.lease(canonicalId(modelId));
    }

    /**
     * A lease for an indexing run: a model on an Ollama server waits for the server when it goes away (a GPU box
     * rebooting) and goes on by itself, so a long run is not lost; the listener hears about the wait. Local models
     * have no server to wait for.
     */
    public EmbedderLease leaseForIndexing(String modelId, WaitingEmbedder.Listener serverWait) {
        EmbedderLease lease = lease(modelId);
        Embedder embedder = lease.embedder();
        if (embedder.model().source() != ModelSource.OLLAMA) {
            return lease;
        }
        return lease.through(new WaitingEmbedder(embedder, serverWait, FIRST_SERVER_WAIT, MAX_SERVER_WAIT));
    }

    /**
     * The model's shared embedder without a lease, for work that never sees the thread count change while it
     * runs (a command-line run, the lab tools) or only wants the model loaded; anything the window runs leases.
     */
    public Embedder embedder(String modelId) {
        try (EmbedderLease lease = lease(modelId)) {
            return lease.embedder();
        }
    }

    /**
     * The model as an embedder that leases the shared one for each call, for code that holds on to an embedder
     * between calls (the lab): a thread-count change in between closes nothing under it.
     */
    public Embedder leasingPerCall(String modelId) {
        String id = canonicalId(modelId);
        try (EmbedderLease opened = lease(id)) {
            // opened once here, so that an unknown model fails now rather than at the first call
            opened.embedder();
        }
        return new LeasingEmbedder(id, this::lease);
    }

    /** Held for just the call, so a search never keeps a retired model open. */
    @Override
    public float[] embedQuery(String modelId, String query) {
        try (EmbedderLease lease = lease(modelId)) {
            return lease.embedder().embedQuery(query);
        }
    }

    /** The files of a model that runs in-process (bundled or downloaded), for benchmarks against other runtimes. */
    public Optional<BundledModelFiles.ModelFiles> localFiles(String modelId) {
        return factory.localFiles(modelId);
    }

    /**
     * The model for work that names none: an existing index keeps the model it was built with, so a new default in a
     * later version never makes Semdex re-embed a user's folders or search a model the index lacks; a new index (or
     * one that already has the default's vectors) gets {@link ModelCatalog#DEFAULT_MODEL}.
     */
    public String defaultModel() {
        Set<String> inIndex = index.ids();
        if (inIndex.isEmpty() || inIndex.contains(ModelCatalog.DEFAULT_MODEL)) {
            return ModelCatalog.DEFAULT_MODEL;
        }
        if (inIndex.size() == 1) {
            return inIndex.iterator().next();
        }
        return inIndex.contains(ModelCatalog.FORMER_DEFAULT_MODEL) ? ModelCatalog.FORMER_DEFAULT_MODEL
                : ModelCatalog.DEFAULT_MODEL;
    }

    /** Model ids that embed without the network: bundled ones and those downloaded or added on this machine. */
    public List<String> offlineModelIds() {
        ModelManager manager = modelManager();
        return catalog.all().stream().filter(m -> m.availableOffline()
                || List.of("downloaded", "added").contains(manager.state(m))).map(ModelSpec::id).toList();
    }

    /** Downloads a catalog model or a hub repository ({@code owner/name}) and registers it; blocking. */
    public InstalledModel download(String idOrRepo, DownloadListener listener) {
        return installed(modelManager().pull(idOrRepo, null, listener));
    }

    /** Registers a model folder the user keeps elsewhere (it stays where it is); blocking, loads the model once. */
    public InstalledModel addFolder(Path dir) {
        return installed(modelManager().add(dir, null, ModelManager.Overrides.NONE));
    }

    private static InstalledModel installed(ModelManager.Result result) {
        return new InstalledModel(result.model().id(), result.engine(), result.model().dimension(),
                result.warnings());
    }

    /** What {@link #removeModel} did. */
    public record RemovedModel(String id, boolean filesDeleted, int vectorsDeleted) {}

    /**
     * Removes a model from this machine: a downloaded model's files (an added folder stays where the user keeps
     * it), its registration, and its vectors in the index. Bundled models cannot be removed; an Ollama model loses
     * only its vectors here (its weights live on the server).
     */
    public RemovedModel removeModel(String modelId) {
        String id = canonicalId(modelId);
        ModelSpec spec = catalog.find(id).orElse(null);
        boolean inIndex = index.ids().contains(id);
        if (spec == null && !inIndex) {
            throw new SemdexException("Unknown model '" + modelId + "'. Run 'semdex models' to list the models.");
        }
        if (spec != null && spec.source() == ModelSource.BUNDLED) {
            throw new SemdexException("'" + id + "' is bundled with Semdex and cannot be removed.");
        }
        boolean registered = userModels.find(id).isPresent();
        if (!registered && !inIndex) {
            throw new SemdexException("'" + id + "' is neither downloaded nor in the index; there is nothing to "
                    + "remove.");
        }
        embedders.retire(id);
        boolean files = registered && modelManager().remove(id);
        return new RemovedModel(id, files, index.removeVectors(id));
    }

    /**
     * Changes how many sessions local models embed with, without a restart: their open embedders are retired, so
     * the next lease opens them with the new count, while a run or search that holds one finishes with it. Ollama
     * embedders stay.
     */
    public synchronized void embeddingThreads(int threads) {
        if (Math.max(1, threads) == factory.threads()) {
            return;
        }
        factory.threads(threads);
        embedders.retireAll(embedder -> embedder.model().source() != ModelSource.OLLAMA);
        LOG.info("Embedding with {} thread(s) from now on", factory.threads());
    }

    public int embeddingThreads() {
        return factory.threads();
    }

    @Override
    public void close() {
        embedders.closeAll();
    }

    /** How fast each model embeds on this machine, remembered from runs and probes. */
    public synchronized ModelSpeeds speeds() {
        if (speeds == null) {
            speeds = new ModelSpeeds(dirs.data().resolve("model-speeds.properties"));
        }
        return speeds;
    }
}

package dev.semdex.models;

import dev.semdex.SemdexException;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.OllamaModels;
import dev.semdex.embed.djl.ClipEmbedder;
import dev.semdex.embed.djl.DjlEmbedder;
import dev.semdex.embed.hub.UserModels;
import dev.semdex.embed.ollama.OllamaConfig;
import dev.semdex.embed.ollama.MultiServerEmbedder;
import dev.semdex.embed.ollama.OllamaEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens the right embedder for a catalog entry; the one place that knows which runtime serves which source. */
public final class EmbedderFactory {

    private final ModelCatalog catalog;
    private final BundledModelFiles bundled;
    private volatile int threads;
    private volatile List<OllamaConfig> ollamaServers = List.of(OllamaConfig.of(OllamaConfig.DEFAULT_URL));
    private volatile UserModels userModels;

    public EmbedderFactory(ModelCatalog catalog, BundledModelFiles bundled, int threads) {
        this.catalog = catalog;
        this.bundled = bundled;
        this.threads = threads;
    }

    /** Sessions per local embedder opened from now on; embedders already open keep theirs. */
    public void threads(int threads) {
        this.threads = Math.max(1, threads);
    }

    public int threads() {
        return threads;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The one Ollama server that {@code ollama:<model>} ids embed on from now on. */
    public void ollama(OllamaConfig config) {
        ollamaServers(List.of(config));
    }

    /**
     * The Ollama servers that {@code ollama:<model>} ids embed on from now on, spread over all of them; the first
     * names the model's id unless the index already has the model under another of them.
     */
    public void ollamaServers(List<OllamaConfig> servers) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no Ollama server");
        }
        this.ollamaServers = List.copyOf(servers);
    }

    /** The first configured Ollama server. */
    public OllamaConfig ollama() {
        return ollamaServers.get(0);
    }

    public List<OllamaConfig> ollamaServers() {
        return ollamaServers;
    }

    /** The downloaded and added models, opened from their folders. */
    public void userModels(UserModels models) {
        this.userModels = models;
    }

    /**
     * The id a model is stored under: {@code ollama:<model>} becomes {@code ollama:<model>@<server>} with the
     * configured server, so vectors of two servers never mix; every other id is returned as it is.
     */
    public String canonicalId(String modelId) {
        return OllamaModels.qualify(modelId, ollama().baseUrl());
    }

    public Embedder open(String modelId) {
        String id = canonicalId(modelId);
        ModelSpec spec = catalog.require(id);
        if (spec.source() == ModelSource.OLLAMA) {
            return openOllama(spec);
        }
        if (spec.source() == ModelSource.BUNDLED) {
            BundledModelFiles.ModelFiles files = bundled.materialize(spec);
            return DjlEmbedder.open(spec, files.model(), files.tokenizer(), threads);
        }
        UserModels user = userModels;
        UserModels.Entry local = user == null ? null : user.find(id).orElse(null);
        if (local != null) {
            if (!local.filesPresent()) {
                throw new SemdexException("The files of model '" + id + "' are gone from " + local.dir()
                        + ". Run 'semdex models " + (local.repo() != null ? "pull " + id : "add <dir>")
                        + "' again.");
            }
            if (local.twoTower()) {
                return ClipEmbedder.open(spec, local.modelPath(), Path.of(local.visionModel()),
                        local.tokenizerPath(), Path.of(local.preprocessor()), threads);
            }
            return DjlEmbedder.open(spec, local.modelPath(), local.tokenizerPath(), threads);
        }
        throw new SemdexException("Model '" + id + "' is not on this machine yet. Run 'semdex models pull "
                + id + "' to download it.");
    }

    /**
     * The server named in the id wins; when it is one of the configured servers, all of them embed. The configured
     * headers go along only to the configured servers, so a token for them is never sent to another machine.
     */
    private Embedder openOllama(ModelSpec spec) {
        List<OllamaConfig> configured = ollamaServers;
        OllamaConfig first = configured.get(0);
        String server = OllamaModels.server(spec.id()).map(OllamaConfig::normalizeUrl).orElse(first.baseUrl());
        boolean isConfigured = configured.stream().anyMatch(c -> c.baseUrl().equals(server));
        Optional<ModelSpec> sameTokenizer = ollamaTokenizerModel(spec);
        TextTokenizer tokenizer = sameTokenizer.flatMap(this::tokenizerFile).map(DjlEmbedder::countingTokenizer)
                .orElse(null);
        String family = sameTokenizer.map(ModelSpec::tokenizerFamily).orElse(null);
        if (isConfigured && configured.size() > 1) {
            return MultiServerEmbedder.open(configured, spec, tokenizer, family, true);
        }
        OllamaConfig config = isConfigured
                ? configured.stream().filter(c -> c.baseUrl().equals(server)).findFirst().orElseThrow()
                : new OllamaConfig(server, null, first.timeout(), first.batchSize(), first.concurrency(),
                        first.maxRetries(), first.retryDelay());
        return OllamaEmbedder.open(config, spec, tokenizer, family, true);
    }

    /** The local model that tokenises like the Ollama model, if the catalog knows one. */
    private Optional<ModelSpec> ollamaTokenizerModel(ModelSpec spec) {
        String local = OllamaModels.hint(OllamaModels.modelName(spec.id())).tokenizerModel();
        return local == null ? Optional.empty() : catalog.find(local);
    }

    /**
     * The model and tokenizer files of a model that runs in-process, bundled or downloaded; empty for Ollama models
     * and models not on this machine. Benchmarks hand the same files to another runtime.
     */
    public Optional<BundledModelFiles.ModelFiles> localFiles(String modelId) {
        ModelSpec spec = catalog.require(canonicalId(modelId));
        if (spec.source() == ModelSource.BUNDLED) {
            return Optional.of(bundled.materialize(spec));
        }
        UserModels user = userModels;
        return user == null ? Optional.empty() : user.find(spec.id()).filter(UserModels.Entry::filesPresent)
                .map(e -> new BundledModelFiles.ModelFiles(e.modelPath(), e.tokenizerPath()));
    }

    /** Its tokenizer.json when it is on this machine: bundled, or downloaded by the user. */
    private Optional<Path> tokenizerFile(ModelSpec local) {
        if (local.source() == ModelSource.BUNDLED) {
            return Optional.of(bundled.materializeTokenizer(local));
        }
        UserModels user = userModels;
        return user == null ? Optional.empty()
                : user.find(local.id()).filter(UserModels.Entry::filesPresent).map(UserModels.Entry::tokenizerPath);
    }
}

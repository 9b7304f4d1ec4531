package dev.semdex.cli;

import dev.semdex.embed.Embedder;
import dev.semdex.embed.OllamaModels;
import dev.semdex.embed.ollama.OllamaCheck;
import dev.semdex.embed.ollama.OllamaClient;
import dev.semdex.embed.ollama.OllamaConfig;
import dev.semdex.embed.ollama.OllamaEmbedder;
import dev.semdex.settings.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ollama", description = "Embed on an Ollama server (e.g. a GPU machine on your network).",
        subcommands = {OllamaCommand.Check.class, OllamaCommand.ListModels.class})
public final class OllamaCommand implements Runnable {

    @ParentCommand
    SemdexCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** The options that say how to reach the server; mixed into every command that may embed on Ollama. */
    public static final class Options {

        @Option(names = "--ollama-url", paramLabel = "URL",
                description = "Ollama server for ollama:<model> models; repeat it to spread the work over several "
                        + "servers serving the same model (default: the settings, else OLLAMA_HOST, else "
                        + "http://localhost:11434).")
        List<String> urls;

        @Option(names = "--ollama-token", paramLabel = "TOKEN",
                description = "Bearer token for a proxy in front of the server (default: SEMDEX_OLLAMA_TOKEN).")
        String token;

        @Option(names = "--ollama-header", paramLabel = "'NAME: VALUE'",
                description = "Extra header for every request to the server; repeatable. Never logged.")
        List<String> headers;

        @Option(names = "--ollama-timeout", paramLabel = "SECONDS", defaultValue = "120",
                description = "Timeout per request (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--ollama-batch", paramLabel = "N", defaultValue = "32",
                description = "Texts per request (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--ollama-parallel", paramLabel = "N", defaultValue = "2",
                description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
        int parallel;

        /** The first server: the one {@code ollama check} and {@code models} talk to. */
        public OllamaConfig config(CliContext context) {
            return servers(context).get(0);
        }

        /**
         * Every server to embed on: those given on the command line, else those in the settings (the first of
         * which {@code OLLAMA_HOST} replaces when the settings keep the default), in order, without repeats.
         */
        public List<OllamaConfig> servers(CliContext context) {
            Settings settings = context.settings();
            List<String> given = urls == null ? List.of()
                    : urls.stream().filter(u -> u != null && !u.isBlank()).toList();
            List<String> bases = new java.util.ArrayList<>();
            if (given.isEmpty()) {
                bases.add(OllamaConfig.resolveUrl(null, settings.ollamaUrl(), System.getenv("OLLAMA_HOST")));
                settings.ollamaUrls().stream().skip(1).map(OllamaConfig::normalizeUrl).forEach(bases::add);
            } else {
                given.stream().map(OllamaConfig::normalizeUrl).forEach(bases::add);
            }
            return bases.stream().distinct().map(base -> config(context, base)).toList();
        }

        private OllamaConfig config(CliContext context, String base) {
            Settings settings = context.settings();
            Map<String, String> extra = new LinkedHashMap<>();
            if (settings.ollamaUrls().stream().map(OllamaConfig::normalizeUrl).anyMatch(base::equals)) {
                extra.putAll(settings.ollamaHeaders());
            }
            if (headers != null) {
                headers.forEach(h -> {
                    Map.Entry<String, String> e = OllamaConfig.parseHeader(h);
                    extra.put(e.getKey(), e.getValue());
                });
            }
            String bearer = token != null ? token : System.getenv("SEMDEX_OLLAMA_TOKEN");
            return OllamaConfig.of(base).withHeaders(OllamaConfig.withBearer(extra, bearer))
                    .withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds))).withBatching(batch, parallel);
        }

        /**
         * Points the services at the server, if the model is an Ollama one, and returns the id its vectors are
         * stored under ({@code ollama:<model>@<server>}; other ids unchanged).
         */
        public String apply(CliContext context, String modelId) {
            if (OllamaModels.isOllamaId(modelId)) {
                context.semdex().models().ollamaServers(servers(context));
            }
            return context.semdex().models().canonicalId(modelId);
        }

        /** Several models at once, as {@link #apply} returns them, checked against the catalog, without repeats. */
        public List<String> applyAll(CliContext context, List<String> modelIds) {
            List<String> ids = modelIds.stream().map(id -> apply(context, id)).distinct().toList();
            ids.forEach(context.semdex().catalog()::require);
            return ids;
        }

        /** Whether the user named a server at all (option, settings or OLLAMA_HOST): then `models` lists its models. */
        public boolean serverConfigured(CliContext context) {
            String fromSettings = context.settings().ollamaUrl();
            return urls != null && !urls.isEmpty() || System.getenv("OLLAMA_HOST") != null
                    || !OllamaConfig.normalizeUrl(fromSettings).equals(OllamaConfig.DEFAULT_URL);
        }
    }

    @Command(name = "check", description = "Check the connection to the Ollama server and the embedding model.")
    static final class Check implements Callable<Integer> {

        @ParentCommand
        OllamaCommand parent;

        @picocli.CommandLine.Mixin
        Options options = new Options();

        @Option(names = "--model", paramLabel = "MODEL",
                description = "Ollama model to check, e.g. nomic-embed-text (default: the one in the settings).")
        String model;

        @Option(names = "--pull", description = "Pull the model onto the server if it is missing.")
        boolean pull;

        @Override
        public Integer call() {
            CliContext context = parent.root.context();
            List<OllamaConfig> servers = options.servers(context);
            String name = model;
            if (name == null || name.isBlank()) {
                name = context.settings().ollamaModel();
            }
            if (name != null && OllamaModels.isOllamaId(name)) {
                name = OllamaModels.modelName(name);
            }
            List<OllamaCheck> ready = new java.util.ArrayList<>();
            boolean allOk = true;
            for (int i = 0; i < servers.size(); i++) {
                OllamaConfig config = servers.get(i);
                if (servers.size() > 1) {
                    System.out.println((i == 0 ? "" : "\n") + "Server " + (i + 1) + " of " + servers.size());
                }
                OllamaCheck check = OllamaCheck.run(config, name);
                if (pull && check.version() != null && !check.present() && !check.model().isEmpty()) {
                    pull(new OllamaClient(config), check.model());
                    check = OllamaCheck.run(config, name);
                }
                if (!check.ok()) {
                    allOk = false;
                    System.out.println(check.describe());
                    if (check.version() != null && check.model().isEmpty()) {
                        System.out.println("Models on the server: " + (check.modelsOnServer().isEmpty() ? "none"
                                : String.join(", ", check.modelsOnServer())));
                    }
                    continue;
                }
                ready.add(check);
                System.out.println(check.describe().replace("\nNext step: " + check.nextStep(), ""));
            }
            if (!allOk) {
                if (servers.size() > 1) {
                    System.out.println("\n" + ready.size() + " of " + servers.size() + " servers ready; fix the "
                            + "others or leave them out (every --ollama-url, or the list in Settings → Ollama).");
                }
                return 1;
            }
            OllamaCheck first = ready.get(0);
            if (ready.stream().anyMatch(c -> c.dimension() != first.dimension())) {
                System.out.println("\nThe servers serve different models (" + ready.stream()
                        .map(c -> "dimension " + c.dimension() + " on " + c.server())
                        .collect(java.util.stream.Collectors.joining(", ")) + "): every server must serve the same "
                        + "model, since their vectors go into one index.");
                return 1;
            }
            // the model as indexing will use it: exact tokenizer where known, the servers in the id; with several
            // servers this also compares their vectors for a probe text
            context.semdex().models().ollamaServers(servers);
            Embedder embedder;
            try {
                embedder = context.semdex().models().embedder(OllamaModels.PREFIX + first.model());
            } catch (dev.semdex.SemdexException e) {
                System.out.println(e.getMessage());
                return 1;
            }
            if (servers.size() > 1) {
                System.out.println();
            }
            System.out.println("Chunks:    up to " + embedder.model().chunkTokens() + " tokens, "
                    + (embedder instanceof OllamaEmbedder o && o.exactTokenCounts()
                            ? "counted with the model's own tokenizer" : "counted with the model's tokenizer where "
                                    + "known, else estimated"));
            System.out.println("Stored as: " + embedder.model().id());
            embedder.warnings().forEach(w -> System.out.println("Warning:   " + w));
            System.out.println("OK" + (servers.size() > 1 ? ": " + servers.size() + " servers serve the same "
                    + "model" : "") + ". Index with: semdex index FOLDER --model " + OllamaModels.PREFIX
                    + first.model() + servers.stream().map(c -> " --ollama-url " + c.baseUrl())
                            .collect(java.util.stream.Collectors.joining()));
            return 0;
        }

        private static void pull(OllamaClient client, String name) {
            System.err.println("Pulling " + name + " on the server…");
            String[] last = {""};
            client.pull(name, p -> {
                String line = p.total() > 0
                        ? String.format(Locale.ROOT, "%s %d%%", p.status(), p.completed() * 100 / p.total())
                        : p.status();
                if (!line.equals(last[0])) {
                    System.err.println("  " + line);
                    last[0] = line;
                }
            });
        }
    }

    @Command(name = "models", description = "List the models on every configured Ollama server, marking those that "
            + "embed.")
    static final class ListModels implements Callable<Integer> {

        @ParentCommand
        OllamaCommand parent;

        @picocli.CommandLine.Mixin
        Options options = new Options();

        @Override
        public Integer call() {
            CliContext context = parent.root.context();
            List<OllamaConfig> servers = options.servers(context);
            int unreachable = 0;
            for (int i = 0; i < servers.size(); i++) {
                OllamaClient client = new OllamaClient(servers.get(i));
                System.out.print((i == 0 ? "" : "\n") + servers.get(i).baseUrl());
                List<OllamaClient.TaggedModel> models;
                try {
                    String version = client.version();
                    models = client.taggedModels();
                    System.out.println(" (Ollama " + version + ")");
                } catch (dev.semdex.SemdexException e) {
                    unreachable++;
                    System.out.println(" — not reachable: " + e.getMessage());
                    continue;
                }
                if (models.isEmpty()) {
                    System.out.println("  no models; pull one with: semdex ollama check --model nomic-embed-text "
                            + "--pull --ollama-url " + servers.get(i).baseUrl());
                }
                for (OllamaClient.TaggedModel m : models) {
                    System.out.printf(Locale.ROOT, "  %-40s %-10s %-8s %s%n", m.name(),
                            m.family().isEmpty() ? "-" : m.family(),
                            m.parameterSize().isEmpty() ? "-" : m.parameterSize(),
                            m.mayEmbed() ? "embeds: use as ollama:" + m.name().replace(":latest", "") : "");
                }
            }
            return unreachable == 0 ? 0 : 1;
        }
    }
}

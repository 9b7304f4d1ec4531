package dev.semdex.cli;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Pooling;
import dev.semdex.embed.DownloadListener;
import dev.semdex.embed.hub.ModelManager;
import dev.semdex.embed.hub.UserModels;
import dev.semdex.embed.ollama.OllamaConfig;
import dev.semdex.models.ModelListing;
import dev.semdex.models.ModelService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", description = "List the embedding models Semdex knows; download, add or remove them.",
        subcommands = {ModelsCommand.Pull.class, ModelsCommand.Add.class, ModelsCommand.Remove.class})
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @picocli.CommandLine.Mixin
    OllamaCommand.Options ollama = new OllamaCommand.Options();

    @Override
    public Integer call() {
        CliContext context = root.context();
        ModelCatalog catalog = new ModelCatalog();
        catalog.longChunkTokens(context.settings().longChunkTokens());
        UserModels user = UserModels.load(context.dirs().data());
        user.registerInto(catalog);
        ModelManager manager = new ModelManager(catalog, user, null, null);
        OllamaConfig server = ollama.serverConfigured(context) ? ollama.config(context) : null;
        ModelListing.Listing listing = ModelListing.list(catalog, manager, user, server);
        if (json) {
            System.out.println(Json.write(listing.entries().stream().map(e -> toJson(e, catalog, user)).toList()));
            listing.ollamaNote().ifPresent(n -> System.err.println("note: " + n));
            return 0;
        }
        System.out.printf("%-44s %5s %6s %6s %9s  %-12s %-12s %s%n", "ID", "DIM", "TOKENS", "PARAMS", "DOWNLOAD",
                "LICENCE", "ENGINE", "STATE");
        for (ModelListing.Entry e : listing.entries()) {
            System.out.printf("%-44s %5s %6d %6s %9s  %-12s %-12s %s%n", e.id(),
                    e.dimension() > 0 ? Integer.toString(e.dimension()) : "?", e.maxTokens(),
                    e.parameters().isEmpty() ? "-" : e.parameters(),
                    e.downloadBytes() > 0 ? megabytes(e.downloadBytes()) : "-",
                    e.licence().isEmpty() ? "-" : e.licence(), e.engine(), e.state());
        }
        listing.ollamaNote().ifPresent(System.out::println);
        return 0;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / 1e6)));
    }

    private static Map<String, Object> toJson(ModelListing.Entry e, ModelCatalog catalog, UserModels user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("name", e.name());
        out.put("dimension", e.dimension());
        out.put("maxTokens", e.maxTokens());
        out.put("chunkTokens", e.chunkTokens());
        out.put("parameters", e.parameters());
        out.put("downloadBytes", e.downloadBytes());
        out.put("licence", e.licence());
        out.put("engine", e.engine().toLowerCase(Locale.ROOT).replace(" ", ""));
        out.put("source", e.source().name().toLowerCase(Locale.ROOT));
        out.put("offline", e.source() != dev.semdex.embed.ModelSource.OLLAMA && e.usable());
        out.put("state", e.state());
        catalog.find(e.id()).ifPresent(m -> {
            out.put("pooling", m.pooling().name().toLowerCase(Locale.ROOT));
            out.put("queryPrefix", m.queryPrefix());
            out.put("passagePrefix", m.passagePrefix());
            if (m.huggingFaceRepo() != null) {
                out.put("repo", m.huggingFaceRepo());
            }
        });
        user.find(e.id()).ifPresent(u -> {
            out.put("dir", u.dir());
            out.put("modelFile", u.modelFile());
        });
        return out;
    }

    private static void printResult(String verb, ModelManager.Result r) {
        for (String w : r.warnings()) {
            System.err.println("note: " + w);
        }
        UserModels.Entry m = r.model();
        System.out.printf("%s %s: %d dimensions, %d tokens, %s pooling, %s engine, files in %s%n", verb, m.id(),
                m.dimension(), m.maxTokens(), m.pooling().toLowerCase(Locale.ROOT), r.engine(), m.dir());
        System.out.printf("Use it with --model %s%n", m.id());
    }

    @Command(name = "pull", description = "Download a model from the Hugging Face hub (HF_ENDPOINT, HF_TOKEN).")
    static final class Pull implements Callable<Integer> {

        @ParentCommand
        ModelsCommand models;

        @Parameters(paramLabel = "MODEL", description = "A catalog id, or a hub repository as owner/name.")
        String model;

        @Option(names = "--revision", description = "Branch, tag or commit (default: main).")
        String revision;

        @Override
        public Integer call() {
            ModelManager manager = models.root.context().semdex().models().modelManager();
            ModelManager.Result r = manager.pull(model, revision, new DownloadPrinter());
            printResult("Downloaded", r);
            return 0;
        }
    }

    @Command(name = "add", description = "Use a local model folder (tokenizer.json + model.onnx or model.pt).")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        ModelsCommand models;

        @Parameters(paramLabel = "DIR", description = "The model folder, in Hugging Face layout.")
        Path dir;

        @Option(names = "--id", description = "The id to use with --model (default: the folder's name).")
        String id;

        @Option(names = "--pooling", description = "mean or cls (default: from 1_Pooling/config.json).")
        String pooling;

        @Option(names = "--max-tokens", description = "Maximum input length (default: from the config files).")
        Integer maxTokens;

        @Option(names = "--query-prefix", description = "Text put before every query.")
        String queryPrefix;

        @Option(names = "--passage-prefix", description = "Text put before every passage.")
        String passagePrefix;

        @Override
        public Integer call() {
            Pooling p = null;
            if (pooling != null) {
                try {
                    p = Pooling.valueOf(pooling.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new dev.semdex.SemdexException("Unknown pooling '" + pooling + "': use mean or cls.");
                }
            }
            ModelManager manager = models.root.context().semdex().models().modelManager();
            ModelManager.Result r = manager.add(dir, id,
                    new ModelManager.Overrides(p, maxTokens, queryPrefix, passagePrefix));
            printResult("Added", r);
            return 0;
        }
    }

    @Command(name = "remove", description = "Delete a downloaded model's files (an added folder stays), forget it, "
            + "and drop its vectors from the index.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        ModelsCommand models;

        @Parameters(paramLabel = "MODEL", description = "The id shown by 'semdex models'.")
        String model;

        @picocli.CommandLine.Mixin
        OllamaCommand.Options ollama = new OllamaCommand.Options();

        @Override
        public Integer call() {
            CliContext context = models.root.context();
            String id = ollama.apply(context, model);
            ModelService.RemovedModel r = context.semdex().models().removeModel(id);
            System.out.printf(Locale.ROOT, "Removed %s: %s, %,d vectors deleted from the index.%n", r.id(),
                    r.filesDeleted() ? "files deleted" : "no files deleted", r.vectorsDeleted());
            return 0;
        }
    }

    /** Download progress on stderr: a line per file every ten percent. */
    private static final class DownloadPrinter implements DownloadListener {
        private String file;
        private long lastTenth = -1;

        @Override
        public void progress(String f, long done, long total) {
            if (!f.equals(file)) {
                file = f;
                lastTenth = -1;
            }
            long tenth = total > 0 ? done * 10 / total : -1;
            if (tenth != lastTenth && (total > 0 || lastTenth == -1)) {
                lastTenth = tenth;
                System.err.printf("%s: %,d%s bytes%n", f, done, total > 0 ? " of " + String.format("%,d", total) : "");
            }
        }
    }
}

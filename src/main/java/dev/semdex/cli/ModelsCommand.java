package dev.semdex.cli;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Pooling;
import dev.semdex.embed.hub.DownloadListener;
import dev.semdex.embed.hub.ModelManager;
import dev.semdex.embed.hub.UserModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", description = "List the embedding models Semdex knows; download or add more.",
        subcommands = {ModelsCommand.Pull.class, ModelsCommand.Add.class})
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ModelCatalog catalog = new ModelCatalog();
        UserModels user = UserModels.load(root.context().dirs().data());
        user.registerInto(catalog);
        ModelManager manager = new ModelManager(catalog, user, null, null);
        List<ModelSpec> models = catalog.all();
        if (json) {
            System.out.println(Json.write(models.stream().map(m -> toJson(m, manager, user)).toList()));
            return 0;
        }
        System.out.printf("%-30s %5s %6s  %-9s %-7s %s%n", "ID", "DIM", "TOKENS", "SOURCE", "OFFLINE", "STATE");
        for (ModelSpec m : models) {
            String state = manager.state(m);
            System.out.printf("%-30s %5d %6d  %-9s %-7s %s%n", m.id(), m.dimension(), m.maxTokens(),
                    m.source().name().toLowerCase(), offline(m, state) ? "yes" : "no", state);
        }
        return 0;
    }

    private static boolean offline(ModelSpec m, String state) {
        return m.availableOffline() || state.equals(UserModels.DOWNLOADED) || state.equals(UserModels.ADDED);
    }

    private static Map<String, Object> toJson(ModelSpec m, ModelManager manager, UserModels user) {
        String state = manager.state(m);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("name", m.displayName());
        out.put("dimension", m.dimension());
        out.put("maxTokens", m.maxTokens());
        out.put("pooling", m.pooling().name().toLowerCase());
        out.put("queryPrefix", m.queryPrefix());
        out.put("passagePrefix", m.passagePrefix());
        out.put("source", m.source().name().toLowerCase());
        out.put("offline", offline(m, state));
        out.put("state", state);
        if (m.huggingFaceRepo() != null) {
            out.put("repo", m.huggingFaceRepo());
        }
        user.find(m.id()).ifPresent(e -> {
            out.put("dir", e.dir());
            out.put("modelFile", e.modelFile());
            out.put("engine", e.modelFile().endsWith(".pt") ? "pytorch" : "onnxruntime");
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
            ModelManager manager = models.root.context().semdex().modelManager();
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
            ModelManager manager = models.root.context().semdex().modelManager();
            ModelManager.Result r = manager.add(dir, id,
                    new ModelManager.Overrides(p, maxTokens, queryPrefix, passagePrefix));
            printResult("Added", r);
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

package dev.semdex.cli;

import dev.semdex.embed.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", description = "List the embedding models Semdex knows.")
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<ModelSpec> models = new dev.semdex.embed.ModelCatalog().all();
        if (json) {
            System.out.println(Json.write(models.stream().map(ModelsCommand::toJson).toList()));
            return 0;
        }
        System.out.printf("%-30s %5s %6s  %-9s %s%n", "ID", "DIM", "TOKENS", "SOURCE", "OFFLINE");
        for (ModelSpec m : models) {
            System.out.printf("%-30s %5d %6d  %-9s %s%n", m.id(), m.dimension(), m.maxTokens(),
                    m.source().name().toLowerCase(), m.availableOffline() ? "yes" : "no");
        }
        return 0;
    }

    private static Map<String, Object> toJson(ModelSpec m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("name", m.displayName());
        out.put("dimension", m.dimension());
        out.put("maxTokens", m.maxTokens());
        out.put("pooling", m.pooling().name().toLowerCase());
        out.put("queryPrefix", m.queryPrefix());
        out.put("passagePrefix", m.passagePrefix());
        out.put("source", m.source().name().toLowerCase());
        out.put("offline", m.availableOffline());
        return out;
    }
}

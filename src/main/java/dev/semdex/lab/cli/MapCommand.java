package dev.semdex.lab.cli;

import dev.semdex.lab.Lab;
import dev.semdex.cli.Json;
import dev.semdex.cli.SemdexCommand;
import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.MapGroup;
import dev.semdex.lab.compare.MapPoint;
import dev.semdex.embed.ModelCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "map", description = "Group the indexed files by meaning (k-means on one model's vectors) and "
        + "print the groups, or the 2-D map points with --json.")
final class MapCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Option(names = "--model", paramLabel = "ID", description = "Model whose vectors to map "
            + "(default: the model the index was built with; for a new index " + ModelCatalog.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "--clusters", paramLabel = "K", defaultValue = "0",
            description = "Number of groups (default: about the square root of half the number of files).")
    int clusters;

    @Option(names = "--json", description = "Print every file's map position and group as JSON.")
    boolean json;

    @Override
    public Integer call() {
        var semdex = root.context().semdex();
        model = model != null ? model : semdex.models().defaultModel();
        semdex.catalog().require(model);
        CorpusMap map = new Lab(semdex).corpusMap(model, clusters);
        if (json) {
            System.out.println(Json.write(map));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%d files in %d groups by %s (the 2-D map keeps %.0f%% of the variance).%n",
                map.points().size(), map.clusters(), model, map.explainedVariance() * 100);
        Map<Integer, List<MapPoint>> groups = map.points().stream()
                .collect(Collectors.groupingBy(MapPoint::cluster, TreeMap::new, Collectors.toList()));
        groups.forEach((cluster, points) -> {
            MapGroup group = map.groups().get(cluster);
            System.out.printf("%nGroup %d, %s: %d files, the most central %s%n", cluster + 1, group.name(),
                    points.size(), group.centralPath());
            points.stream().limit(5).forEach(p -> System.out.println("  " + p.path()));
            if (points.size() > 5) {
                System.out.printf("  … and %d more%n", points.size() - 5);
            }
        });
        return 0;
    }
}

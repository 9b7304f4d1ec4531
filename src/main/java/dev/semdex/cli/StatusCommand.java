package dev.semdex.cli;

import dev.semdex.store.FolderCounts;
import dev.semdex.store.IndexCounts;
import dev.semdex.store.IndexStore;
import dev.semdex.store.SearchableFiles;
import dev.semdex.store.StoredDocument;
import dev.semdex.store.StoredFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Show indexed folders, counts per model and skipped files.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        var semdex = root.context().semdex();
        IndexStore store = semdex.store();
        List<Map<String, Object>> folders = new ArrayList<>();
        for (StoredFolder f : store.folders().all()) {
            FolderCounts c = store.status().folderCounts(f.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path().toString());
            m.put("files", c.files());
            m.put("skipped", c.skipped());
            m.put("chunks", c.chunks());
            m.put("lastIndexed", f.lastIndexedAt() == null ? null : f.lastIndexedAt().toString());
            m.put("exclusions", f.exclusions());
            folders.add(m);
        }
        Map<String, Object> models = new LinkedHashMap<>();
        Map<String, Long> vectors = store.status().vectorCounts();
        Map<String, SearchableFiles> searchable = new LinkedHashMap<>();
        store.models().all().forEach((id, model) -> {
            SearchableFiles reach = store.status().searchable(id, model.profile());
            searchable.put(id, reach);
            models.put(id, Map.of("dimension", model.dimension(), "vectors", vectors.getOrDefault(id, 0L),
                    "searchableByWords", reach.byWords(), "searchableByMeaning", reach.byMeaning(),
                    "pictures", store.pictures().count(id)));
        });
        List<Map<String, String>> skipped = new ArrayList<>();
        for (StoredDocument d : store.documents().skipped()) {
            skipped.add(Map.of("path", d.path(), "reason", d.error() == null ? "" : d.error()));
        }
        IndexCounts counts = store.status().counts();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("database", semdex.dirs().database().toString());
            out.put("files", counts.documents());
            out.put("chunks", counts.chunks());
            out.put("folders", folders);
            out.put("models", models);
            out.put("skipped", skipped);
            System.out.println(Json.write(out));
            return 0;
        }
        System.out.println("Index: " + semdex.dirs().database());
        if (folders.isEmpty()) {
            System.out.println("No folders yet. Add one with 'semdex index FOLDER'.");
        }
        for (Map<String, Object> f : folders) {
            System.out.printf("%s  files %,d  chunks %,d  skipped %,d  last indexed %s%n", f.get("path"),
                    (Long) f.get("files"), (Long) f.get("chunks"), (Long) f.get("skipped"), f.get("lastIndexed"));
        }
        models.forEach((id, m) -> System.out.println("Model " + id + ": " + m));
        searchable.forEach((id, reach) -> System.out.printf(Locale.ROOT,
                "%s: %,d files searchable by words · %,d by meaning%n", id, reach.byWords(), reach.byMeaning()));
        if (!skipped.isEmpty()) {
            System.out.println("Skipped files:");
            skipped.forEach(s -> System.out.println("  " + s.get("path") + ": " + s.get("reason")));
        }
        return 0;
    }
}

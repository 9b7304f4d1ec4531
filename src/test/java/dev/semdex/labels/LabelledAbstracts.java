package dev.semdex.labels;

import dev.semdex.lab.eval.TopicCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of real SciFact abstracts about three diseases (HIV, malaria, tuberculosis), each abstract's subject
 * taken from its title: written by the papers' authors, sorted by nobody here.
 */
public final class LabelledAbstracts {

    public static final Path SCIFACT = Path.of("..", "shared", "datasets", "scifact", "corpus.jsonl");
    static final List<String> SUBJECTS = List.of("HIV", "malaria", "tuberculosis");

    public final Path folder;
    /** Each file's subject, by absolute path. */
    public final Map<String, String> subjects;
    /** The labels a user would make, with the corpus's words. */
    public final List<Label> labels;

    private LabelledAbstracts(Path folder, Map<String, String> subjects, List<Label> labels) {
        this.folder = folder;
        this.subjects = subjects;
        this.labels = labels;
    }

    public static LabelledAbstracts write(Path folder, int perSubject) {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(SCIFACT),
                "SciFact at " + SCIFACT.toAbsolutePath());
        TopicCorpus corpus = TopicCorpus.read(SCIFACT, perSubject);
        Map<String, String> subjects = new LinkedHashMap<>();
        try {
            Files.createDirectories(folder);
            for (TopicCorpus.Doc doc : corpus.docs()) {
                if (SUBJECTS.contains(doc.label())) {
                    Path file = folder.resolve("abstract-" + doc.id() + ".txt").toAbsolutePath().normalize();
                    Files.writeString(file, doc.text());
                    subjects.put(file.toString(), doc.label());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Label> labels = corpus.labels().stream().filter(l -> SUBJECTS.contains(l.name())).toList();
        return new LabelledAbstracts(folder, subjects, labels);
    }

    public Label label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    public List<String> filesOf(String subject) {
        return subjects.entrySet().stream().filter(e -> e.getValue().equals(subject)).map(Map.Entry::getKey).toList();
    }
}

package dev.semdex.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.IndexListener;
import dev.semdex.index.Indexer;
import dev.semdex.search.SearchService;
import dev.semdex.similar.PassageModels;
import dev.semdex.store.IndexStore;
import dev.semdex.store.LabelTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Labels kept in the index and applied to real abstracts about three diseases, indexed with MiniLM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelServiceTest {

    @TempDir
    static Path tmp;

    private final Embedder embedder = TestModels.minilm();
    private LabelledAbstracts docs;
    private Path indexFile;
    private IndexStore store;
    private String model;

    @BeforeAll
    void index() {
        docs = LabelledAbstracts.write(tmp.resolve("docs"), 8);
        indexFile = tmp.resolve("index.db");
        store = IndexStore.open(indexFile);
        try (TextExtractor extractor = new TextExtractor()) {
            new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults())
                    .index(List.of(docs.folder), embedder, IndexListener.NONE);
        }
        model = embedder.model().id();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @BeforeEach
    void noLabels() {
        store.labels().all().forEach(l -> store.labels().remove(l.name()));
    }

    private LabelService service() {
        return service(store);
    }

    private LabelService service(IndexStore store) {
        return new LabelService(store, new SearchService(store, id -> embedder, new ModelCatalog()),
                PassageModels.of(embedder));
    }

    private LabelService withAllLabels() {
        LabelService labels = service();
        docs.labels.forEach(labels::add);
        return labels;
    }

    private static double accuracy(LabelledFiles files, LabelledAbstracts docs) {
        long right = files.files().stream().filter(f -> docs.subjects.get(f.path()).equals(f.best())).count();
        return (double) right / files.files().size();
    }

    @Test
    void everyIndexedFileGetsTheLabelItsSubjectSaysFromTheDescriptionsAlone() {
        LabelledFiles files = withAllLabels().classify(model, new LabelThresholds(0, 0));

        assertThat(files.files()).hasSize(docs.subjects.size());
        assertThat(accuracy(files, docs)).isGreaterThanOrEqualTo(0.9);
        assertThat(files.counts()).extracting(c -> c.label().name()).containsExactly("HIV", "malaria",
                "tuberculosis");
        assertThat(files.counts().stream().mapToInt(LabelCount::files).sum() + files.unlabelled())
                .isEqualTo(docs.subjects.size());
    }

    @Test
    void labelsAndWhatTheyLearntOutliveClosingTheIndex() {
        LabelService labels = withAllLabels();
        String file = docs.filesOf("malaria").get(0);
        labels.confirm(Path.of(file), "MALARIA");
        labels.edit("malaria", new Label("parasites", "Plasmodium parasites, mosquitoes"));
        store.close();
        store = IndexStore.open(indexFile);

        assertThat(service().labels()).extracting(Label::name).containsExactly("HIV", "parasites", "tuberculosis");
        assertThat(store.labels().feedback()).containsExactly(new LabelTable.Feedback(file, "parasites", true));
        FileLabel kept = service().classify(model, LabelThresholds.DEFAULT).of(file);
        assertThat(kept.label()).isEqualTo("parasites");
        assertThat(kept.confirmed()).isTrue();

        service().remove("parasites");
        assertThat(store.labels().feedback()).isEmpty();
    }

    @Test
    void aConfirmedFileKeepsItsLabelAndIsCountedAsConfirmed() {
        LabelService labels = withAllLabels();
        String hivFile = docs.filesOf("HIV").get(0);

        labels.confirm(Path.of(hivFile), "tuberculosis");
        LabelledFiles files = labels.classify(model, LabelThresholds.DEFAULT);

        assertThat(files.of(hivFile).label()).isEqualTo("tuberculosis");
        assertThat(files.of(hivFile).confidence()).isEqualTo(1);
        LabelCount tb = files.counts().get(2);
        assertThat(tb.confirmed()).isEqualTo(1);
        assertThat(tb.files()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void correctingAFileConfirmsTheRightLabelAndTellsTheWrongOneItIsNotOfIt() {
        LabelService labels = withAllLabels();
        String file = docs.filesOf("HIV").get(1);
        String had = labels.classify(model, LabelThresholds.DEFAULT).of(file).best();
        String other = had.equals("malaria") ? "tuberculosis" : "malaria";

        labels.correct(Path.of(file), other, model);

        assertThat(store.labels().feedback()).containsExactlyInAnyOrder(
                new LabelTable.Feedback(file, had, false), new LabelTable.Feedback(file, other, true));
        assertThat(labels.classify(model, LabelThresholds.DEFAULT).of(file).label()).isEqualTo(other);
    }

    @Test
    void aFileAboutNoneOfTheLabelsGetsNoneWithALeastSimilarity() {
        LabelService labels = service();
        labels.add(docs.label("HIV"));
        labels.add(docs.label("malaria"));
        LabelledFiles open = labels.classify(model, new LabelThresholds(0, 0));
        List<String> tb = docs.filesOf("tuberculosis");
        assertThat(tb).allSatisfy(f -> assertThat(open.of(f).labelled()).as("without a floor every file leans")
                .isTrue());

        LabelledFiles strict = labels.classify(model, new LabelThresholds(0, MIN_SIMILARITY));

        long tbNone = tb.stream().filter(f -> !strict.of(f).labelled()).count();
        long othersKept = docs.subjects.keySet().stream().filter(f -> !tb.contains(f))
                .filter(f -> docs.subjects.get(f).equals(strict.of(f).label())).count();
        assertThat(tbNone).isGreaterThanOrEqualTo(tb.size() * 3 / 4);
        assertThat(othersKept).isGreaterThanOrEqualTo((docs.subjects.size() - tb.size()) * 3 / 4);
    }

    @Test
    void byDefaultASingleLabelIsGivenOnlyToTheFilesLikeItNotToEveryFile() {
        LabelService labels = service();
        labels.add(docs.label("HIV"));
        List<String> hiv = docs.filesOf("HIV");

        LabelledFiles noFloor = labels.classify(model, new LabelThresholds(0.5, 0));
        LabelledFiles byDefault = labels.classify(model, LabelThresholds.DEFAULT);

        assertThat(noFloor.files()).as("one label: every file is sure of it").allSatisfy(f -> assertThat(f.label())
                .isEqualTo("HIV"));
        long others = docs.subjects.size() - hiv.size();
        long othersNone = byDefault.files().stream().filter(f -> !hiv.contains(f.path()) && !f.labelled()).count();
        long hivKept = hiv.stream().filter(f -> "HIV".equals(byDefault.of(f).label())).count();
        assertThat(othersNone).as("malaria and tuberculosis abstracts: none of these").isGreaterThanOrEqualTo(
                others * 3 / 4);
        assertThat(hivKept).isGreaterThanOrEqualTo(hiv.size() * 7 / 8);
        assertThat(byDefault.unlabelled()).isEqualTo(docs.subjects.size() - byDefault.counts().get(0).files());
    }

    /** For MiniLM: most abstracts sit at 0.3 to 0.7 from their own subject's label, most others below. */
    static final double MIN_SIMILARITY = 0.3;

    @Test
    void aLabelMadeWithAnExampleStartsWithItConfirmedAndTellsWhoeverListens() {
        LabelService labels = service();
        List<String> told = new java.util.ArrayList<>();
        labels.onChange(() -> told.add("changed"));
        String central = docs.filesOf("malaria").get(0);

        labels.add(new Label("malaria", "malaria, plasmodium, falciparum"), List.of(Path.of(central)));

        assertThat(store.labels().feedback()).containsExactly(new LabelTable.Feedback(central, "malaria", true));
        assertThat(labels.classify(model, LabelThresholds.DEFAULT).of(central).confirmed()).isTrue();
        assertThat(told).hasSize(1);

        assertThatThrownBy(() -> labels.add(new Label("HIV", "virus"), List.of(tmp.resolve("elsewhere.txt"))))
                .isInstanceOf(SemdexException.class).hasMessageEndingWith("only indexed files can be labelled.");
        assertThatThrownBy(() -> labels.add(new Label("Malaria", "again"), List.of(Path.of(docs.filesOf("HIV")
                .get(0))))).isInstanceOf(SemdexException.class)
                .hasMessage("There is already a label called Malaria.");
        assertThat(labels.labels()).as("nothing half-stored").extracting(Label::name).containsExactly("malaria");
        assertThat(store.labels().feedback()).hasSize(1);
        assertThat(told).hasSize(1);
    }

    @Test
    void unknownLabelsAndUnindexedFilesAreOneClearLine() {
        LabelService labels = withAllLabels();

        assertThatThrownBy(() -> labels.confirm(Path.of(docs.filesOf("HIV").get(0)), "invoices"))
                .isInstanceOf(SemdexException.class)
                .hasMessage("There is no label called invoices; the labels are: HIV, malaria, tuberculosis.");
        assertThatThrownBy(() -> labels.confirm(tmp.resolve("elsewhere.txt"), "HIV"))
                .isInstanceOf(SemdexException.class).hasMessageEndingWith("is not in the index: only indexed files "
                        + "can be labelled.");
        assertThatThrownBy(() -> labels.add(new Label("hiv", "again")))
                .isInstanceOf(SemdexException.class).hasMessage("There is already a label called hiv.");
    }
}

package dev.semdex.lab.eval;

import dev.semdex.chunk.Chunk;
import dev.semdex.chunk.Chunker;
import dev.semdex.embed.Embedder;
import dev.semdex.labels.Label;
import dev.semdex.labels.LabelCentres;
import dev.semdex.labels.LabelClassifier;
import dev.semdex.labels.LabelThresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How well labels sort a corpus with known categories, with 0, 3 and 10 files confirmed per label: the files are
 * cut and embedded as the indexer would, each label learns from its description and its confirmed files, and the
 * accuracy is measured on files never confirmed, averaged over several random choices of the confirmed ones.
 */
public final class LabelsEvaluator {

    /** Files per label kept aside as the ones a user may confirm; the others are the test files. */
    public static final int CONFIRMABLE = 10;

    private LabelsEvaluator() {}

    /** Accuracy for each number of confirmed files, and how many test files it was measured on. */
    public record Row(String modelId, Map<Integer, Double> accuracy, int testFiles) {}

    public static Row evaluate(TopicCorpus corpus, Embedder embedder, List<Integer> shots, int seeds) {
        Map<String, float[]> fileVectors = fileVectors(corpus, embedder);
        Map<String, float[]> descriptions = new LinkedHashMap<>();
        for (Label label : corpus.labels()) {
            descriptions.put(label.name(), embedder.embedQuery(label.description()));
        }
        Map<Integer, Double> accuracy = new LinkedHashMap<>();
        int testFiles = 0;
        for (int shot : shots) {
            double sum = 0;
            for (int seed = 0; seed < seeds; seed++) {
                Map<String, List<TopicCorpus.Doc>> byLabel = new LinkedHashMap<>();
                corpus.docs().forEach(d -> byLabel.computeIfAbsent(d.label(), l -> new ArrayList<>()).add(d));
                Map<String, float[]> centres = new LinkedHashMap<>();
                List<TopicCorpus.Doc> test = new ArrayList<>();
                Random random = new Random(seed);
                for (Label label : corpus.labels()) {
                    List<TopicCorpus.Doc> docs = new ArrayList<>(byLabel.getOrDefault(label.name(), List.of()));
                    Collections.shuffle(docs, random);
                    List<float[]> confirmed = new ArrayList<>();
                    for (TopicCorpus.Doc d : docs.subList(0, Math.min(shot, docs.size()))) {
                        confirmed.add(fileVectors.get(d.id()));
                    }
                    test.addAll(docs.subList(Math.min(CONFIRMABLE, docs.size()), docs.size()));
                    centres.put(label.name(), LabelCentres.centre(descriptions.get(label.name()), confirmed,
                            List.of()));
                }
                LabelClassifier classifier = new LabelClassifier(centres);
                int right = 0;
                for (TopicCorpus.Doc d : test) {
                    if (d.label().equals(classifier.classify(fileVectors.get(d.id()), 0).label())) {
                        right++;
                    }
                }
                sum += test.isEmpty() ? 0 : (double) right / test.size();
                testFiles = test.size();
            }
            accuracy.put(shot, sum / seeds);
        }
        return new Row(embedder.model().id(), accuracy, testFiles);
    }

    /**
     * "None of these" with labels for only some subjects: of the files of the other subjects, the share that gets
     * no label; of the named subjects' files, the share that gets its own label.
     */
    public record NoneRow(String modelId, int labels, double floorShare, double noneRight, double keptRight) {}

    /**
     * Labels from their descriptions for the first {@code labels} subjects (for each count given), every file of
     * the corpus sorted with the default confidence and each floor share given.
     */
    public static List<NoneRow> noneOfThese(TopicCorpus corpus, Embedder embedder, List<Integer> labelCounts,
            List<Double> floorShares) {
        Map<String, float[]> fileVectors = fileVectors(corpus, embedder);
        List<NoneRow> out = new ArrayList<>();
        for (int k : labelCounts) {
            List<Label> named = corpus.labels().subList(0, Math.min(k, corpus.labels().size()));
            Map<String, float[]> centres = new LinkedHashMap<>();
            for (Label label : named) {
                centres.put(label.name(), LabelCentres.centre(embedder.embedQuery(label.description()), List.of(),
                        List.of()));
            }
            LabelClassifier classifier = new LabelClassifier(centres);
            Map<String, double[]> ranges = classifier.ranges(fileVectors.values());
            List<String> names = named.stream().map(Label::name).toList();
            for (double share : floorShares) {
                LabelThresholds thresholds = new LabelThresholds(LabelThresholds.DEFAULT.confidence(), -1, share);
                int none = 0;
                int others = 0;
                int kept = 0;
                int mine = 0;
                for (TopicCorpus.Doc d : corpus.docs()) {
                    String label = classifier.classify(fileVectors.get(d.id()), thresholds, ranges).label();
                    if (names.contains(d.label())) {
                        mine++;
                        kept += d.label().equals(label) ? 1 : 0;
                    } else {
                        others++;
                        none += label == null ? 1 : 0;
                    }
                }
                out.add(new NoneRow(embedder.model().id(), named.size(), share,
                        others == 0 ? Double.NaN : (double) none / others, mine == 0 ? Double.NaN : (double) kept / mine));
            }
        }
        return out;
    }

    private static Map<String, float[]> fileVectors(TopicCorpus corpus, Embedder embedder) {
        Chunker chunker = new Chunker(embedder.tokenizer(), Math.min(embedder.model().chunkTokens(),
                embedder.maxPassageTokens()));
        Map<String, float[]> fileVectors = new LinkedHashMap<>();
        for (TopicCorpus.Doc doc : corpus.docs()) {
            List<Chunk> chunks = chunker.chunk(doc.text(), offset -> 0);
            fileVectors.put(doc.id(), LabelCentres.fileVector(
                    embedder.embedPassages(chunks.stream().map(Chunk::text).toList())));
        }
        return fileVectors;
    }

    /** Labels per file in the corpus, for the report. */
    public static Map<String, Integer> counts(TopicCorpus corpus) {
        Map<String, Integer> out = new HashMap<>();
        corpus.docs().forEach(d -> out.merge(d.label(), 1, Integer::sum));
        return out;
    }
}

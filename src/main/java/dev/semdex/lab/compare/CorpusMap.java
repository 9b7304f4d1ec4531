package dev.semdex.lab.compare;

import dev.semdex.search.VectorIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * A 2-D picture of a model's view of the files: each file is the mean of its chunk vectors, projected on the two
 * principal components and coloured by k-means cluster (computed in the full space, not on the picture). Large
 * indexes are sampled, since a few thousand points is what a chart can show.
 */
public record CorpusMap(String modelId, List<MapPoint> points, int clusters, double explainedVariance,
        List<MapGroup> groups) {

    public static final int MAX_POINTS = 3000;
    private static final int TRIALS = 10;
    /** Passages per file read for the group names: enough to say what a file is about, bounded for big books. */
    private static final int PASSAGES_PER_FILE = 30;
    /** Words in a group's name. */
    private static final int NAME_TERMS = 3;

    /**
     * @param folderOf the indexed folder a path belongs to (for colouring by folder)
     * @param clusters wanted number of clusters; 0 picks about √(files / 2), between 2 and 12
     * @param chunkText the text of a chunk by id, for naming the groups
     */
    public static CorpusMap build(String modelId, VectorIndex index, Map<Long, String> paths,
            java.util.function.Function<String, String> folderOf, int clusters, long seed,
            java.util.function.LongFunction<String> chunkText) {
        Map<Long, double[]> sums = new LinkedHashMap<>();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        Map<Long, List<Long>> chunks = new HashMap<>();
        index.forEachRow((v, row) -> {
            long doc = index.documentId(row);
            if (paths.containsKey(doc)) {
                List<Long> ids = chunks.computeIfAbsent(doc, x -> new ArrayList<>());
                if (ids.size() < PASSAGES_PER_FILE) {
                    ids.add(index.chunkId(row));
                }
                double[] sum = sums.computeIfAbsent(doc, d -> new double[index.dimension()]);
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
                counts.merge(doc, 1, Integer::sum);
            }
        });
        List<Long> docs = new ArrayList<>(sums.keySet());
        if (docs.size() > MAX_POINTS) {
            Collections.shuffle(docs, new Random(seed));
            docs = new ArrayList<>(docs.subList(0, MAX_POINTS));
        }
        int n = docs.size();
        if (n < 3) {
            throw new dev.semdex.SemdexException("A map needs at least 3 files with vectors of " + modelId + ".");
        }
        int d = index.dimension();
        double[][] vectors = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = sums.get(docs.get(i));
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                v[j] *= inv;
            }
            vectors[i] = v;
        }
        double[][] projected = new double[n][2];
        double explained = project(vectors, projected);
        int k = clusters > 0 ? Math.min(clusters, n) : (int) Math.max(2, Math.min(12, Math.round(Math.sqrt(n / 2.0))));
        int[] assignment = cluster(vectors, k, seed);
        List<MapPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String path = paths.get(docs.get(i));
            points.add(new MapPoint(docs.get(i), path, folderOf.apply(path), projected[i][0], projected[i][1],
                    assignment[i]));
        }
        return new CorpusMap(modelId, points, k, explained, groups(points, vectors, assignment, k, chunks, chunkText));
    }

    /** Each group's name from its passages against the other groups', and the file nearest its centre. */
    private static List<MapGroup> groups(List<MapPoint> points, double[][] vectors, int[] assignment, int k,
            Map<Long, List<Long>> chunks, java.util.function.LongFunction<String> chunkText) {
        List<List<List<String>>> texts = new ArrayList<>();
        double[][] centres = new double[k][vectors[0].length];
        int[] sizes = new int[k];
        for (int c = 0; c < k; c++) {
            texts.add(new ArrayList<>());
        }
        for (int i = 0; i < points.size(); i++) {
            checkInterrupted();
            int c = assignment[i];
            sizes[c]++;
            for (int j = 0; j < vectors[i].length; j++) {
                centres[c][j] += vectors[i][j];
            }
            List<String> passages = new ArrayList<>();
            for (long id : chunks.getOrDefault(points.get(i).documentId(), List.of())) {
                passages.add(chunkText.apply(id));
            }
            texts.get(c).add(passages);
        }
        List<List<String>> terms = GroupTerms.top(texts, NAME_TERMS);
        List<MapGroup> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int central = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < points.size(); i++) {
                if (assignment[i] != c) {
                    continue;
                }
                double dot = 0;
                for (int j = 0; j < vectors[i].length; j++) {
                    dot += vectors[i][j] * centres[c][j];
                }
                if (dot > best) {
                    best = dot;
                    central = i;
                }
            }
            List<String> words = terms.get(c);
            String centralPath = central < 0 ? "" : points.get(central).path();
            String name = !words.isEmpty() ? String.join(", ", words)
                    : central < 0 ? "Group " + (c + 1) : java.nio.file.Path.of(centralPath).getFileName().toString();
            out.add(new MapGroup(c, name, words, centralPath, sizes[c]));
        }
        return out;
    }

    /** Projects on the top two principal components; returns the share of variance they explain. */
    private static double project(double[][] vectors, double[][] out) {
        int n = vectors.length;
        int d = vectors[0].length;
        double[] mean = new double[d];
        for (double[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / n;
            }
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = vectors[i][j] - mean[j];
            }
        }
        RealMatrix x = MatrixUtils.createRealMatrix(centred);
        RealMatrix covariance = x.transpose().multiply(x).scalarMultiply(1.0 / Math.max(1, n - 1));
        checkInterrupted();
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        int first = -1;
        int second = -1;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            total += Math.max(0, values[i]);
            if (first < 0 || values[i] > values[first]) {
                second = first;
                first = i;
            } else if (second < 0 || values[i] > values[second]) {
                second = i;
            }
        }
        double[] pc1 = eigen.getEigenvector(first).toArray();
        double[] pc2 = eigen.getEigenvector(second).toArray();
        for (int i = 0; i < n; i++) {
            double a = 0;
            double b = 0;
            for (int j = 0; j < d; j++) {
                a += centred[i][j] * pc1[j];
                b += centred[i][j] * pc2[j];
            }
            out[i][0] = a;
            out[i][1] = b;
        }
        return total == 0 ? 0 : (Math.max(0, values[first]) + Math.max(0, values[second])) / total;
    }

    private record Point(int index, double[] vector) implements Clusterable {
        @Override
        public double[] getPoint() {
            return vector;
        }
    }

    private static int[] cluster(double[][] vectors, int k, long seed) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        List<Point> points = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            points.add(new Point(i, vectors[i]));
        }
        // Several k-means++ starts, keeping the one with the least squared error: one start often settles in a
        // poor local optimum. (commons-math's own multi-start ranks by the sum of cluster variances, which
        // favours one-file clusters.)
        List<CentroidCluster<Point>> found = null;
        double best = Double.POSITIVE_INFINITY;
        KMeansPlusPlusClusterer<Point> kmeans = new KMeansPlusPlusClusterer<>(k, 100, new EuclideanDistance(), random);
        for (int trial = 0; trial < TRIALS; trial++) {
            checkInterrupted();
            List<CentroidCluster<Point>> attempt = kmeans.cluster(points);
            double error = squaredError(attempt);
            if (error < best) {
                best = error;
                found = attempt;
            }
        }
        // Biggest cluster first, so colours are stable between runs and the legend reads in order of size.
        found.sort((a, b) -> Integer.compare(b.getPoints().size(), a.getPoints().size()));
        int[] assignment = new int[vectors.length];
        for (int c = 0; c < found.size(); c++) {
            for (Point p : found.get(c).getPoints()) {
                assignment[p.index()] = c;
            }
        }
        return assignment;
    }

    private static double squaredError(List<CentroidCluster<Point>> clusters) {
        double sum = 0;
        for (CentroidCluster<Point> cluster : clusters) {
            double[] centre = cluster.getCenter().getPoint();
            for (Point p : cluster.getPoints()) {
                for (int j = 0; j < centre.length; j++) {
                    double diff = p.vector()[j] - centre[j];
                    sum += diff * diff;
                }
            }
        }
        return sum;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Map cancelled");
        }
    }
}

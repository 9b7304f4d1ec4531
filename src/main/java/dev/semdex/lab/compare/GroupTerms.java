package dev.semdex.lab.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names groups of files by the words that set them apart: class-based TF-IDF (c-TF-IDF, as BERTopic names its
 * topics) treats all the passages of a group as one document, and weighs a word's share of that document by how
 * rare the word is over all groups, {@code tf(t, c) · log(1 + A / f(t))} with {@code A} the mean number of words
 * per group. Stop words are left out, and so are words only one file of a group uses: a name should describe the
 * group, not its longest file.
 */
public final class GroupTerms {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*\\p{L}|\\p{L}");
    private static final Set<String> STOP_WORDS = loadStopWords();

    private GroupTerms() {}

    /**
     * The {@code n} most distinctive words of each group, best first.
     *
     * @param groupFiles for each group, its files, each given as its passages' texts
     */
    public static List<List<String>> top(List<List<List<String>>> groupFiles, int n) {
        int groups = groupFiles.size();
        List<Map<String, Integer>> counts = new ArrayList<>();
        List<Map<String, Integer>> fileCounts = new ArrayList<>();
        Map<String, Integer> overall = new HashMap<>();
        long totalWords = 0;
        int[] words = new int[groups];
        for (List<List<String>> files : groupFiles) {
            Map<String, Integer> tf = new HashMap<>();
            Map<String, Integer> df = new HashMap<>();
            for (List<String> passages : files) {
                Set<String> seen = new HashSet<>();
                for (String passage : passages) {
                    Matcher m = WORD.matcher(passage.toLowerCase(Locale.ROOT));
                    while (m.find()) {
                        String w = m.group();
                        if (w.length() < 3 || STOP_WORDS.contains(w)) {
                            continue;
                        }
                        tf.merge(w, 1, Integer::sum);
                        overall.merge(w, 1, Integer::sum);
                        words[counts.size()]++;
                        seen.add(w);
                    }
                }
                seen.forEach(w -> df.merge(w, 1, Integer::sum));
            }
            totalWords += words[counts.size()];
            counts.add(tf);
            fileCounts.add(df);
        }
        double meanWords = groups == 0 ? 0 : (double) totalWords / groups;
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < groups; c++) {
            int total = Math.max(1, words[c]);
            int minFiles = groupFiles.get(c).size() >= 2 ? 2 : 1;
            Map<String, Integer> df = fileCounts.get(c);
            Map<String, Double> score = new HashMap<>();
            counts.get(c).forEach((w, tf) -> {
                if (df.getOrDefault(w, 0) >= minFiles) {
                    score.put(w, (double) tf / total * Math.log(1 + meanWords / overall.get(w)));
                }
            });
            out.add(score.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(Map.Entry::getKey).toList());
        }
        return out;
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> loadStopWords() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                GroupTerms.class.getResourceAsStream("stop-words-en.txt"), StandardCharsets.UTF_8))) {
            in.lines().forEach(line -> words.addAll(List.of(line.trim().split("\\s+"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.remove("");
        return Set.copyOf(words);
    }
}

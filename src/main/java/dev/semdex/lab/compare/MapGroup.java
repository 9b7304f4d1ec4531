package dev.semdex.lab.compare;

import java.util.List;

/**
 * One k-means group of the corpus map, named so that a reader knows what it holds without opening its files.
 *
 * @param terms       its most distinctive words (c-TF-IDF), best first
 * @param centralPath the file nearest the group's centre: the one that stands for the others
 */
public record MapGroup(int cluster, String name, List<String> terms, String centralPath, int files) {

    public MapGroup {
        terms = List.copyOf(terms);
    }
}

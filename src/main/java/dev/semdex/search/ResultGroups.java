package dev.semdex.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Turns the ranked files into the list a user reads. The same text kept in several files (a note as Markdown and as
 * PDF, a chapter and the "whole book on one page") would otherwise fill the first results with one answer: files
 * whose best passages say the same are shown as one entry, led by the most specific file (the one with the fewest
 * passages: the chapter, not the book) and naming the others. Listings, files with almost no text of their own (a
 * table of contents, a redirect), name every topic and answer none, so they come after every real file.
 */
final class ResultGroups {

    /** Words per shingle: long enough that two passages sharing shingles share sentences, not phrases. */
    private static final int SHINGLE = 4;
    /** The share of the shorter passage's shingles found in the other above which two passages say the same. */
    private static final double SAME_TEXT = 0.6;

    private ResultGroups() {}

    /** A result with what grouping needs to know of its file. */
    record Candidate(SearchResult result, boolean listing) {}

    /**
     * @param candidates best first, more than {@code k} where possible so that grouping still fills {@code k}
     * @param passages   how many passages a file has: fewer means more specific
     */
    static List<SearchResult> group(List<Candidate> candidates, int k, ToIntFunction<String> passageCount) {
        Map<String, Integer> counted = new HashMap<>();
        ToIntFunction<String> passages = path -> counted.computeIfAbsent(path, passageCount::applyAsInt);
        List<Group> groups = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Set<String> shingles = shingles(candidate.result().chunkText());
            Group same = null;
            for (Group group : groups) {
                if (sameText(shingles, group.shingles)) {
                    same = group;
                    break;
                }
            }
            if (same == null) {
                groups.add(new Group(candidate, shingles));
            } else {
                same.members.add(candidate);
            }
        }
        List<Group> ordered = new ArrayList<>();
        groups.stream().filter(g -> !g.allListings()).forEach(ordered::add);
        groups.stream().filter(Group::allListings).forEach(ordered::add);
        List<SearchResult> out = new ArrayList<>();
        for (Group group : ordered) {
            if (out.size() == k) {
                break;
            }
            out.add(group.entry(out.size() + 1, passages));
        }
        return out;
    }

    private static final class Group {
        final List<Candidate> members = new ArrayList<>();
        final Set<String> shingles;

        Group(Candidate first, Set<String> shingles) {
            members.add(first);
            this.shingles = shingles;
        }

        boolean allListings() {
            return members.stream().allMatch(Candidate::listing);
        }

        /** The group's most specific real file, shown at the group's best rank with its own passage. */
        SearchResult entry(int rank, ToIntFunction<String> passages) {
            Candidate lead = members.get(0);
            if (members.size() > 1) {
                for (Candidate member : members) {
                    if (better(member, lead, passages)) {
                        lead = member;
                    }
                }
            }
            List<String> others = new ArrayList<>();
            for (Candidate member : members) {
                if (member != lead) {
                    others.add(member.result().path());
                }
            }
            SearchResult shown = lead.result();
            double score = Math.max(shown.score(), members.get(0).result().score());
            return new SearchResult(rank, shown.path(), score, shown.chunkId(), shown.chunkText(), shown.start(),
                    shown.end(), shown.page(), shown.title(), shown.heading(), others);
        }

        private static boolean better(Candidate a, Candidate b, ToIntFunction<String> passages) {
            if (a.listing() != b.listing()) {
                return !a.listing();
            }
            return passages.applyAsInt(a.result().path()) < passages.applyAsInt(b.result().path());
        }
    }

    static boolean sameText(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String s : small) {
            if (large.contains(s)) {
                shared++;
            }
        }
        return shared >= SAME_TEXT * small.size();
    }

    /** Word n-grams of the text, lower-cased, punctuation ignored; a text shorter than one shingle is one shingle. */
    static Set<String> shingles(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        Set<String> out = new HashSet<>();
        if (words.isEmpty()) {
            return out;
        }
        if (words.size() < SHINGLE) {
            out.add(String.join(" ", words));
            return out;
        }
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return out;
    }
}

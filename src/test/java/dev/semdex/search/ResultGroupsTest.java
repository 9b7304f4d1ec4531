package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultGroupsTest {

    private static final String ANSWER = "A virtual environment is a directory tree that contains a Python "
            + "installation for a particular version of Python, plus a number of additional packages.";

    private static ResultGroups.Candidate candidate(int rank, String path, String text, boolean listing) {
        return new ResultGroups.Candidate(new SearchResult(rank, path, 1.0 / rank, rank, text, 0, text.length(), 0,
                "", "", List.of()), listing);
    }

    private static final Map<String, Integer> PASSAGES = Map.of("/site/whole-book.html", 900,
            "/site/venv.html", 12, "/site/contents.html", 40, "/site/pip.html", 9, "/notes/venv.md", 3,
            "/notes/venv.pdf", 3);

    @Test
    void theChapterLeadsAndTheWholeBookPageIsNamedUnderIt() {
        List<SearchResult> results = ResultGroups.group(List.of(
                candidate(1, "/site/whole-book.html", "Chapter 12. " + ANSWER + " Different applications can "
                        + "then use different virtual environments.", false),
                candidate(2, "/site/venv.html", ANSWER + " Different applications can then use", false),
                candidate(3, "/site/pip.html", "You can install, upgrade, and remove packages using pip.", false)),
                10, PASSAGES::get);

        assertThat(results).extracting(SearchResult::path).containsExactly("/site/venv.html", "/site/pip.html");
        assertThat(results.get(0).alsoIn()).containsExactly("/site/whole-book.html");
        assertThat(results.get(0).rank()).isEqualTo(1);
        assertThat(results.get(1).rank()).isEqualTo(2);
    }

    @Test
    void aNoteKeptTwiceIsOneEntry() {
        List<SearchResult> results = ResultGroups.group(List.of(
                candidate(1, "/notes/venv.md", ANSWER, false),
                candidate(2, "/notes/venv.pdf", ANSWER, false)), 10, PASSAGES::get);

        assertThat(results).hasSize(1);
        assertThat(results.get(0).path()).isEqualTo("/notes/venv.md");
        assertThat(results.get(0).alsoIn()).containsExactly("/notes/venv.pdf");
    }

    @Test
    void listingsComeAfterEveryRealPage() {
        List<SearchResult> results = ResultGroups.group(List.of(
                candidate(1, "/site/contents.html", "12. Virtual Environments and Packages 12.1. Introduction "
                        + "12.2. Creating Virtual Environments 12.3. Managing Packages with pip", true),
                candidate(2, "/site/pip.html", "You can install, upgrade, and remove packages using pip.", false),
                candidate(3, "/site/venv.html", ANSWER, false)), 10, PASSAGES::get);

        assertThat(results).extracting(SearchResult::path)
                .containsExactly("/site/pip.html", "/site/venv.html", "/site/contents.html");
    }

    @Test
    void differentPassagesStayApartAndTheListIsCutAtK() {
        List<SearchResult> results = ResultGroups.group(List.of(
                candidate(1, "/a.txt", "Leek and potato soup needs an hour on a low flame.", false),
                candidate(2, "/b.txt", "The train to Porto leaves at nine from the main station.", false),
                candidate(3, "/c.txt", "Tomatoes ripen faster next to bananas in a paper bag.", false)),
                2, path -> 1);

        assertThat(results).extracting(SearchResult::path).containsExactly("/a.txt", "/b.txt");
        assertThat(results).allSatisfy(r -> assertThat(r.alsoIn()).isEmpty());
    }
}

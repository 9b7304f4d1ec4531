package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordQueryTest {

    @Test
    void wordsAreQuotedAndOredSoOperatorsInTheTextAreHarmless() {
        assertThat(KeywordQuery.toFts("Cats AND dogs: \"NEAR\" (1,000) café-bar"))
                .isEqualTo("\"cats\" OR \"dogs\" OR \"near\" OR \"1\" OR \"000\" OR \"café\" OR \"bar\"");
        assertThat(KeywordQuery.toFts("  !?  ")).isEmpty();
    }

    @Test
    void stopWordsAreLeftOutUnlessTheyAreAllThereIs() {
        assertThat(KeywordQuery.toFts("the effect of insulin on the brain")).isEqualTo(
                "\"effect\" OR \"insulin\" OR \"brain\"");
        assertThat(KeywordQuery.toFts("To be or not to be")).isEqualTo(
                "\"to\" OR \"be\" OR \"or\" OR \"not\"");
    }
}

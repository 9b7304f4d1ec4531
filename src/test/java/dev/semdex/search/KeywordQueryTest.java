package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordQueryTest {

    @Test
    void wordsAreQuotedAndOredSoOperatorsInTheTextAreHarmless() {
        assertThat(KeywordQuery.toFts("Cats AND dogs: \"NEAR\" (1,000) café-bar"))
                .isEqualTo("\"cats\" OR \"and\" OR \"dogs\" OR \"near\" OR \"1\" OR \"000\" OR \"café\" OR \"bar\"");
        assertThat(KeywordQuery.toFts("  !?  ")).isEmpty();
    }
}

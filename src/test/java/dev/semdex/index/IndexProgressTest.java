package dev.semdex.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IndexProgressTest {

    @Test
    void aFolderWhoseLastFileIsItsLargestIsNotNearlyDoneAfterItsSmallFiles() {
        // 24 pages of 10 kB read in 24 s; the 2.4 MB whole-book page is still to come.
        IndexProgress p = new IndexProgress(24, 25, 240, 240, Path.of("book.html"), Duration.ofSeconds(24),
                240_000, 2_640_000);

        assertThat(p.fractionDone()).isCloseTo(0.091, org.assertj.core.api.Assertions.within(0.001));
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void withoutBytesItCountsFiles() {
        IndexProgress p = new IndexProgress(3, 4, 6, 6, null, Duration.ofSeconds(3));

        assertThat(p.fractionDone()).isEqualTo(0.75);
        assertThat(p.eta()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new IndexProgress(4, 4, 8, 8, null, Duration.ofSeconds(4), 10, 10).eta()).isEqualTo(Duration.ZERO);
    }
}

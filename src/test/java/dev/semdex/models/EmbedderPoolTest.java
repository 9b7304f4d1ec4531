package dev.semdex.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An embedder is closed by the last of its users, never under one of them. */
class EmbedderPoolTest {

    private final List<FakeEmbedder> opened = new ArrayList<>();
    private final EmbedderPool pool = new EmbedderPool(id -> {
        FakeEmbedder embedder = new FakeEmbedder(id);
        synchronized (opened) {
            opened.add(embedder);
        }
        return embedder;
    });

    @Test
    void usersShareOneEmbedderAndTheLastReleaseOfARetiredOneClosesIt() {
        EmbedderLease first = pool.lease("a");
        EmbedderLease second = pool.lease("a");
        assertThat(second.embedder()).isSameAs(first.embedder());

        pool.retireAll(e -> true);
        first.close();
        first.close(); // a second release changes nothing
        assertThat(closed(first)).isFalse();
        second.close();
        assertThat(closed(first)).isTrue();

        try (EmbedderLease fresh = pool.lease("a")) {
            assertThat(fresh.embedder()).isNotSameAs(first.embedder());
        }
    }

    @Test
    void anUnusedEmbedderClosesWhenRetiredAndOnlyTheMatchingOnesAre() {
        Embedder a;
        Embedder b;
        try (EmbedderLease lease = pool.lease("a"); EmbedderLease other = pool.lease("b")) {
            a = lease.embedder();
            b = other.embedder();
        }
        pool.retireAll(e -> e.model().id().equals("a"));
        assertThat(((FakeEmbedder) a).closed).isTrue();
        assertThat(((FakeEmbedder) b).closed).isFalse();

        pool.retire("b");
        assertThat(((FakeEmbedder) b).closed).isTrue();
    }

    @Test
    void anEmbedderStillOpeningWhenRetirementCameIsReplacedAtItsNextLease() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch retired = new CountDownLatch(1);
        EmbedderPool slow = new EmbedderPool(id -> {
            opening.countDown();
            try {
                retired.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FakeEmbedder(id);
        });
        AtomicReference<EmbedderLease> leased = new AtomicReference<>();
        Thread user = new Thread(() -> leased.set(slow.lease("a")));
        user.start();
        opening.await();
        slow.retireAll(e -> true);
        retired.countDown();
        user.join();

        EmbedderLease stale = leased.get();
        try (EmbedderLease next = slow.lease("a")) {
            assertThat(next.embedder()).isNotSameAs(stale.embedder());
        }
        assertThat(closed(stale)).as("still leased").isFalse();
        stale.close();
        assertThat(closed(stale)).isTrue();
    }

    @Test
    void closingThePoolClosesEvenLeasedEmbedders() {
        EmbedderLease lease = pool.lease("a");
        pool.closeAll();
        assertThat(closed(lease)).isTrue();
        lease.close();
    }

    private static boolean closed(EmbedderLease lease) {
        return ((FakeEmbedder) lease.embedder()).closed;
    }

    private static final class FakeEmbedder implements Embedder {

        private final ModelSpec spec;
        private volatile boolean closed;

        FakeEmbedder(String id) {
            this.spec = new dev.semdex.embed.ModelCatalog().require("all-minilm-l6-v2").withId(id);
        }

        @Override
        public ModelSpec model() {
            return spec;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            return passages.stream().map(p -> new float[] {1, 0, 0}).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return new float[] {1, 0, 0};
        }

        @Override
        public TextTokenizer tokenizer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int maxPassageTokens() {
            return 128;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

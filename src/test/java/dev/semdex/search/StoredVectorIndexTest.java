package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.semdex.chunk.Chunk;
import dev.semdex.embed.Vectors;
import dev.semdex.store.Database;
import dev.semdex.store.DocumentWrite;
import dev.semdex.store.HashKey;
import dev.semdex.store.Hashes;
import dev.semdex.store.IndexStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large index keeps only int8 codes in memory and reads the floats of its best candidates back from SQLite: it
 * must rank as the float index does, at well under 500 bytes per 384-d vector.
 */
class StoredVectorIndexTest {

    private static final int DIM = 384;
    private static final int DOCS = 40;
    private static final int PER_DOC = 100;

    @TempDir
    Path dir;

    private Database db;
    private IndexStore store;
    private final List<Long> documentIds = new ArrayList<>();

    @BeforeEach
    void fill() {
        db = Database.open(dir.resolve("index.db"));
        store = new IndexStore(db);
        store.models().register("m", DIM, "p");
        long folder = store.folders().add(dir, List.of()).id();
        Random random = new Random(11);
        for (int d = 0; d < DOCS; d++) {
            List<Chunk> chunks = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            Map<HashKey, float[]> vectors = new LinkedHashMap<>();
            for (int c = 0; c < PER_DOC; c++) {
                String text = "chunk " + d + "/" + c;
                chunks.add(new Chunk(c, text, 0, text.length(), 0, 3));
                byte[] hash = Hashes.ofText(text);
                hashes.add(hash);
                vectors.put(new HashKey(hash), randomUnit(random));
            }
            String path = dir.resolve("doc-" + d + ".txt").toString();
            store.documents().saveIndexed(new DocumentWrite(folder, path, 1, 1, "h" + d, "text/plain", "m", "p", chunks,
                    hashes, vectors));
            documentIds.add(store.documents().find(path).orElseThrow().id());
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    @Test
    void codesOnlyIndexRanksAsTheFloatIndexWithExactScores() {
        VectorIndex floats = VectorIndex.load(store, "m", "p", DIM);
        VectorIndex codes = VectorIndex.load(store, "m", "p", DIM, 1);
        assertThat(floats.holdsCodesOnly()).isFalse();
        assertThat(codes.holdsCodesOnly()).isTrue();
        assertThat(codes.size()).isEqualTo(DOCS * PER_DOC);
        assertThat(codes.residentBytes() / (double) codes.size()).isLessThanOrEqualTo(500);
        assertThat(floats.residentBytes() / (double) floats.size()).isGreaterThan(1500);

        Random random = new Random(5);
        int same = 0;
        int queries = 30;
        for (int i = 0; i < queries; i++) {
            // A query near a stored vector, as real queries are near their answers.
            float[] near = floats.row(random.nextInt(floats.size()));
            float[] q = randomUnit(random);
            for (int d = 0; d < DIM; d++) {
                q[d] = near[d] + 0.05f * q[d];
            }
            q = Vectors.normalize(q);
            int[] exact = floats.top(q, 10);
            ChunkRanker.Hits hits = codes.ranker(q).top(10);
            float[] scores = floats.scores(q);
            assertThat(codes.chunkId(hits.rows()[0])).isEqualTo(floats.chunkId(exact[0]));
            for (int j = 0; j < hits.size(); j++) {
                assertThat(hits.scores()[j]).isCloseTo(scores[hits.rows()[j]],
                        within(1e-5f));
                if (codes.chunkId(hits.rows()[j]) == floats.chunkId(exact[j])) {
                    same++;
                }
            }
        }
        assertThat(same / (10.0 * queries)).isGreaterThanOrEqualTo(0.99);
        assertThat(codes.row(7)).containsExactly(floats.row(7));
    }

    @Test
    void readingEveryRowGivesTheStoredVectorsInRowOrderEvenForChunksDeletedSince() {
        VectorIndex floats = VectorIndex.load(store, "m", "p", DIM);
        VectorIndex codes = VectorIndex.load(store, "m", "p", DIM, 1);
        store.documents().delete(documentIds.get(3));
        int[] next = {0};

        codes.forEachRow((v, row) -> {
            assertThat(row).isEqualTo(next[0]++);
            float[] original = floats.row(row);
            if (codes.documentId(row) == documentIds.get(3)) {
                // Gone from SQLite: the codes' approximation stands in for it.
                assertThat(Vectors.dot(v, original)).isGreaterThan(0.99f);
            } else {
                assertThat(v).containsExactly(original);
            }
        });
        assertThat(next[0]).isEqualTo(DOCS * PER_DOC);

        next[0] = 0;
        floats.forEachRow((v, row) -> assertThat(v).containsExactly(floats.row(next[0]++)));
        assertThat(next[0]).isEqualTo(DOCS * PER_DOC);
    }

    @Test
    void chunksDeletedAfterLoadingAreLeftOutOfResults() {
        VectorIndex codes = VectorIndex.load(store, "m", "p", DIM, 1);
        VectorIndex floats = VectorIndex.load(store, "m", "p", DIM);
        float[] q = floats.row(5 * PER_DOC + 3);
        assertThat(codes.chunkId(codes.ranker(q).top(1).rows()[0])).isEqualTo(floats.chunkId(5 * PER_DOC + 3));

        store.documents().delete(documentIds.get(5));

        ChunkRanker.Hits hits = codes.ranker(q).top(10);
        assertThat(hits.size()).isEqualTo(10);
        for (int row : hits.rows()) {
            assertThat(codes.documentId(row)).isNotEqualTo(documentIds.get(5));
        }
    }
}

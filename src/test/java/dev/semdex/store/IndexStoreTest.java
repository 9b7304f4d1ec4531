package dev.semdex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.semdex.chunk.Chunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStoreTest {

    @TempDir
    Path dir;

    private Database db;
    private IndexStore store;
    private long folder;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("index.db"));
        store = new IndexStore(db);
        store.models().register("m", 2, "p");
        folder = store.folders().add(dir, List.of("*.log")).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DocumentWrite write(String path, String hash, String... texts) {
        List<Chunk> chunks = new java.util.ArrayList<>();
        List<byte[]> hashes = new java.util.ArrayList<>();
        Map<HashKey, float[]> vectors = new java.util.LinkedHashMap<>();
        for (int i = 0; i < texts.length; i++) {
            chunks.add(new Chunk(i, texts[i], i * 10, i * 10 + texts[i].length(), 0, 1));
            byte[] h = Hashes.ofText(texts[i]);
            hashes.add(h);
            if (store.vectors().alreadyStored("m", List.of(h)).isEmpty()) {
                vectors.put(new HashKey(h), new float[] {i, 1});
            }
        }
        return new DocumentWrite(folder, path, 10, 1, hash, "text/plain", "m", "p", chunks, hashes, vectors);
    }

    /** The index holds the text of the user's files: only the user may read it, lock and WAL files included. */
    @Test
    void theIndexAndItsCompanionFilesAreReadableByTheUserOnly() throws Exception {
        store.documents().saveIndexed(write("/a.txt", "h1", "private text"));
        for (String name : List.of("index.db", "index.db-wal", "index.db-shm", "index.db.lock")) {
            Path file = dir.resolve(name);
            assertThat(file).as(name).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(name)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void removingAModelDeletesItsVectorsAndKeepsChunksOtherModelsShare() {
        store.models().register("other", 2, "p");
        store.documents().saveIndexed(write("/a.txt", "h1", "alpha beta", "gamma delta"));
        byte[] h = Hashes.ofText("alpha beta");
        store.documents().saveIndexed(new DocumentWrite(folder, "/a.txt", 10, 1, "h1", "text/plain", "other", "p",
                List.of(new Chunk(0, "alpha beta", 0, 10, 0, 1), new Chunk(1, "gamma delta", 10, 21, 0, 1)),
                List.of(h, Hashes.ofText("gamma delta")), Map.of(new HashKey(h), new float[] {1, 0},
                        new HashKey(Hashes.ofText("gamma delta")), new float[] {0, 1})));
        assertThat(store.status().vectorCounts()).containsEntry("m", 2L).containsEntry("other", 2L);

        assertThat(store.models().delete("m")).isEqualTo(2);
        assertThat(store.models().all()).containsOnlyKeys("other");
        assertThat(store.status().vectorCounts()).containsEntry("other", 2L);
        assertThat(store.chunks().keywordSearch("\"gamma\"", "p", 10)).hasSize(1);
        assertThat(store.models().delete("m")).isZero();

        // The last model of a chunk profile takes the chunks (and their keyword entries) with it.
        store.models().delete("other");
        assertThat(store.status().counts().chunks()).isZero();
        assertThat(store.chunks().keywordSearch("\"gamma\"", "p", 10)).isEmpty();
        assertThat(store.documents().find("/a.txt")).isPresent();
    }

    @Test
    void keywordSearchKeepsToTheProfileEvenWhenAnotherProfileRanksHigher() {
        store.models().register("long", 2, "q");
        for (int i = 0; i < 30; i++) {
            String text = "gamma gamma gamma gamma note " + i;
            byte[] h = Hashes.ofText(text);
            store.documents().saveIndexed(new DocumentWrite(folder, "/q" + i + ".txt", 10, 1, "hq" + i, "text/plain",
                    "long", "q", List.of(new Chunk(0, text, 0, text.length(), 0, 1)), List.of(h),
                    Map.of(new HashKey(h), new float[] {1, 0})));
        }
        store.documents().saveIndexed(
                write("/p.txt", "hp", "a long passage that mentions gamma only once among many words"));
        List<ChunkHit> hits = store.chunks().keywordSearch("\"gamma\"", "p", 1);
        assertThat(hits).hasSize(1);
        assertThat(store.chunks().find(hits.get(0).chunkId()).orElseThrow().path()).isEqualTo("/p.txt");
        assertThat(store.chunks().keywordSearch("\"gamma\"", "q", 100)).hasSize(30);
    }

    @Test
    void aFoldersPassagesAreCountedOnceHoweverManyModelsCutThem() {
        store.documents().saveIndexed(write("/a.txt", "h1", "alpha beta", "gamma delta", "epsilon"));
        store.models().register("long", 2, "q");
        String whole = "alpha beta gamma delta epsilon";
        byte[] h = Hashes.ofText(whole);
        store.documents().saveIndexed(new DocumentWrite(folder, "/a.txt", 10, 1, "h1", "text/plain", "long", "q",
                List.of(new Chunk(0, whole, 0, whole.length(), 0, 1)), List.of(h),
                Map.of(new HashKey(h), new float[] {1, 0})));
        assertThat(store.status().folderCounts(folder).files()).isEqualTo(1);
        assertThat(store.status().folderCounts(folder).chunks()).as("the passages of the file, not 3 + 1")
                .isEqualTo(3);
        assertThat(store.status().folderCounts(folder).passagesByProfile()).as("and each profile's own count")
                .isEqualTo(Map.of("p", 3L, "q", 1L));
    }

    @Test
    void storesChunksVectorsAndTheirKeywordIndex() {
        store.documents().saveIndexed(write("/a.txt", "h1", "alpha beta", "gamma delta"));
        assertThat(store.status().counts().chunks()).isEqualTo(2);
        assertThat(store.vectors().count("m", "p")).isEqualTo(2);
        List<ChunkHit> hits = store.chunks().keywordSearch("\"gamma\"", "p", 10);
        assertThat(hits).hasSize(1);
        assertThat(store.chunks().find(hits.get(0).chunkId()).orElseThrow().text()).isEqualTo("gamma delta");
        assertThat(store.folders().all().get(0).exclusions()).containsExactly("*.log");
    }

    @Test
    void vectorsAreStoredLittleEndianAndRoundTrip() {
        store.documents().saveIndexed(write("/a.txt", "h1", "alpha"));
        float[][] seen = new float[1][];
        store.vectors().forEach("m", "p", (chunk, doc, blob) -> seen[0] = VectorCodec.decode(blob));
        assertThat(seen[0]).containsExactly(0f, 1f);
        assertThat(VectorCodec.encode(new float[] {1f})).containsExactly(0, 0, (byte) 0x80, 0x3f);
    }

    @Test
    void identicalChunksShareOneVector() {
        store.documents().saveIndexed(write("/a.txt", "h1", "same text"));
        DocumentWrite second = write("/b.txt", "h2", "same text");
        assertThat(second.newVectors()).isEmpty();
        store.documents().saveIndexed(second);
        assertThat(store.vectors().count("m", "p")).isEqualTo(2);
        int stored = db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM embeddings")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void changedContentReplacesOldChunksAndUnusedVectorsAreDropped() {
        store.documents().saveIndexed(write("/a.txt", "h1", "old one", "old two"));
        store.documents().saveIndexed(write("/a.txt", "h2", "new text"));
        assertThat(store.status().counts().chunks()).isEqualTo(1);
        assertThat(store.chunks().keywordSearch("\"old\"", "p", 10)).isEmpty();
        assertThat(store.vectors().deleteUnused()).isEqualTo(2);
    }

    @Test
    void skippingAFileRemovesWhatWasIndexedAndKeepsTheReason() {
        store.documents().saveIndexed(write("/a.txt", "h1", "text"));
        store.documents().saveSkipped(folder, "/a.txt", 10, 2, "corrupt PDF");
        assertThat(store.status().counts().chunks()).isZero();
        assertThat(store.documents().skipped()).extracting(StoredDocument::error).containsExactly("corrupt PDF");
    }

    @Test
    void removingAFolderDeletesItsDocumentsButNotTheModel() {
        store.documents().saveIndexed(write("/a.txt", "h1", "text"));
        store.folders().remove(folder);
        assertThat(store.status().counts().documents()).isZero();
        assertThat(store.status().counts().chunks()).isZero();
        assertThat(store.models().all()).containsKey("m");
    }

    @Test
    void aSecondOpenerGetsAReadOnlyIndexThatStillSearches() {
        store.documents().saveIndexed(write("/a.txt", "h1", "alpha beta"));
        try (Database second = Database.open(dir.resolve("index.db"))) {
            IndexStore reader = new IndexStore(second);
            assertThat(second.readOnly()).isTrue();
            assertThat(reader.readOnlyReason()).get().asString().contains("is updating the index");
            assertThatThrownBy(reader::requireWritable).isInstanceOf(dev.semdex.SemdexException.class);
            assertThat(reader.chunks().keywordSearch("\"alpha\"", "p", 10)).hasSize(1);
            assertThatThrownBy(() -> reader.folders().add(dir.resolve("other"), java.util.List.of()))
                    .isInstanceOf(dev.semdex.SemdexException.class).hasMessageContaining("is updating the index");
        }
        assertThat(db.readOnly()).isFalse();
        assertThat(store.readOnlyReason()).isEmpty();
    }

    /** A result is shown with the parts of its neighbours that it does not overlap, so they come with offsets. */
    @Test
    void neighboursAreTheChunksJustBeforeAndAfterInTheSameProfile() {
        store.models().register("long", 2, "q");
        store.documents().saveIndexed(write("/a.txt", "h1", "zero", "one", "two", "three"));
        byte[] h = Hashes.ofText("other profile");
        store.documents().saveIndexed(new DocumentWrite(folder, "/a.txt", 10, 1, "h1", "text/plain", "long", "q",
                List.of(new Chunk(0, "other profile", 0, 13, 0, 1), new Chunk(2, "other two", 20, 29, 0, 1)),
                List.of(h, Hashes.ofText("other two")), Map.of()));
        StoredChunk one = chunkWith("one");

        assertThat(store.chunks().neighbours(one)).extracting(StoredChunk::text, StoredChunk::start, StoredChunk::path)
                .containsExactly(tuple("zero", 0, "/a.txt"), tuple("two", 20, "/a.txt"));
        assertThat(store.chunks().neighbours(chunkWith("zero"))).extracting(StoredChunk::text).containsExactly("one");
    }

    private StoredChunk chunkWith(String word) {
        ChunkHit hit = store.chunks().keywordSearch("\"" + word + "\"", "p", 1).get(0);
        return store.chunks().find(hit.chunkId()).orElseThrow();
    }

    /** Judgements live in the index file, so they are reached through the store like its tables. */
    @Test
    void judgementsAreKeptInTheSameIndex() {
        store.judgements().judge("volcano  ash", "/a.txt", true);
        assertThat(store.judgements().of("volcano ash")).containsEntry("/a.txt", true);
    }

    @Test
    void reopeningKeepsTheSchemaAndData() {
        store.documents().saveIndexed(write("/a.txt", "h1", "text"));
        db.close();
        db = Database.open(dir.resolve("index.db"));
        store = new IndexStore(db);
        assertThat(store.status().counts().documents()).isEqualTo(1);
        String mode = db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(mode).isEqualTo("wal");
    }
}

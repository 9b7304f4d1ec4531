package dev.semdex.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The index's tables over one open {@link Database}. Every table method is one statement or one transaction, so
 * no caller holds the connection or writes SQL, and the tables can be handed out on their own.
 */
public final class IndexStore implements AutoCloseable {

    private final Database db;
    private final FolderTable folders;
    private final ModelTable models;
    private final DocumentTable documents;
    private final ChunkTable chunks;
    private final VectorTable vectors;
    private final IndexStatus status;
    private final Judgements judgements;
    private final LabelTable labels;
    private final PictureTable pictures;

    public IndexStore(Database db) {
        this.db = db;
        this.vectors = new VectorTable(db);
        this.folders = new FolderTable(db, vectors);
        this.models = new ModelTable(db);
        this.documents = new DocumentTable(db);
        this.chunks = new ChunkTable(db);
        this.status = new IndexStatus(db);
        this.judgements = new Judgements(db);
        this.labels = new LabelTable(db);
        this.pictures = new PictureTable(db);
    }

    /**
     * Opens the index file for a store that owns it: {@link #close()} closes the file. For indexes other than the
     * user's own (evaluation and benchmark indexes), whose lifetime is one piece of work.
     */
    public static IndexStore open(Path file) {
        return new IndexStore(Database.open(file));
    }

    public FolderTable folders() {
        return folders;
    }

    public ModelTable models() {
        return models;
    }

    public DocumentTable documents() {
        return documents;
    }

    public ChunkTable chunks() {
        return chunks;
    }

    public VectorTable vectors() {
        return vectors;
    }

    public IndexStatus status() {
        return status;
    }

    /** The user's relevance judgements: kept in the index so that they survive restarts. */
    public Judgements judgements() {
        return judgements;
    }

    /** The vectors of image files made by two-tower models' image towers. */
    public PictureTable pictures() {
        return pictures;
    }

    /** The user's labels and what they confirmed or corrected. */
    public LabelTable labels() {
        return labels;
    }

    /** Why changes are refused (another Semdex writes, or the data folder is read-only); empty when allowed. */
    public Optional<String> readOnlyReason() {
        return db.readOnlyReason();
    }

    /**
     * Refuses, with the reason, before work that would change the index: a run should not load a model and scan a
     * folder only to find it cannot store anything.
     */
    public void requireWritable() {
        db.requireWritable();
    }

    /** Closes the index file under this store, also when the caller opened it. */
    @Override
    public void close() {
        db.close();
    }
}

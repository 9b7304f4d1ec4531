package dev.semdex.ui.folders;

/** Where a folder stands, as its row shows it. */
public enum FolderState {
    NOT_INDEXED("not indexed"),
    QUEUED("queued"),
    INDEXING("indexing"),
    UP_TO_DATE("up to date"),
    WITH_ERRORS("up to date, with skipped files"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String label;

    FolderState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package dev.semdex.store;

/** What the index remembers of a file, to decide whether it must be read again. */
public record StoredDocument(long id, long folderId, String path, long size, long modifiedMillis, String contentHash,
        String status, String error) {

    public boolean skipped() {
        return "skipped".equals(status);
    }
}

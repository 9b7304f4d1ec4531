package dev.semdex.store;

/** What the index remembers of a file, to decide whether it must be read again. */
public record StoredDocument(long id, long folderId, String path, long size, long modifiedMillis, String contentHash,
        String status, String error, int extraction) {

    /** The lower-case extension of a file name, "" when it has none: what the file-type filter compares. */
    public static String extensionOf(String path) {
        String name = java.nio.file.Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public boolean skipped() {
        return "skipped".equals(status);
    }
}

package dev.semdex.extract;

import java.util.List;
import java.util.Objects;

/**
 * What a scan leaves out. Immutable so one instance can be shared by a scan running in the background while the user
 * edits settings; change it with the {@code with...} methods.
 */
public final class ScanOptions {

    /** 50 MB: beyond that a "document" is almost always a data dump, a log or an export nobody searches by meaning. */
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

    private static final ScanOptions DEFAULTS = new ScanOptions(DEFAULT_MAX_FILE_BYTES, List.of(), null);

    private final long maxFileBytes;
    private final List<String> exclusionPatterns;
    private final String imageSkipReason;

    private ScanOptions(long maxFileBytes, List<String> exclusionPatterns, String imageSkipReason) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
        this.exclusionPatterns = List.copyOf(exclusionPatterns);
        this.imageSkipReason = imageSkipReason;
    }

    public static ScanOptions defaults() {
        return DEFAULTS;
    }

    /** Files larger than this are reported as skipped rather than extracted. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Lines in .gitignore syntax, matched relative to the scanned root. They take precedence over .gitignore and
     * .semdexignore files, so a {@code !pattern} here brings back something a project's .gitignore hides.
     */
    public List<String> exclusionPatterns() {
        return exclusionPatterns;
    }

    /**
     * Why images that OCR would read are left out (OCR off, Tesseract missing), or null when they are let in. Decided
     * from the name, so a folder of photos is not read on every run while OCR cannot use it.
     */
    public String imageSkipReason() {
        return imageSkipReason;
    }

    public ScanOptions withMaxFileBytes(long maxFileBytes) {
        return new ScanOptions(maxFileBytes, exclusionPatterns, imageSkipReason);
    }

    public ScanOptions withExclusionPatterns(List<String> exclusionPatterns) {
        return new ScanOptions(maxFileBytes, Objects.requireNonNull(exclusionPatterns, "exclusionPatterns"),
                imageSkipReason);
    }

    /** Images are skipped with {@code reason}; null lets them in. */
    public ScanOptions withImageSkipReason(String reason) {
        return new ScanOptions(maxFileBytes, exclusionPatterns, reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanOptions other
                && maxFileBytes == other.maxFileBytes
                && exclusionPatterns.equals(other.exclusionPatterns)
                && Objects.equals(imageSkipReason, other.imageSkipReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFileBytes, exclusionPatterns, imageSkipReason);
    }

    @Override
    public String toString() {
        return "ScanOptions[maxFileBytes=" + maxFileBytes + ", exclusionPatterns=" + exclusionPatterns
                + ", imageSkipReason=" + imageSkipReason + "]";
    }
}

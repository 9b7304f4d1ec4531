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

    private static final ScanOptions DEFAULTS = new ScanOptions(DEFAULT_MAX_FILE_BYTES, List.of(), null, false);

    private final long maxFileBytes;
    private final List<String> exclusionPatterns;
    private final String imageSkipReason;
    private final boolean indexSourceCode;

    private ScanOptions(long maxFileBytes, List<String> exclusionPatterns, String imageSkipReason,
            boolean indexSourceCode) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
        this.exclusionPatterns = List.copyOf(exclusionPatterns);
        this.imageSkipReason = imageSkipReason;
        this.indexSourceCode = indexSourceCode;
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

    /**
     * Whether the code in source trees (a folder with {@code .git}, a build manifest such as {@code pom.xml} or
     * {@code package.json}, {@code __pycache__} …) is indexed; off, only the prose there is (README, docs, Markdown,
     * text, PDFs), and the code is counted as not documents. Dependency and build folders are left out either way.
     */
    public boolean indexSourceCode() {
        return indexSourceCode;
    }

    public ScanOptions withMaxFileBytes(long maxFileBytes) {
        return new ScanOptions(maxFileBytes, exclusionPatterns, imageSkipReason, indexSourceCode);
    }

    public ScanOptions withExclusionPatterns(List<String> exclusionPatterns) {
        return new ScanOptions(maxFileBytes, Objects.requireNonNull(exclusionPatterns, "exclusionPatterns"),
                imageSkipReason, indexSourceCode);
    }

    /** Images are skipped with {@code reason}; null lets them in. */
    public ScanOptions withImageSkipReason(String reason) {
        return new ScanOptions(maxFileBytes, exclusionPatterns, reason, indexSourceCode);
    }

    /** Code in source trees is indexed ({@code true}) or counted as not documents. */
    public ScanOptions withSourceCode(boolean index) {
        return new ScanOptions(maxFileBytes, exclusionPatterns, imageSkipReason, index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanOptions other
                && maxFileBytes == other.maxFileBytes
                && exclusionPatterns.equals(other.exclusionPatterns)
                && Objects.equals(imageSkipReason, other.imageSkipReason)
                && indexSourceCode == other.indexSourceCode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFileBytes, exclusionPatterns, imageSkipReason, indexSourceCode);
    }

    @Override
    public String toString() {
        return "ScanOptions[maxFileBytes=" + maxFileBytes + ", exclusionPatterns=" + exclusionPatterns
                + ", imageSkipReason=" + imageSkipReason + ", indexSourceCode=" + indexSourceCode + "]";
    }
}

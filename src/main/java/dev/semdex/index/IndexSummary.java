package dev.semdex.index;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a run: what was read, what was left as it was and what could not be indexed, with reasons.
 *
 * @param filesDeleted indexed files that are gone from disk and so from the index (not skipped ones)
 * @param reusedVectors chunks whose vector was already stored (same text elsewhere or unchanged part of a file)
 * @param stages        time per stage of the pipeline
 * @param notDocuments  files left out quietly as site or build assets (fonts, stylesheets, minified scripts), which
 *                      are not in {@code skipped}: that list is for files the user may want to do something about
 */
public record IndexSummary(int filesSeen, int filesIndexed, int filesUnchanged, int filesDeleted, long chunks,
        long passagesEmbedded, long reusedVectors, List<SkippedEntry> skipped, Duration elapsed, StageTimes stages,
        int notDocuments) {

    public IndexSummary(int filesSeen, int filesIndexed, int filesUnchanged, int filesDeleted, long chunks,
            long passagesEmbedded, long reusedVectors, List<SkippedEntry> skipped, Duration elapsed, StageTimes stages) {
        this(filesSeen, filesIndexed, filesUnchanged, filesDeleted, chunks, passagesEmbedded, reusedVectors, skipped,
                elapsed, stages, 0);
    }

    /** A summary without a breakdown by stage. */
    public IndexSummary(int filesSeen, int filesIndexed, int filesUnchanged, int filesDeleted, long chunks,
            long passagesEmbedded, long reusedVectors, List<SkippedEntry> skipped, Duration elapsed) {
        this(filesSeen, filesIndexed, filesUnchanged, filesDeleted, chunks, passagesEmbedded, reusedVectors, skipped,
                elapsed, StageTimes.NONE);
    }

    public record SkippedEntry(String path, String reason) {}
}

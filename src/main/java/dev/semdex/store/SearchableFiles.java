package dev.semdex.store;

/**
 * How many files a model's search reaches: by words (their passages are in the keyword index) and by meaning (the
 * model embedded them too). While a run embeds a new folder, the first count is ahead of the second.
 */
public record SearchableFiles(long byWords, long byMeaning) {

    /** Files that keyword search finds but the model has no vectors for yet. */
    public long wordsOnly() {
        return Math.max(0, byWords - byMeaning);
    }
}
